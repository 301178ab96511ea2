import HTTPTypes
import Testing

@testable import MindSphereFake

/// The built-in types as real tenants and clients show them, each with the evidence it was taken from.
@Suite struct CoreTypeCatalogTests {
    @Test func everyBuiltInType_recordsItsEvidence_andItsParentResolves() {
        let assetTypeIDs = Set(CoreTypeCatalog.assetTypes.map(\.id))
        for type in CoreTypeCatalog.assetTypes {
            #expect(CoreTypeCatalog.evidence[type.id] != nil, "\(type.id) has no evidence")
            if let parent = type.parentTypeID { #expect(assetTypeIDs.contains(parent), "\(type.id)'s parent \(parent) is missing") }
            for slot in type.aspects {
                #expect(CoreTypeCatalog.aspectTypes.contains { $0.id == slot.aspectTypeID }, "\(type.id) uses unknown \(slot.aspectTypeID)")
            }
        }
        for type in CoreTypeCatalog.aspectTypes { #expect(CoreTypeCatalog.evidence[type.id] != nil, "\(type.id) has no evidence") }
    }

    @Test func sitesAndAreas_deriveFromBasicHierarchy_andNanoAgentsCarryFirmwareStatus() throws {
        let client = try AssetClient()
        #expect(try client.getJSON("/assettypes/core.basicsite")["parentTypeId"] == .string("core.basichierarchy"))
        #expect(try client.getJSON("/assettypes/core.basicarea")["parentTypeId"] == .string("core.basichierarchy"))
        let nano = try client.getJSON("/assettypes/core.mcnano?exploded=true")
        #expect(nano["parentTypeId"] == .string("core.basicagent"))
        let aspects = (nano["aspects"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        #expect(aspects.contains("firmwareStatus") && aspects.contains("connectivityStatus"), "\(aspects)")
        let firmware = try client.getJSON("/aspecttypes/core.firmwarestatus")
        let variables = (firmware["variables"]?.arrayValue ?? []).map { "\($0["name"]?.stringValue ?? ""):\($0["dataType"]?.stringValue ?? "")" }
        #expect(variables == ["version:STRING", "product:STRING", "installationDate:TIMESTAMP"])
    }
}
