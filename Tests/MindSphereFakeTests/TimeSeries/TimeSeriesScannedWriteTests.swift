import HTTPTypes
import Testing

@testable import MindSphereFake

/// PUTs that may be read straight from the body bytes answer and store exactly like the general path.
@Suite struct TimeSeriesScannedWriteTests {
    private static let seed = #"[{"_time":"2023-02-20T00:00:00Z","count":1,"level":2.5}]"#

    /// A comparison whose `mixed` series exists on both sides, so later PUTs may take the scanner.
    private func seeded() -> ScanComparison {
        let comparison = ScanComparison()
        let answers = comparison.put("mixed", Self.seed)
        #expect(answers.scanned == answers.general)
        return comparison
    }

    @Test(arguments: ScanBodies.scanned + ScanBodies.generalOnly + ScanBodies.refused)
    func put_answersAndStoresLikeTheGeneralPath(_ body: String) {
        let comparison = seeded()
        let answers = comparison.put("mixed", body)
        #expect(answers.scanned == answers.general)
        let snapshots = comparison.snapshots
        #expect(snapshots.scanned == snapshots.general)
        let reads = comparison.get("mixed", "from=2019-01-01T00:00:00Z&to=2025-01-01T00:00:00Z")
        #expect(reads.scanned == reads.general)
    }

    @Test(arguments: ScanBodies.invalidUTF8)
    func put_invalidUTF8_answersLikeTheGeneralPath(_ bytes: [UInt8]) {
        let comparison = seeded()
        let answers = comparison.put("mixed", bytes: bytes)
        #expect(answers.scanned == answers.general)
        #expect(answers.scanned.hasPrefix("400"))
        #expect(comparison.snapshots.scanned == comparison.snapshots.general)
    }

    @Test(arguments: ScanBodies.refused)
    func put_refusedBody_leavesTheSeriesUntouched(_ body: String) {
        let comparison = seeded()
        let before = comparison.snapshots.scanned
        let answers = comparison.put("mixed", body)
        #expect(!answers.scanned.hasPrefix("204"))
        #expect(comparison.snapshots.scanned == before)
    }

    @Test func put_manyBatchesInAndOutOfOrder_storeTheSameSeries() {
        let comparison = ScanComparison()
        for start in [1_676_000_000_000, 1_676_000_050_000, 1_675_999_990_000, 1_676_000_020_500] as [Int64] {
            let body = TimeSeriesHarness.accelerationBody(count: 100, startMilliseconds: start, stepMilliseconds: 500)
            let answers = comparison.put("acceleration", body)
            #expect(answers.scanned == answers.general)
            #expect(answers.scanned.hasPrefix("204"))
        }
        let snapshots = comparison.snapshots
        #expect(snapshots.scanned == snapshots.general)
        #expect(comparison.scanning.store.recordCount() == comparison.general.store.recordCount())
        let reads = comparison.get("acceleration", "from=2023-01-01T00:00:00Z&to=2024-01-01T00:00:00Z&limit=2000")
        #expect(reads.scanned == reads.general)
    }

    @Test(arguments: ["unknownasset0000000000000000000", TimeSeriesHarness.asset])
    func put_unknownAssetOrAspectWithAnyBody_answersLikeTheGeneralPath(_ asset: String) {
        let comparison = seeded()
        for body in [#"[{"_time":"2023-02-20T00:00:00Z","x":1}]"#, "not json", "[]"] {
            for aspect in ["acceleration", "nosuchaspect"] {
                let answers = comparison.put(aspect, body, asset: asset)
                #expect(answers.scanned == answers.general)
            }
        }
        #expect(comparison.snapshots.scanned == comparison.snapshots.general)
    }

    @Test func put_staticAspect_answersLikeTheGeneralPath() {
        let comparison = ScanComparison()
        for harness in [comparison.scanning, comparison.general] {
            harness.schemas.add(
                TimeSeriesHarness.schema(
                    "nameplate", [VariableDefinition(name: "x", dataType: .double)],
                    category: .static))
        }
        let answers = comparison.put("nameplate", #"[{"_time":"2023-02-20T00:00:00Z","x":1}]"#)
        #expect(answers.scanned == answers.general)
        #expect(answers.scanned.hasPrefix("400"))
    }

    @Test func writeScanned_newSeries_leavesItToTheGeneralPathAndCreatesNothing() {
        let harness = TimeSeriesHarness()
        let body = Array(TimeSeriesHarness.accelerationBody(count: 3).utf8)
        let handled = harness.store.writeScanned(
            tenant: TimeSeriesHarness.tenant, assetID: TimeSeriesHarness.asset,
            aspectName: "acceleration", body: body, nowMilliseconds: 0)
        #expect(!handled)
        #expect(harness.store.snapshot() == .array([]))
    }

    @Test func writeScanned_existingSeries_storesAPlainBatchItself() {
        let harness = TimeSeriesHarness()
        #expect(harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 1)).status == .noContent)
        let body = Array(TimeSeriesHarness.accelerationBody(count: 100, startMilliseconds: 1_677_000_000_000).utf8)
        let handled = harness.store.writeScanned(
            tenant: TimeSeriesHarness.tenant, assetID: TimeSeriesHarness.asset,
            aspectName: "acceleration", body: body, nowMilliseconds: 0)
        #expect(handled)
        #expect(harness.store.recordCount() == 101)
    }

    @Test func writeScanned_schemaChangedSinceLastWrite_leavesItToTheGeneralPath() {
        let comparison = ScanComparison()
        #expect(comparison.put("acceleration", TimeSeriesHarness.accelerationBody(count: 2)).scanned.hasPrefix("204"))
        let extended = TimeSeriesHarness.schema(
            "acceleration",
            ["x", "y", "z", "w"].map {
                VariableDefinition(name: $0, dataType: .double)
            })
        comparison.scanning.schemas.add(extended)
        comparison.general.schemas.add(extended)
        let body = #"[{"_time":"2023-02-20T00:00:00Z","w":4}]"#
        let handled = comparison.scanning.store.writeScanned(
            tenant: TimeSeriesHarness.tenant, assetID: TimeSeriesHarness.asset, aspectName: "acceleration",
            body: Array(body.utf8), nowMilliseconds: 0)
        #expect(!handled)
        let answers = comparison.put("acceleration", body)
        #expect(answers.scanned == answers.general)
        #expect(comparison.snapshots.scanned == comparison.snapshots.general)
    }

    @Test func put_withIngestionDelay_keepsRecordsPendingLikeTheGeneralPath() {
        let comparison = seeded()
        comparison.scanning.store.ingestionDelayMilliseconds = 60_000
        comparison.general.store.ingestionDelayMilliseconds = 60_000
        let answers = comparison.put("mixed", ScanBodies.scanned[0])
        #expect(answers.scanned == answers.general)
        #expect(comparison.snapshots.scanned == comparison.snapshots.general)
        #expect(comparison.snapshots.scanned.contains(#""pendingRecords":1"#))
    }
}
