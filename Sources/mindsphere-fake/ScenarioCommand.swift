import ArgumentParser
import MindSphereFake

/// `mindsphere-fake scenario`: work with scenario files without serving.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Check scenario files or print the built-in default scenario.",
        subcommands: [Validate.self, PrintDefault.self]
    )

    /// `mindsphere-fake scenario validate FILE...`
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Load scenario files exactly as serve would, without serving; report file, line and problem.",
            discussion: """
                Exits 0 when every file loads, 1 otherwise. Includes and fixture files are read relative to the file \
                that names them.

                Examples:
                  mindsphere-fake scenario validate scenarios/default.yaml
                  mindsphere-fake scenario validate scenarios/*.yaml
                """
        )

        @Argument(help: "Scenario files (YAML or JSON).")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                do {
                    let scenario = try ScenarioLoader(reader: DiskScenarioFileReader()).load(path: file)
                    _ = try FakeGateway(configuration: FakeConfiguration(scenario: scenario, seed: scenario.seed, journalCapacity: 0))
                    let records = scenario.timeSeries.reduce(0) { $0 + $1.records.count }
                    Output.line(
                        "\(file): ok (scenario '\(scenario.name)': \(scenario.tenants.count) tenant(s), "
                            + "\(scenario.assets.count) asset(s), \(records) time-series record(s), \(scenario.faults.count) fault rule(s))")
                } catch {
                    failed = true
                    Output.error("\(error)")
                }
            }
            if failed { throw ExitCode.failure }
        }
    }

    /// `mindsphere-fake scenario print-default`
    struct PrintDefault: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print-default",
            abstract: "Print the built-in default scenario (a starting point for your own).",
            discussion: "Example:\n  mindsphere-fake scenario print-default > my-scenario.yaml"
        )

        func run() {
            Output.line(Scenario.defaultScenarioText)
        }
    }
}
