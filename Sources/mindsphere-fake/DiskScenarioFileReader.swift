import Foundation
import MindSphereFake

/// Reads scenario and fixture files from disk, relative to the including file's directory (or the working directory).
struct DiskScenarioFileReader: ScenarioFileReader {
    func read(_ path: String, relativeTo includingFile: String?) throws -> ScenarioSourceFile {
        let workingDirectory = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : workingDirectory + "/" + path }
        let resolved = InMemoryScenarioFiles.resolve(path, relativeTo: includingFile.map(absolute) ?? workingDirectory + "/")
        let shown = resolved.hasPrefix(workingDirectory + "/") ? String(resolved.dropFirst(workingDirectory.count + 1)) : resolved
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw ScenarioError("no such file or not readable: \(shown)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ScenarioError("not UTF-8 text: \(shown)") }
        return ScenarioSourceFile(path: shown, text: text)
    }
}
