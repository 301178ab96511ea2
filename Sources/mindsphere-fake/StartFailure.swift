/// Why `serve` could not start although its arguments were valid (busy port, unreadable scenario or TLS file):
/// printed as one line on stderr, without the usage text, and the process exits 1.
struct StartFailure: Error {
    /// The line after `mindsphere-fake: `.
    let message: String

    init(_ message: String) { self.message = message }
}
