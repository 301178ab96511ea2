import FuzzSupport
import HTTPTypes

@testable import MindSphereFake

/// Made once: building the route tables for every input would cost more than the input itself.
private let pair = TimeSeriesPair()

/// libFuzzer entry, differential: the first byte picks an aspect (`SchemaTable.aspects`), the rest is a PUT body.
/// The scanning and the general path must answer alike, store alike, and read back alike; any difference traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordScanner(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    var reader = FuzzInput(input)
    let (asset, aspect, firstRecord) = reader.pick(SchemaTable.aspects)
    let body = reader.rest()
    pair.removeAll()
    let target = "/api/iottimeseries/v3/timeseries/\(asset)/\(aspect)"
    _ = pair.send(.put, target, body: Array(firstRecord.utf8))
    // Twice: the first write may change the series' layout, the second then meets the scanner's fast path.
    for round in 1...2 {
        let answers = pair.send(.put, target, body: body)
        if answers.scanned != answers.general {
            FuzzFinding.report("PUT \(round) answers differ:\n\(answers.scanned)\n---\n\(answers.general)", input: input)
        }
    }
    let snapshots = pair.snapshots
    if snapshots.scanned != snapshots.general {
        FuzzFinding.report("stored series differ:\n\(snapshots.scanned)\n---\n\(snapshots.general)", input: input)
    }
    let reads = pair.send(.get, target + "?from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&limit=2000")
    if reads.scanned != reads.general {
        FuzzFinding.report("reads differ:\n\(reads.scanned)\n---\n\(reads.general)", input: input)
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see `FuzzDriver`).
@_cdecl("FuzzRecordScanner_main")
public func fuzzRecordScannerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzRecordScanner)
}
