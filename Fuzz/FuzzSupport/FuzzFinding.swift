/// Stops the process so libFuzzer records the input as a crash: used for broken invariants, which do not trap by
/// themselves (two paths that disagree, output that does not parse back).
public enum FuzzFinding {
    /// Reports `message` with the input as text and traps.
    public static func report(_ message: String, input: [UInt8]) -> Never {
        fatalError("\(message)\ninput: \(String(decoding: input.prefix(2000), as: UTF8.self))")
    }
}
