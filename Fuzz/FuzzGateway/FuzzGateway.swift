import Foundation
import FuzzSupport

/// The gateway every input runs against, made on first use (after libFuzzer has parsed its flags).
private let fixture = GatewayFixture()

/// libFuzzer entry: a short sequence of structured requests through `FakeGateway.handle`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGateway(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzDriver.bytes(data, size)
    var input = FuzzInput(bytes)
    fixture.run(&input, input: bytes)
    return 0
}

/// libFuzzer's start hook. With `MINDSPHERE_FAKE_FUZZ_WRITE_SEEDS=DIR` it writes the seed corpus and exits.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzGatewayInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    if let directory = ProcessInfo.processInfo.environment["MINDSPHERE_FAKE_FUZZ_WRITE_SEEDS"] {
        GatewaySeeds.write(to: directory, fixture: fixture)
        exit(0)
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see `FuzzDriver`).
@_cdecl("FuzzGateway_main")
public func fuzzGatewayMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzGateway)
}
