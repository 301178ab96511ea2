import Foundation
import MindSphereFake

/// Reads scenario and fixture files from disk, relative to the including file's directory (or the working directory).
struct DiskScenarioFileReader: ScenarioFileReader {
    func read(_ path: String, relativeTo includingFile: String?) throws -> ScenarioSourceFile {
        let (resolved, shown) = locate(path, relativeTo: includingFile)
        return try contents(of: resolved, shown: shown)
    }

    /// Reads like `read(_:relativeTo:)`, but only a file whose real location (links followed) lies below
    /// `directory`: a link inside the scenario's directory must not lead a posted scenario out of it.
    func read(_ path: String, relativeTo includingFile: String?, below directory: String) throws -> ScenarioSourceFile {
        let (resolved, shown) = locate(path, relativeTo: includingFile)
        let root = directory.isEmpty ? FileManager.default.currentDirectoryPath : absolute(directory)
        guard let realRoot = Self.realPath(root), let realFile = Self.realPath(resolved),
            realFile.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
        else {
            throw ScenarioError("no such file or not readable below the scenario's directory: \(shown)")
        }
        return try contents(of: resolved, shown: shown)
    }

    /// The absolute path of `path` and the name to show for it (relative to the working directory when below it).
    private func locate(_ path: String, relativeTo includingFile: String?) -> (resolved: String, shown: String) {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let resolved = InMemoryScenarioFiles.resolve(path, relativeTo: includingFile.map(absolute) ?? workingDirectory + "/")
        let shown = resolved.hasPrefix(workingDirectory + "/") ? String(resolved.dropFirst(workingDirectory.count + 1)) : resolved
        return (resolved, shown)
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    private func contents(of resolved: String, shown: String) throws -> ScenarioSourceFile {
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw ScenarioError("no such file or not readable: \(shown)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ScenarioError("not UTF-8 text: \(shown)") }
        return ScenarioSourceFile(path: shown, text: text)
    }

    /// The path with every link resolved, `nil` when it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
