import Foundation
import HTTPTypes
public import MindSphereFake

/// The types and the asset most checks share, created once per run under the run's prefix (and removed by its
/// cleanup): a dynamic aspect type `metrics` (DOUBLE `temperature` with quality code, INT `counter`, STRING(20)
/// `label`, BOOLEAN `ok`), an instantiable asset type using it, and one asset of that type under the root asset.
public actor RunFixtures {
    /// The ids of the shared fixtures.
    public struct Ids: Sendable {
        /// The root asset's id.
        public var rootAssetID: String
        /// The aspect type's id.
        public var aspectTypeID: String
        /// The asset type's id.
        public var assetTypeID: String
        /// The asset's id.
        public var assetID: String
        /// The aspect's name on the asset type.
        public var aspectName: String
    }

    private var created: Result<Ids, CheckFailure>?

    /// No fixtures yet.
    public init() {}

    /// The aspect name every fixture asset carries.
    public static let aspectName = "metrics"

    /// The aspect type body the run creates.
    public static func aspectTypeBody(prefix: RunPrefix) -> JSONValue {
        func variable(_ name: String, _ type: String, unit: String = "", length: Int? = nil, qualityCode: Bool = false) -> JSONValue {
            .object([
                "name": .string(name), "dataType": .string(type), "unit": .string(unit), "searchable": .bool(false),
                "length": length.map(JSONValue.int) ?? .null, "qualityCode": .bool(qualityCode),
            ])
        }
        return .object([
            "name": .string(prefix.name("metrics")),
            "category": .string("dynamic"),
            "scope": .string("private"),
            "description": .string("contract kit run \(prefix)"),
            "variables": .array([
                variable("temperature", "DOUBLE", unit: "C", qualityCode: true),
                variable("counter", "INT"),
                variable("label", "STRING", length: 20),
                variable("ok", "BOOLEAN"),
            ]),
        ])
    }

    /// The shared fixtures, created on first use.
    /// - Throws: `CheckFailure` naming the step that failed (also on later calls).
    public func ids(_ session: RunSession) async throws -> Ids {
        if let created { return try created.get() }
        let result: Result<Ids, CheckFailure>
        do {
            result = .success(try await create(session))
        } catch let failure as CheckFailure {
            result = .failure(CheckFailure("creating the run's fixtures: \(failure.message)"))
        } catch {
            result = .failure(CheckFailure("creating the run's fixtures: \(error)"))
        }
        created = result
        return try result.get()
    }

    private func create(_ session: RunSession) async throws -> Ids {
        let am = "/api/assetmanagement/v3"
        let prefix = session.prefix
        let tenant = session.tenant
        let root = try await session.sendAuthorized(FakeRequest(method: .get, target: am + "/assets/root"))
        guard root.status == .ok, let rootID = root.bodyJSON?["assetId"]?.stringValue else {
            throw CheckFailure("GET /assets/root answered \(root.status.code)")
        }
        let aspectTypeID = prefix.typeID(tenant: tenant, "metrics")
        let aspectType = try await session.sendAuthorized(
            json(
                .put, am + "/aspecttypes/" + aspectTypeID,
                Self.aspectTypeBody(prefix: prefix)))
        guard (200..<300).contains(aspectType.status.code) else {
            throw CheckFailure("PUT aspect type answered \(aspectType.status.code): \(aspectType.bodyText.prefix(300))")
        }
        let assetTypeID = prefix.typeID(tenant: tenant, "machine")
        let assetType = try await session.sendAuthorized(
            json(
                .put, am + "/assettypes/" + assetTypeID,
                .object([
                    "name": .string(prefix.name("machine")),
                    "description": .string("contract kit run \(prefix)"),
                    "parentTypeId": .string("core.basicasset"),
                    "instantiable": .bool(true),
                    "scope": .string("private"),
                    "aspects": .array([.object(["name": .string(Self.aspectName), "aspectTypeId": .string(aspectTypeID)])]),
                    "variables": .array([]),
                ])))
        guard (200..<300).contains(assetType.status.code) else {
            throw CheckFailure("PUT asset type answered \(assetType.status.code): \(assetType.bodyText.prefix(300))")
        }
        let asset = try await session.sendAuthorized(
            json(
                .post, am + "/assets",
                .object([
                    "name": .string(prefix.name("machine1")),
                    "typeId": .string(assetTypeID),
                    "parentId": .string(rootID),
                    "description": .string("contract kit run \(prefix)"),
                ])))
        guard (200..<300).contains(asset.status.code), let assetID = asset.bodyJSON?["assetId"]?.stringValue else {
            throw CheckFailure("POST asset answered \(asset.status.code): \(asset.bodyText.prefix(300))")
        }
        return Ids(
            rootAssetID: rootID, aspectTypeID: aspectTypeID, assetTypeID: assetTypeID, assetID: assetID,
            aspectName: Self.aspectName)
    }

    private func json(_ method: HTTPRequest.Method, _ target: String, _ body: JSONValue) -> FakeRequest {
        FakeRequest(method: method, target: target, headerFields: [.contentType: "application/json"], body: JSONWriter.bytes(body))
    }
}
