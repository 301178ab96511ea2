extension FaultRule {
    /// Reads a rule from its JSON form, as posted to `/_fake/faults` or written under `faults:` in a scenario:
    /// `{"id"?, "method"?, "path", "status"? , "retryAfterSeconds"?, "latencyMilliseconds"?, "drop"?, "times"?,
    /// "probability"?, "seed"?}`. Exactly one of `status`, `latencyMilliseconds` (alone) or `drop` says what happens.
    /// - Throws: `FakeError` (400) naming the offending property.
    public init(json: JSONObject) throws(FakeError) {
        let known: Set<String> = [
            "id", "method", "path", "status", "retryAfterSeconds", "latencyMilliseconds", "drop", "times", "probability", "seed",
        ]
        if let unknown = json.keys.first(where: { !known.contains($0) }) {
            throw FakeError.invalidBody("fault rule: unknown property '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        guard let path = json["path"]?.stringValue, path.hasPrefix("/") else {
            throw FakeError.missingBody("fault rule: 'path' (a glob starting with '/', e.g. /api/iottimeseries/**) is required")
        }
        let method = try Self.optionalString(json, "method")
        if let method, !Self.supportedMethods.contains(method.uppercased()) {
            let list = Self.supportedMethods.sorted().joined(separator: ", ")
            throw FakeError.invalidBody("fault rule: 'method' must be one of \(list) (or left out for any), got '\(method)'")
        }
        let status = try Self.optionalInteger(json, "status", range: 100...599)
        let retryAfter = try Self.optionalInteger(json, "retryAfterSeconds", range: 0...86_400)
        let latency = try Self.optionalInteger(json, "latencyMilliseconds", range: 0...600_000) ?? 0
        let drop: Bool
        switch json["drop"] {
        case nil, .null?: drop = false
        case .bool(let value)?: drop = value
        case let other?: throw FakeError.invalidBody("fault rule: 'drop' must be true or false, got \(other.typeName)")
        }
        let action: Action
        if drop {
            guard status == nil else { throw FakeError.invalidBody("fault rule: 'drop' and 'status' exclude each other") }
            action = .dropConnection
        } else if let status {
            guard Self.supportedStatuses.contains(status) else {
                let list = Self.supportedStatuses.sorted().map(String.init).joined(separator: ", ")
                throw FakeError.invalidBody("fault rule: status \(status) is not supported (use one of \(list))")
            }
            action = .status(status, retryAfterSeconds: retryAfter, delayMilliseconds: latency)
        } else if latency > 0 {
            action = .latency(delayMilliseconds: latency)
        } else {
            throw FakeError.missingBody("fault rule: give 'status', 'latencyMilliseconds' or 'drop': true")
        }
        let times = try Self.optionalInteger(json, "times", range: 1...Int(Int32.max))
        var probability: Double?
        switch json["probability"] {
        case nil, .null?: probability = nil
        case .number(let number)? where (0...1).contains(number.doubleValue): probability = number.doubleValue
        case let other?: throw FakeError.invalidBody("fault rule: 'probability' must be a number from 0 to 1, got \(other)")
        }
        let seed = try Self.optionalInteger(json, "seed", range: 0...Int.max).map(UInt64.init) ?? 1
        self.init(
            id: try Self.optionalString(json, "id") ?? "", method: method, pathPattern: path, action: action,
            times: times, probability: probability, seed: seed)
    }

    /// The rule's JSON form (the same shape `init(json:)` reads).
    public var json: JSONValue {
        var object: JSONObject = ["id": .string(id)]
        object["method"] = method.map(JSONValue.string) ?? .null
        object["path"] = .string(pathPattern)
        switch action {
        case .status(let status, let retryAfter, let delay):
            object["status"] = .int(status)
            if let retryAfter { object["retryAfterSeconds"] = .int(retryAfter) }
            if delay > 0 { object["latencyMilliseconds"] = .int(delay) }
        case .latency(let delay):
            object["latencyMilliseconds"] = .int(delay)
        case .dropConnection:
            object["drop"] = .bool(true)
        }
        if let times { object["times"] = .int(times) }
        if let probability { object["probability"] = .double(probability) }
        object["seed"] = .number(.integer(Int64(truncatingIfNeeded: seed)))
        return .object(object)
    }

    private static func optionalString(_ json: JSONObject, _ key: String) throws(FakeError) -> String? {
        switch json[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case let other?: throw FakeError.invalidBody("fault rule: '\(key)' must be a string, got \(other.typeName)")
        }
    }

    private static func optionalInteger(_ json: JSONObject, _ key: String, range: ClosedRange<Int>) throws(FakeError) -> Int? {
        switch json[key] {
        case nil, .null?: return nil
        case .number(.integer(let value))? where range.contains(Int(value)): return Int(value)
        case let other?:
            throw FakeError.invalidBody("fault rule: '\(key)' must be an integer from \(range.lowerBound) to \(range.upperBound), got \(other)")
        }
    }
}
