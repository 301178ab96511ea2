/// Reads scenario files (YAML; JSON is YAML too) into a `Scenario`. The format is described in docs/scenarios.md:
///
/// ```yaml
/// name: default
/// seed: 7
/// tokenLifetimeSeconds: 1800
/// include: [shared/types.yaml]
/// tenants:
///   - name: iiotuxpc
///     appCredentials: [{appName: testdm, appVersion: v1.0.0, clientSecret: fake-secret-for-local-use}]
///     assets:
///       - {name: iiotuxpc, typeId: core.basicenterprise, children: [{name: machine, typeId: iiotuxpc.station}]}
/// faults:
///   - {method: PUT, path: "/api/iottimeseries/**", status: 429, retryAfterSeconds: 5, times: 2}
/// ```
///
/// The core reads no files itself: `include:` and fixture files (`file:`) go through `reader`.
public struct ScenarioLoader: Sendable {
    /// Reads included and fixture files; `nil` refuses scenarios that name files.
    public var reader: (any ScenarioFileReader)?

    /// A loader reading named files through `reader`.
    public init(reader: (any ScenarioFileReader)? = nil) {
        self.reader = reader
    }

    /// Loads the scenario at `path` (read through `reader`, with includes and fixtures relative to it).
    /// - Throws: `ScenarioError` naming file, line and problem.
    public func load(path: String) throws(ScenarioError) -> Scenario {
        let file = try read(path, relativeTo: nil, at: nil)
        var scenario = try load(text: file.text, file: file.path)
        scenario.sourceFile = file.path
        return scenario
    }

    /// Loads a scenario from its text; `file` names it in error messages and is the base of relative paths.
    /// - Throws: `ScenarioError` naming file, line and problem.
    public func load(text: String, file: String = "<scenario>") throws(ScenarioError) -> Scenario {
        var compiler = ScenarioCompiler(loader: self)
        try compiler.compile(text: text, file: file)
        return try compiler.finish()
    }

    /// Reads a named file through the reader, reporting a failure at `location`.
    func read(_ path: String, relativeTo includingFile: String?, at location: SourceLocation?) throws(ScenarioError) -> ScenarioSourceFile {
        guard let reader else {
            throw ScenarioError("cannot read '\(path)': this scenario was given as text, without a file reader", at: location)
        }
        do {
            return try reader.read(path, relativeTo: includingFile)
        } catch let error as ScenarioError {
            throw ScenarioError("cannot read '\(path)': \(error.reason)", at: location)
        } catch {
            throw ScenarioError("cannot read '\(path)': \(error)", at: location)
        }
    }
}
