/// A `POST /_fake/clock` body: any of `{"set": "<ISO 8601>"}`, `{"frozen": true|false}`, `{"advanceSeconds": N}`
/// (or `advanceMilliseconds`), applied in that order. Every number is range-checked before any arithmetic, and a
/// command that would move the clock outside `FakeClock.range` (years 0001 to 9999) is refused as a whole.
struct ClockCommand {
    private var setTo: Int64?
    private var frozen: Bool?
    private var advanceBy: Int64 = 0

    /// The largest move a command may ask for: the width of `FakeClock.range`. Anything larger leaves it from any
    /// reading, and keeping moves this small lets two of them add up without overflow.
    static let maximumAdvanceMilliseconds: Int64 = FakeClock.range.upperBound - FakeClock.range.lowerBound

    private static var rangeText: String {
        "\(Timestamp.format(milliseconds: FakeClock.range.lowerBound)) to \(Timestamp.format(milliseconds: FakeClock.range.upperBound))"
    }

    /// Reads the body.
    /// - Throws: `FakeError` (400) naming the bad property.
    init(_ body: JSONObject) throws(FakeError) {
        let limit = Self.maximumAdvanceMilliseconds
        for (key, value) in body.members {
            switch (key, value) {
            case ("set", .string(let text)):
                guard let milliseconds = Timestamp.parseMilliseconds(text) else {
                    throw FakeError.invalidBody("'set' must be \(Timestamp.expectedFormat), got '\(text)'")
                }
                guard FakeClock.range.contains(milliseconds) else {
                    throw FakeError.invalidBody("'set' must lie from \(Self.rangeText), got '\(text)'")
                }
                setTo = milliseconds
            case ("frozen", .bool(let flag)):
                frozen = flag
            case ("advanceSeconds", .number(let number)):
                // Checked on the double, before it is scaled or converted: 1e17 seconds would trap in Int64(_:).
                let milliseconds = number.doubleValue * 1000
                guard milliseconds.isFinite, milliseconds.magnitude <= Double(limit) else {
                    throw FakeError.invalidBody("'advanceSeconds' must be from -\(limit / 1000) to \(limit / 1000)")
                }
                advanceBy += Int64(milliseconds.rounded())
            case ("advanceMilliseconds", .number(.integer(let milliseconds))):
                guard milliseconds.magnitude <= UInt64(limit) else {
                    throw FakeError.invalidBody("'advanceMilliseconds' must be from -\(limit) to \(limit)")
                }
                advanceBy += milliseconds
            case ("set", _), ("frozen", _), ("advanceSeconds", _), ("advanceMilliseconds", _):
                throw FakeError.invalidBody("'\(key)' has the wrong type: \(value.typeName)")
            default:
                throw FakeError.invalidBody("unknown property '\(key)' (use set, frozen, advanceSeconds or advanceMilliseconds)")
            }
            // Each term is at most `limit`, so this sum cannot overflow before it is checked.
            guard advanceBy.magnitude <= UInt64(limit) else {
                throw FakeError.invalidBody("advanceSeconds and advanceMilliseconds together must be from -\(limit) to \(limit) ms")
            }
        }
        if setTo == nil, frozen == nil, advanceBy == 0, body.isEmpty {
            throw FakeError.missingBody("post {\"advanceSeconds\": N}, {\"set\": \"<ISO 8601>\"} or {\"frozen\": true|false}")
        }
    }

    /// Applies the command.
    /// - Throws: `FakeError` (400), changing nothing, when the clock would end up outside `FakeClock.range`.
    func apply(to control: FakeControl) throws(FakeError) {
        if advanceBy != 0 {
            // Both terms are within the range's width of it, so the sum cannot overflow.
            let target = (setTo ?? control.clock.nowMilliseconds()) + advanceBy
            guard FakeClock.range.contains(target) else {
                throw FakeError.invalidBody("the clock would move to \(Timestamp.format(milliseconds: target)); it must stay from \(Self.rangeText)")
            }
        }
        if let setTo { control.setClock(milliseconds: setTo) }
        if let frozen { control.freezeClock(frozen) }
        if advanceBy != 0 { control.advanceClock(milliseconds: advanceBy) }
    }
}
