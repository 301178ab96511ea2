import Foundation

/// File bytes in a state dump: standard base64, so any content survives JSON.
enum FileContentCoding {
    /// The bytes as base64.
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// The bytes of a base64 text, `nil` when it is not base64.
    static func decode(_ text: String) -> [UInt8]? {
        Data(base64Encoded: text).map { Array($0) }
    }
}
