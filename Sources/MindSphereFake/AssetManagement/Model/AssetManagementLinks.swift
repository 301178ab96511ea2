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
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        for byte in text.utf8 {
            if keptInQueryValue[Int(byte)] {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The bytes a query value keeps as they are: unreserved characters, `:` and `,`.
    private static let keptInQueryValue: [Bool] = (0...255).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: ","):
            true
        default:
            false
        }
    }
}
