/// A `POST /_fake/clock` body: any of `{"set": "<ISO 8601>"}`, `{"frozen": true|false}`, `{"advanceSeconds": N}`
/// (or `advanceMilliseconds`), applied in that order.
struct ClockCommand {
    private var setTo: Int64?
    private var frozen: Bool?
    private var advanceBy: Int64 = 0

    /// Reads the body.
    /// - Throws: `FakeError` (400) naming the bad property.
    init(_ body: JSONObject) throws(FakeError) {
        for (key, value) in body.members {
            switch (key, value) {
            case ("set", .string(let text)):
                guard let milliseconds = Timestamp.parseMilliseconds(text) else {
                    throw FakeError.invalidBody("'set' must be \(Timestamp.expectedFormat), got '\(text)'")
                }
                setTo = milliseconds
            case ("frozen", .bool(let flag)):
                frozen = flag
            case ("advanceSeconds", .number(let number)):
                advanceBy += Int64((number.doubleValue * 1000).rounded())
            case ("advanceMilliseconds", .number(.integer(let milliseconds))):
                advanceBy += milliseconds
            case ("set", _), ("frozen", _), ("advanceSeconds", _), ("advanceMilliseconds", _):
                throw FakeError.invalidBody("'\(key)' has the wrong type: \(value.typeName)")
            default:
                throw FakeError.invalidBody("unknown property '\(key)' (use set, frozen, advanceSeconds or advanceMilliseconds)")
            }
        }
        if setTo == nil, frozen == nil, advanceBy == 0, body.isEmpty {
            throw FakeError.missingBody("post {\"advanceSeconds\": N}, {\"set\": \"<ISO 8601>\"} or {\"frozen\": true|false}")
        }
    }

    /// Applies the command.
    func apply(to control: FakeControl) {
        if let setTo { control.setClock(milliseconds: setTo) }
        if let frozen { control.freezeClock(frozen) }
        if advanceBy != 0 { control.advanceClock(milliseconds: advanceBy) }
    }
}
