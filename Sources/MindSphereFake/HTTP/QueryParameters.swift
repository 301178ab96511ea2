/// The parameters of a query string, in order, percent-decoded (`+` as space, as Java servers do).
package struct QueryParameters: Sendable {
    /// The decoded name/value pairs in order; a name without `=` has an empty value.
    public let pairs: [(name: String, value: String)]

    /// Parses a raw query string (the part after `?`). Empty pieces (`a=1&&b=2&`) are skipped.
    public init(rawQuery: Substring) {
        guard !rawQuery.isEmpty else {
            self.pairs = []
            return
        }
        var pairs: [(name: String, value: String)] = []
        for piece in rawQuery.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(String(parts[0]), plusAsSpace: true) ?? String(parts[0])
            let rawValue = parts.count > 1 ? String(parts[1]) : ""
            let value = PercentDecoding.decode(rawValue, plusAsSpace: true) ?? rawValue
            pairs.append((name: name, value: value))
        }
        self.pairs = pairs
    }

    /// The first value of `name`, or `nil`.
    public subscript(name: String) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// Whether `name` is present.
    public func contains(_ name: String) -> Bool {
        pairs.contains(where: { $0.name == name })
    }
}

/// Percent-decoding of URL components.
public enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as space when asked); `nil` when an escape is malformed or the result is not UTF-8.
    public static func decode(_ text: String, plusAsSpace: Bool) -> String? {
        if !contains(UInt8(ascii: "%"), in: text) && !(plusAsSpace && contains(UInt8(ascii: "+"), in: text)) {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else if plusAsSpace && byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Percent-encodes everything except unreserved characters (RFC 3986) and the bytes in `alsoKeeping`.
    public static func encode(_ text: String, alsoKeeping kept: String = "") -> String {
        let keptBytes = Array(kept.utf8)
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where keptBytes.contains(byte):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(hex[Int(byte >> 4)])
                output.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return output
    }

    /// Whether `text` holds `byte`, searched on its contiguous UTF-8 bytes.
    private static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { ByteSearch.firstIndex(of: byte, in: $0) != nil }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
