import FuzzSupport

@testable import MindSphereFake

/// Files a fuzzed scenario (read as `s/main.yaml`) may include or take records from, as in `ScenarioLoaderTests`.
private let files = InMemoryScenarioFiles([
    "s/types.yaml": """
    tenants:
      - name: acme
        aspectTypes:
          - {name: temps, category: dynamic, variables: [{name: t, dataType: DOUBLE}, {name: label, dataType: STRING, length: 20}, {name: n, dataType: INT}]}
        assetTypes:
          - {name: oven, parentTypeId: core.basicasset, aspects: [{name: temps, aspectTypeId: acme.temps}]}
    """,
    "Fixtures/temps.csv": "_time,t,label,n\n2024-01-01T00:00:00.000Z,1.5,007,3\n2024-01-01T00:00:01.000Z,2,\"a,b\",\n",
    "Fixtures/temps.json": #"[{"_time":"2024-01-01T00:00:00.000Z","t":1.25}]"#,
])

/// A gateway to load what parses into, so the compiled scenario also goes through the stores.
private let gateway: FakeGateway = {
    do {
        return try FakeGateway(configuration: FakeConfiguration(seed: 42), clock: .frozen(at: 1_676_851_200_000))
    } catch {
        fatalError("the minimal scenario does not load: \(error)")
    }
}()

/// libFuzzer entry: scenario text (YAML or JSON) through `ScenarioLoader`, then loaded into a gateway. A refusal
/// is fine; a trap or a hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    guard let scenario = try? ScenarioLoader(reader: files).load(text: text, file: "s/main.yaml") else { return 0 }
    // From the same state every time, so a crash replays alone.
    try? gateway.control.loadScenario(.minimal)
    try? gateway.control.loadScenario(scenario)
    return 0
}

/// The entry point SwiftPM links as `main` (see `FuzzDriver`).
@_cdecl("FuzzScenarioLoader_main")
public func fuzzScenarioLoaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzScenarioLoader)
}
