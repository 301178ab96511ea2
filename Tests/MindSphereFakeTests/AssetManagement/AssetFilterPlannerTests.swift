import Testing

@testable import MindSphereFake

/// What the indexes decide on their own: the common list filters leave nothing to test one by one, texts that
/// bytes cannot judge are left to the filter.
@Suite struct AssetFilterPlannerTests {
    private func table(_ names: [(String, String)]) -> (AssetTable, [String: Int]) {
        var table = AssetTable()
        table["root"] = AssetRecord(assetID: "root", tenantID: "t", name: "t", parentID: "", typeID: "core.basicenterprise")
        for (index, (name, type)) in names.enumerated() {
            table["a\(index)"] = AssetRecord(
                assetID: "a\(index)", tenantID: "t", name: name, externalID: index % 2 == 0 ? "ext-\(index)" : nil,
                parentID: "root", typeID: type)
        }
        var slots: [String: Int] = [:]
        for id in ["root"] + names.indices.map({ "a\($0)" }) { slots[id] = table.slot(of: id) }
        return (table, slots)
    }

    private func plan(_ filter: String, _ table: AssetTable, families: [String: Set<String>] = [:]) throws -> AssetCandidates {
        AssetFilterPlanner(index: table.index, typeFamilies: families).candidates(try FilterParser.parse(filter))
    }

    @Test func listFilter_ofTheBenchmark_isDecidedByTheIndexesAlone() throws {
        let (table, slots) = table([
            ("asset-0900", "core.basicsite"), ("asset-0901", "core.basicarea"),
            ("asset-1000", "core.basicsite"), ("asset-09", "core.basicdevice"),
        ])
        let families: [String: Set<String>] = ["core.basicasset": ["core.basicasset", "core.basicsite", "core.basicarea"]]
        let candidates = try plan(
            #"{"and":{"deleted":null,"name":{"startsWith":"asset-09"},"hasType":"core.basicasset"}}"#,
            table, families: families)
        #expect(candidates.maybe.isEmpty)
        #expect(candidates.sure.slots == [slots["a0"]!, slots["a1"]!])
    }

    @Test func kelvinSignName_isLeftToTheFilter() throws {
        let (table, slots) = table([("\u{212A}elvin", "core.basicsite"), ("Kelvin", "core.basicsite"), ("kelvin", "core.basicsite")])
        let candidates = try plan(#"{"name":{"startsWith":"K"}}"#, table)
        #expect(candidates.sure.slots == [slots["a1"]!])
        #expect(candidates.maybe.slots == [slots["a0"]!])
        let result = candidates.sure.union(candidates.maybe)
        #expect(!result.contains(slots["a2"]!))
    }

    @Test func nonASCIIOperand_leavesEveryAssetToTheFilter() throws {
        let (table, _) = table([("caf\u{E9}", "core.basicsite"), ("cafe\u{301}", "core.basicsite")])
        let candidates = try plan(#"{"name":"caf\u00e9"}"#, table)
        #expect(candidates.sure.isEmpty)
        #expect(candidates.maybe == table.index.present)
    }

    @Test func negation_ofAnExactSet_isExact() throws {
        let (table, slots) = table([("a", "core.basicsite"), ("b", "core.basicarea")])
        let candidates = try plan(#"{"not":{"typeId":"core.basicsite"}}"#, table)
        #expect(candidates.maybe.isEmpty)
        #expect(candidates.sure.slots == [slots["root"]!, slots["a1"]!].sorted())
    }

    @Test func externalID_absentOnSomeAssets_isNeverAMatch() throws {
        let (table, slots) = table([("a", "core.basicsite"), ("b", "core.basicsite"), ("c", "core.basicsite")])
        let candidates = try plan(#"{"externalId":{"startsWith":"ext-"}}"#, table)
        #expect(candidates.maybe.isEmpty)
        #expect(candidates.sure.slots == [slots["a0"]!, slots["a2"]!])
    }

    @Test func tableChanges_keepTheIndexesInStep() throws {
        var (table, slots) = table([("alpha", "core.basicsite"), ("beta", "core.basicsite")])
        var alpha = try #require(table["a0"])
        alpha.rename("gamma")
        alpha.deletedAt = 1
        table["a0"] = alpha
        table["a1"] = nil
        #expect(try plan(#"{"name":{"startsWith":"alpha"}}"#, table).sure.isEmpty)
        #expect(try plan(#"{"name":"gamma"}"#, table).sure.slots == [slots["a0"]!])
        #expect(try plan(#"{"deleted":null}"#, table).sure.slots == [slots["root"]!])
        #expect(table.count == 2)
    }
}
