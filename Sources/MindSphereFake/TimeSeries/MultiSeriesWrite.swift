import HTTPTypes

/// `PUT /timeseries`: records for up to 5 asset-aspect pairs in one body. Each pair is checked and stored on its own;
/// a failing pair is skipped and reported, the others are stored. Answers 202 Accepted.
struct MultiSeriesWrite {
    /// At most this many asset-aspect pairs per request.
    static let maximumPairs = 5
    /// At most this many records over all pairs.
    static let maximumRecords = 100
    /// At most this many body bytes (100 kB).
    static let maximumPayloadBytes = 100 * 1024

    let store: TimeSeriesStore

    /// Handles one request.
    func put(_ context: RequestContext) throws(FakeError) -> FakeResponse {
        guard context.request.body.count <= Self.maximumPayloadBytes else {
            throw FakeError(
                .payloadTooLarge,
                "the request body has \(context.request.body.count) bytes; at most \(Self.maximumPayloadBytes) (100 kB) are accepted")
        }
        let body = try context.jsonBody()
        guard case .object(let object) = body else {
            throw FakeError.invalidBody("the request body must be an object {\"timeseries\":[...]}, got a \(body.typeName)")
        }
        guard let list = object["timeseries"] else {
            throw FakeError.missingBody("the request body lacks 'timeseries', the array of {entityId, propertySetName, data}")
        }
        guard case .array(let pairs) = list, !pairs.isEmpty else {
            throw FakeError.invalidBody("'timeseries' must be a non-empty array of {entityId, propertySetName, data}")
        }
        guard pairs.count <= Self.maximumPairs else {
            throw FakeError.invalidBody("'timeseries' has \(pairs.count) asset-aspect pairs; at most \(Self.maximumPairs) are accepted per request")
        }
        let recordTotal = pairs.reduce(0) { $0 + ($1["data"]?.arrayValue?.count ?? 0) }
        guard recordTotal <= Self.maximumRecords else {
            throw FakeError.invalidBody("the request holds \(recordTotal) records; at most \(Self.maximumRecords) are accepted over all pairs")
        }
        var errors: [JSONValue] = []
        for (index, pair) in pairs.enumerated() {
            let entityID = pair["entityId"]?.stringValue
            let aspectName = pair["propertySetName"]?.stringValue
            do {
                try write(pair, index: index, entityID: entityID, aspectName: aspectName, context: context)
            } catch {
                errors.append(
                    .object([
                        "entityId": entityID.map(JSONValue.string) ?? .null,
                        "propertySetName": aspectName.map(JSONValue.string) ?? .null,
                        "status": .int(Int(WireErrorMapper.status(for: error.code).code)),
                        "message": .string(error.message),
                    ]))
            }
        }
        if errors.isEmpty { return .empty(.accepted) }
        return .json(.object(["errors": .array(errors)]), status: .accepted)
    }

    private func write(_ pair: JSONValue, index: Int, entityID: String?, aspectName: String?, context: RequestContext) throws(FakeError) {
        guard case .object = pair else {
            throw FakeError.invalidBody("timeseries[\(index)] must be an object {entityId, propertySetName, data}, got a \(pair.typeName)")
        }
        guard let entityID, !entityID.isEmpty else {
            throw FakeError.missingBody("timeseries[\(index)] lacks 'entityId' (a string)")
        }
        guard let aspectName, !aspectName.isEmpty else {
            throw FakeError.missingBody("timeseries[\(index)] lacks 'propertySetName' (a string)")
        }
        guard let data = pair["data"] else {
            throw FakeError.missingBody("timeseries[\(index)] lacks 'data', the array of records")
        }
        try store.write(
            tenant: context.tenant, assetID: entityID, aspectName: aspectName, body: data,
            nowMilliseconds: context.nowMilliseconds)
    }
}
