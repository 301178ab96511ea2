import Glibc

/// Writes lines to stdout and stderr, flushed at once so scripts waiting for them see them.
enum Output {
    /// Writes one line to stdout and flushes.
    static func line(_ text: String) {
        print(text)
        fflush(nil)
    }

    /// Writes one line to stderr.
    static func error(_ text: String) {
        let line = text + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}
