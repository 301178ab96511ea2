/// The reader a scenario posted at run time (`POST /_fake/scenario`) reads its `include:` and `file:` references
/// through: only relative paths without `..` components, resolved below the directory of the scenario the fake was
/// started with (`Scenario.sourceFile`). A fake started without a scenario file lets posted scenarios read no files.
/// A remote caller can so never make the fake read (and report on) a file the operator did not put next to the
/// scenario. Scenario files the operator loads from disk (`serve --scenario`, `scenario validate`) do not go through
/// it and keep including files relative to themselves.
package struct ConfinedScenarioFileReader: ScenarioFileReader {
    /// The reader that does the reading.
    public let base: any ScenarioFileReader
    /// The file the fake was started with, as `base` names it; `nil` refuses every file.
    public let rootFile: String?
    /// The name the posted text goes by in error messages (its references resolve against `rootFile`).
    public let postedName: String

    /// The rule, as error messages state it.
    public static let rule =
        "a posted scenario may name only relative paths without '..' that lie below the directory "
        + "of the scenario file the fake was started with"

    /// A reader reading through `base`, confined to the directory of `rootFile`.
    public init(base: any ScenarioFileReader, rootFile: String?, postedName: String) {
        self.base = base
        self.rootFile = rootFile
        self.postedName = postedName
    }

    /// The directory of `rootFile` as a prefix (`""` when the file's name has no directory part).
    public var rootDirectory: String? {
        guard let rootFile else { return nil }
        guard let slash = rootFile.lastIndex(of: "/") else { return "" }
        return String(rootFile[...slash])
    }

    /// Reads `path` if the rule allows it.
    /// - Throws: `ScenarioError` stating the rule when it does not.
    public func read(_ path: String, relativeTo includingFile: String?) throws -> ScenarioSourceFile {
        guard let rootFile, let rootDirectory else {
            throw ScenarioError("\(Self.rule); this fake was started without a scenario file, so it may name none")
        }
        guard Self.isConfinable(path) else { throw ScenarioError(Self.rule) }
        let anchor = includingFile == nil || includingFile == postedName ? rootFile : includingFile
        let file = try base.read(path, relativeTo: anchor, below: rootDirectory)
        guard file.path.hasPrefix(rootDirectory), !file.path.hasPrefix("/") || rootDirectory.hasPrefix("/") else {
            throw ScenarioError(Self.rule)
        }
        return file
    }

    /// Whether `path` is relative, has no `..` component and no byte that could change its meaning on the way to
    /// the file system (NUL, backslash).
    static func isConfinable(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"),
            !path.utf8.contains(0), !path.utf8.contains(UInt8(ascii: "\\"))
        else { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}
