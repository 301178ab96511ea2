/// Turns a `GET /_fake/state` dump back into a scenario, so a saved state can be loaded again (`POST /_fake/state`).
/// Credentials are not in the dump: they are taken from `base` (the scenario loaded when the dump is posted).
struct StateDumpReader {
    let base: Scenario

    private static let origin = SourceLocation(file: "<posted state>", line: 1)
    private static let readOnlyKeys: Set<String> = [
        "id", "assetId", "tenantId", "etag", "_links", "sharing", "locks", "deleted", "t2Tenant", "subTenant",
        "hierarchyPath",
    ]

    /// The scenario the dump describes.
    /// - Throws: `ScenarioError` when the dump is not shaped like one.
    func scenario(from dump: JSONValue) throws(ScenarioError) -> Scenario {
        guard let object = dump.objectValue, let tenants = object["assetManagement"]?.arrayValue else {
            throw ScenarioError("post a dump as GET /_fake/state returns it (with 'assetManagement')", at: Self.origin)
        }
        var scenario = base
        scenario.aspectTypes = []
        scenario.assetTypes = []
        scenario.assets = []
        scenario.timeSeries = []
        scenario.files = []
        scenario.modelLockedTenants = []
        if let settings = object["scenario"] {
            if let name = settings["name"]?.stringValue { scenario.name = name }
            if let delay = try Self.integer(
                settings["ingestionDelayMilliseconds"], "scenario.ingestionDelayMilliseconds",
                in: Scenario.ingestionDelayMillisecondsRange)
            {
                scenario.ingestionDelayMilliseconds = delay
            }
            if let lifetime = try Self.integer(
                settings["tokenLifetimeSeconds"], "scenario.tokenLifetimeSeconds",
                in: Scenario.tokenLifetimeSecondsRange)
            {
                scenario.tokenLifetimeSeconds = lifetime
            }
            if let assumptions = settings["assumptions"] {
                guard let object = assumptions.objectValue else {
                    throw ScenarioError("scenario.assumptions must be an object of assumption id to alternative", at: Self.origin)
                }
                var picks: [String: String] = [:]
                for (id, value) in object.members {
                    guard let alternative = value.stringValue else {
                        throw ScenarioError("scenario.assumptions.\(id) must be a string naming an alternative", at: Self.origin)
                    }
                    picks[id] = alternative
                }
                scenario.assumptions = picks
                _ = try scenario.assumptionChoices()
            }
        }
        scenario.faults = []
        for rule in object["faults"]?.arrayValue ?? [] {
            guard var ruleObject = rule.objectValue else { continue }
            ruleObject["fired"] = nil
            ruleObject["remaining"] = nil
            do { scenario.faults.append(try FaultRule(json: ruleObject)) } catch { throw ScenarioError(error.message, at: Self.origin) }
        }
        for entry in tenants {
            guard let tenant = entry["tenant"]?.stringValue else { throw ScenarioError("a tenant entry has no 'tenant'", at: Self.origin) }
            if !scenario.tenants.contains(tenant) { scenario.tenants.append(tenant) }
            if entry["modelLock"]?["enabled"] == .bool(true) { scenario.modelLockedTenants.append(tenant) }
            for file in entry["files"]?.arrayValue ?? [] {
                scenario.files.append(try Self.file(file, tenant: tenant))
            }
            for type in entry["aspectTypes"]?.arrayValue ?? [] {
                scenario.aspectTypes.append(ScenarioResource(tenant: tenant, id: type["id"]?.stringValue, body: Self.body(type), origin: Self.origin))
            }
            for type in entry["assetTypes"]?.arrayValue ?? [] {
                scenario.assetTypes.append(ScenarioResource(tenant: tenant, id: type["id"]?.stringValue, body: Self.body(type), origin: Self.origin))
            }
            let assets = (entry["assets"]?.arrayValue ?? []).compactMap(\.objectValue)
            for asset in Self.parentsFirst(assets) {
                scenario.assets.append(
                    ScenarioResource(
                        tenant: tenant, id: asset["assetId"]?.stringValue, body: Self.body(.object(asset)), origin: Self.origin))
            }
        }
        for series in object["timeSeries"]?.arrayValue ?? [] {
            guard let tenant = series["tenant"]?.stringValue, let asset = series["entityId"]?.stringValue,
                let aspect = series["propertySetName"]?.stringValue
            else { continue }
            let records = (series["records"]?.arrayValue ?? []).compactMap(\.objectValue)
            scenario.timeSeries.append(ScenarioTimeSeries(tenant: tenant, assetID: asset, aspectName: aspect, records: records, origin: Self.origin))
        }
        return scenario
    }

