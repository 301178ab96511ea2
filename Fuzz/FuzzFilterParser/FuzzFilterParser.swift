import FuzzSupport

@testable import MindSphereFake

private let subjects = [
    FilterFuzzSubject(fields: [
        "name": "machine", "typeId": "iiotuxpc.station", "parentId": "343a6a61f5ef48c899b13f9c1be45b07",
        "assetId": "60bf86d1d051416f853b1e22f3714b8c", "tenantId": "iiotuxpc", "timezone": "Europe/Berlin",
    ]),
    FilterFuzzSubject(fields: ["name": "", "typeId": "core.basicenterprise", "description": "Root Asset for iiotuxpc tenant"]),
]

/// libFuzzer entry: the `filter` query parameter's text through `FilterParser`, then evaluated on two resources
/// (as a type hierarchy would: `hasType` of a core type covers the tenant's subtypes).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilterParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    guard let expression = try? FilterParser.parse(text) else { return 0 }
    let evaluator = FilterEvaluator(expression, descendants: { [$0, "iiotuxpc.station"] })
    for subject in subjects { _ = evaluator.matches(subject) }
    return 0
}

/// The entry point SwiftPM links as `main` (see `FuzzDriver`).
@_cdecl("FuzzFilterParser_main")
public func fuzzFilterParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzFilterParser)
}
