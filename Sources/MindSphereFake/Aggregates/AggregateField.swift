/// One field of a variable's aggregate object, in the order the service's models list them.
enum AggregateField: Int, Sendable, CaseIterable {
    case countgood
    case countuncertain
    case countbad
    case sum
    case average
    case minvalue
    case mintime
    case maxvalue
    case maxtime
    case firstvalue
    case firsttime
    case lastvalue
    case lasttime
    /// The standard deviation; v4 only.
    case sd

    /// The JSON keys by raw value.
    private static let names = [
        "countgood", "countuncertain", "countbad", "sum", "average", "minvalue", "mintime", "maxvalue", "maxtime",
        "firstvalue", "firsttime", "lastvalue", "lasttime", "sd",
    ]
    /// `"name":` as JSON bytes by raw value, built once (rendering writes a key per field of every aggregate).
    private static let jsonKeys = names.map { Array("\"\($0)\":".utf8) }

    /// The JSON key.
    var name: String { Self.names[rawValue] }

    /// The field named `name` (as written in `select=var.field`, any letter case).
    init?(name: String) {
        guard let index = Self.names.firstIndex(of: name.lowercased()) else { return nil }
        self.init(rawValue: index)
    }

    /// `"name":` as JSON bytes.
    var jsonKey: [UInt8] { Self.jsonKeys[rawValue] }
}
