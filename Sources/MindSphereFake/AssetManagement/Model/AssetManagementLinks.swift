/// Builds the absolute HAL links of Asset Management from the base URL the caller used.
struct AssetManagementLinks: Sendable {
    /// The API's base path.
    static let basePath = "/api/assetmanagement/v3"
    /// `{"modes":[]}`: nothing is shared in the fake.
    static let emptySharing: JSONValue = .object(["modes": .array([])])

    /// The absolute API root, e.g. `https://gateway.eu1.mindsphere.io/api/assetmanagement/v3`.
    let root: String

    /// Links relative to `baseURL` (scheme and host).
    init(baseURL: String) {
        root = baseURL + Self.basePath
    }

    /// `{"href":"<root>/<relative>"}`.
    func href(_ relative: String) -> JSONValue {
        .object(["href": .string(root + "/" + relative)])
    }

    /// Percent-encodes a query value the way the gateway writes links: JSON punctuation escaped, `:` and `,` kept.
    static func encodeQueryValue(_ text: String) -> String {
        var output = ""
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: ","):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(hex[Int(byte >> 4)])
                output.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return output
    }
}
