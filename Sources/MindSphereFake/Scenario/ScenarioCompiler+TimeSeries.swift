extension ScenarioCompiler {
    /// One entry of a tenant's `timeSeries:` list: `{asset: <name or id>, aspect: <name>, records|file|generate}`.
    mutating func compileTenantTimeSeries(_ node: ScenarioNode, tenant: String) throws(ScenarioError) {
        guard let assetNode = node.child("asset"), let aspectNode = node.child("aspect") else {
            throw node.error("a time-series entry needs 'asset' (name or id) and 'aspect'")
        }
        let reference = try assetNode.string("asset")
        let assetID: String
        if assetIDs[tenant, default: []].contains(reference) {
            assetID = reference
        } else if case .some(.some(let id)) = assetIDsByName[tenant, default: [:]][reference] {
            assetID = id
        } else {
            throw assetNode.error("asset '\(reference)' is not an asset of tenant '\(tenant)' defined in this scenario")
        }
        try compileSeries(node, tenant: tenant, assetID: assetID, aspectName: try aspectNode.string("aspect"))
    }

    /// Records for one asset's aspect: a list of records, or a mapping with `records`, `file` (a JSON array as the
    /// API returns it, or CSV with a header row) and/or `generate`.
    mutating func compileSeries(_ node: ScenarioNode, tenant: String, assetID: String, aspectName: String) throws(ScenarioError) {
        var records: [JSONObject] = []
        if node.isSequence {
            records = try inlineRecords(node)
        } else {
            try node.onlyKeys(["asset", "aspect", "records", "file", "generate"], in: "a time series")
            if let inline = node.child("records") { records += try inlineRecords(inline) }
            if let fileNode = node.child("file") {
                records += try fixtureRecords(fileNode, tenant: tenant, assetID: assetID, aspectName: aspectName)
            }
            if let generate = node.child("generate") {
                records += try SeriesGenerator(node: generate, seed: scenario.seed &+ UInt64(scenario.timeSeries.count)).records()
            }
        }
        scenario.timeSeries.append(
            ScenarioTimeSeries(
                tenant: tenant, assetID: assetID, aspectName: aspectName, records: records, origin: node.location))
    }

    private func inlineRecords(_ node: ScenarioNode) throws(ScenarioError) -> [JSONObject] {
        var records: [JSONObject] = []
        for item in try node.items("records") {
            guard case .object(let record) = item.json else { throw item.error("a time-series record must be a mapping") }
            records.append(record)
        }
        return records
    }

    private func fixtureRecords(_ node: ScenarioNode, tenant: String, assetID: String, aspectName: String) throws(ScenarioError) -> [JSONObject] {
        let path = try node.string("file")
        let file = try loader.read(path, relativeTo: node.file, at: node.location)
        if path.lowercased().hasSuffix(".csv") {
            let types = variableTypes(tenant: tenant, assetID: assetID, aspectName: aspectName)
            return try FixtureCSV(file: file, variableTypes: types).records()
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(file.text.utf8))
        } catch {
            throw ScenarioError("not valid JSON: \(error)", at: SourceLocation(file: file.path, line: 1))
        }
        guard let items = value.arrayValue else {
            throw ScenarioError("a JSON fixture must be an array of records", at: SourceLocation(file: file.path, line: 1))
        }
        var records: [JSONObject] = []
        for (index, item) in items.enumerated() {
            guard let record = item.objectValue else {
                throw ScenarioError("record \(index) is not an object", at: SourceLocation(file: file.path, line: 1))
            }
            records.append(record)
        }
        return records
    }

    /// The data types of an aspect's variables as far as this scenario declares them (for typing CSV cells).
    func variableTypes(tenant: String, assetID: String, aspectName: String) -> [String: VariableDataType] {
        guard var typeID = assetTypeIDs[tenant]?[assetID] else { return [:] }
        var visited: Set<String> = []
        while visited.insert(typeID).inserted,
            let assetType = scenario.assetTypes.last(where: { $0.tenant == tenant && $0.id == typeID })
        {
            for slot in assetType.body["aspects"]?.arrayValue ?? [] where slot["name"]?.stringValue == aspectName {
                guard let aspectTypeID = slot["aspectTypeId"]?.stringValue,
                    let aspectType = scenario.aspectTypes.last(where: { $0.tenant == tenant && $0.id == aspectTypeID })
                else { return [:] }
                var types: [String: VariableDataType] = [:]
                for variable in aspectType.body["variables"]?.arrayValue ?? [] {
                    if let name = variable["name"]?.stringValue,
                        let type = variable["dataType"]?.stringValue.flatMap(VariableDataType.init(rawValue:))
                    {
                        types[name] = type
                    }
                }
                return types
            }
            guard let parent = assetType.body["parentTypeId"]?.stringValue else { break }
            typeID = parent
        }
        return [:]
    }
}
