/// One scenario or fixture file as read: the path it is known by (used in error messages and to resolve the
/// files it names) and its text.
public struct ScenarioSourceFile: Sendable {
    /// The path, as resolved by the reader.
    public var path: String
    /// The file's text.
    public var text: String

    /// A file.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Reads the files a scenario names (`include:`, fixture files). The core does no file I/O: the CLI and server
/// supply a reader over the disk; in-process users can pass `InMemoryScenarioFiles` or a closure.
public protocol ScenarioFileReader: Sendable {
    /// Reads `path`, which is relative to the directory of `includingFile` unless absolute (`nil`: relative to the
    /// reader's own base).
    /// - Throws: any error; the loader reports it at the line that named the file.
    func read(_ path: String, relativeTo includingFile: String?) throws -> ScenarioSourceFile

    /// Reads `path` like `read(_:relativeTo:)`, for a caller that allows only files below `directory` (a prefix as
    /// this reader names paths, `""` for its own base). The caller has already refused absolute paths and `..`;
    /// a reader over a file system should also refuse a file whose real location (links followed) is not below
    /// `directory`. The default reads without that extra check.
    /// - Throws: any error; the loader reports it at the line that named the file.
    func read(_ path: String, relativeTo includingFile: String?, below directory: String) throws -> ScenarioSourceFile
}

extension ScenarioFileReader {
    /// Reads without a check of links (readers that hold no links, such as `InMemoryScenarioFiles`).
    public func read(_ path: String, relativeTo includingFile: String?, below directory: String) throws -> ScenarioSourceFile {
        try read(path, relativeTo: includingFile)
    }
}

/// A reader over files held in memory, keyed by path (paths are resolved like on disk: relative to the including
/// file's directory, `..` and `.` folded).
public struct InMemoryScenarioFiles: ScenarioFileReader {
    /// The files by normalised path.
    public var files: [String: String]

    /// A reader over `files`.
    public init(_ files: [String: String]) {
        var normalised: [String: String] = [:]
        for (path, text) in files { normalised[Self.normalise(path)] = text }
        self.files = normalised
    }

    /// The file at `path` resolved against `includingFile`.
    public func read(_ path: String, relativeTo includingFile: String?) throws -> ScenarioSourceFile {
        let resolved = Self.resolve(path, relativeTo: includingFile)
        guard let text = files[resolved] else { throw ScenarioError("no such file '\(resolved)'") }
        return ScenarioSourceFile(path: resolved, text: text)
    }

    /// `path` resolved against the directory of `includingFile`, normalised.
    public static func resolve(_ path: String, relativeTo includingFile: String?) -> String {
        guard !path.hasPrefix("/"), let includingFile, let slash = includingFile.lastIndex(of: "/") else {
            return normalise(path)
        }
        return normalise(String(includingFile[...slash]) + path)
    }

    /// Folds `.` and `..` components and repeated slashes.
    public static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
