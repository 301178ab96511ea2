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

    /// The JSON key.
    var name: String { Self.names[rawValue] }

    /// The field named `name` (as written in `select=var.field`, any letter case).
    init?(name: String) {
        guard let index = Self.names.firstIndex(of: name.lowercased()) else { return nil }
        self.init(rawValue: index)
    }

    /// Appends `"name":` to `output`; from static text, so rendering a key costs no reference counting.
    func writeKey(into output: inout [UInt8]) {
        let key: StaticString =
            switch self {
            case .countgood: #""countgood":"#
            case .countuncertain: #""countuncertain":"#
            case .countbad: #""countbad":"#
            case .sum: #""sum":"#
            case .average: #""average":"#
            case .minvalue: #""minvalue":"#
            case .mintime: #""mintime":"#
            case .maxvalue: #""maxvalue":"#
            case .maxtime: #""maxtime":"#
            case .firstvalue: #""firstvalue":"#
            case .firsttime: #""firsttime":"#
            case .lastvalue: #""lastvalue":"#
            case .lasttime: #""lasttime":"#
            case .sd: #""sd":"#
            }
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
    }
}
