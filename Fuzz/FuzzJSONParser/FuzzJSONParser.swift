import FuzzSupport

@testable import MindSphereFake

/// libFuzzer entry: any bytes through `JSONParser`. Besides not trapping, what it accepts must survive the writer:
/// the written text parses again and writes to the same bytes (the first write normalises, e.g. 1.0e2 to 100.0).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzDriver.bytes(data, size)
    guard let value = try? JSONParser.parse(input) else { return 0 }
    let written = JSONWriter.bytes(value)
    let reparsed: JSONValue
    do {
        reparsed = try JSONParser.parse(written)
    } catch {
        FuzzFinding.report("the writer's output does not parse (\(error)): \(String(decoding: written, as: UTF8.self))", input: input)
    }
    let rewritten = JSONWriter.bytes(reparsed)
    if rewritten != written {
        FuzzFinding.report(
            "write(parse(write(v))) differs from write(v):\n\(String(decoding: written, as: UTF8.self))\n\(String(decoding: rewritten, as: UTF8.self))",
            input: input)
    }
    // The string entry point must agree with the byte entry point on valid UTF-8.
    if let text = String(validating: input, as: UTF8.self), (try? JSONParser.parse(text)) != value {
        FuzzFinding.report("parse(String) differs from parse(bytes)", input: input)
    }
    return 0
}

/// The entry point SwiftPM links as `main` (see `FuzzDriver`).
@_cdecl("FuzzJSONParser_main")
public func fuzzJSONParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzJSONParser)
}