    /// The dump's clock reading (`clock.epochMilliseconds`), `nil` when it has none.
    /// - Throws: `ScenarioError` when it is not an integer within `FakeClock.range` (years 0001 to 9999).
    func clockReading(in dump: JSONValue) throws(ScenarioError) -> Int64? {
        guard let value = dump["clock"]?["epochMilliseconds"], !value.isNull else { return nil }
        let range = FakeClock.range
        guard case .number(.integer(let now)) = value, range.contains(now) else {
            throw ScenarioError(
                "clock.epochMilliseconds must be an integer from \(range.lowerBound) to \(range.upperBound) "
                    + "(\(Timestamp.format(milliseconds: range.lowerBound)) to \(Timestamp.format(milliseconds: range.upperBound)))",
                at: Self.origin)
        }
        return now
    }

    /// An optional integer setting within `range`.
    private static func integer(_ value: JSONValue?, _ name: String, in range: ClosedRange<Int>) throws(ScenarioError) -> Int? {
        guard let value, !value.isNull else { return nil }
        guard case .number(.integer(let number)) = value, number >= range.lowerBound, number <= range.upperBound else {
            throw ScenarioError("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)", at: origin)
        }
        return Int(number)
    }

    /// A dumped file: its metadata and base64 `content`.
    private static func file(_ value: JSONValue, tenant: String) throws(ScenarioError) -> ScenarioFile {
        guard let name = value["name"]?.stringValue, let text = value["content"]?.stringValue,
            let content = FileContentCoding.decode(text)
        else {
            throw ScenarioError("a file of tenant '\(tenant)' needs 'name' and base64 'content'", at: origin)
        }
        let scopeText = value["scope"]?.stringValue ?? "PRIVATE"
        guard let scope = FileRecord.Scope(rawValue: scopeText) else {
            throw ScenarioError("file '\(name)': scope '\(scopeText)' must be PUBLIC or PRIVATE", at: origin)
        }
        var file = ScenarioFile(
            tenant: tenant, id: value["id"]?.stringValue, name: name, originalFileName: value["originalFileName"]?.stringValue,
            description: value["description"]?.stringValue, scope: scope,
            mimeType: value["mimeType"]?.stringValue ?? "application/octet-stream", content: content, origin: origin)
        file.uploaded = value["uploaded"]?.stringValue.flatMap { Timestamp.parseMilliseconds($0) }
        file.lastModified = value["lastModified"]?.stringValue.flatMap { Timestamp.parseMilliseconds($0) }
        return file
    }

    private static func body(_ value: JSONValue) -> JSONObject {
        var body = JSONObject()
        for member in value.objectValue?.members ?? [] where !readOnlyKeys.contains(member.key) {
            body[member.key] = member.value
        }
        return body
    }

    /// Assets ordered so every parent comes before its children.
    private static func parentsFirst(_ assets: [JSONObject]) -> [JSONObject] {
        let byID = Dictionary(assets.map { ($0["assetId"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        func depth(_ asset: JSONObject) -> Int {
            var depth = 0
            var parent = asset["parentId"]?.stringValue ?? ""
            while !parent.isEmpty, let next = byID[parent], depth < byID.count {
                depth += 1
                parent = next["parentId"]?.stringValue ?? ""
            }
            return depth
        }
        return assets.enumerated().map { (depth: depth($0.element), index: $0.offset, asset: $0.element) }
            .sorted { ($0.depth, $0.index) < ($1.depth, $1.index) }.map(\.asset)
    }
}
