import Foundation

/// Reads the dashboard's charting library from Debian's `libjs-dygraphs`, so the core can serve it under
/// `/_fake/ui/vendor/` without touching files. Missing files are left out; the page then names the package.
enum DashboardLibraryReader {
    /// Where Debian's package puts dygraphs.
    static let directory = "/usr/share/javascript/dygraphs"
    /// The files the page loads, as served name and file name in `directory`.
    static let files = ["dygraph.min.js": "dygraph.min.js", "dygraph.css": "dygraph.css"]

    /// The environment variable that names another directory (the browser tests use it to show the page without
    /// the library).
    static let directoryVariable = "MINDSPHERE_FAKE_DYGRAPHS_DIR"

    /// The files found, by served name, in `$MINDSPHERE_FAKE_DYGRAPHS_DIR` or else `directory`.
    static func read(from directory: String = ProcessInfo.processInfo.environment[directoryVariable] ?? directory) -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for (served, file) in files {
            if let data = FileManager.default.contents(atPath: directory + "/" + file) { found[served] = Array(data) }
        }
        return found
    }
}
