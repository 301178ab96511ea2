import Foundation

/// Base64 helpers for JWTs (URL alphabet, no padding) and for Basic credentials (standard alphabet).
package enum Base64URL {
    /// Encodes bytes as base64url without padding.
    public static func encode(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes base64url strictly, as RFC 7515 writes it: only `A-Z a-z 0-9 - _`, no padding, no whitespace, and
    /// the canonical last character (the bits it carries beyond the last whole byte are zero). `nil` otherwise, so
    /// every byte string has exactly one accepted text and a changed character always changes the bytes.
    public static func decode(_ text: Substring) -> Data? {
        let utf8 = text.utf8
        guard utf8.count % 4 != 1 else { return nil }
        var output = Data()
        output.reserveCapacity(utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in utf8 {
            guard let value = sextet(byte) else { return nil }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        // Left-over bits (2 after two characters of a group, 4 after three) must be zero.
        guard buffer == 0 else { return nil }
        return output
    }

    /// The 6-bit value of a base64url character, `nil` for any other byte.
    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
