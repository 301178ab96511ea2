import ArgumentParser

/// The `mindsphere-fake` command line. Async, so `serve` and `contract` await their work and the termination
/// signals instead of parking a thread.
@main
struct MindSphereFakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mindsphere-fake",
        abstract: "An offline, faithful fake of the MindSphere (Insights Hub) gateway.",
        discussion: """
            Examples:
              mindsphere-fake serve                      # default scenario on http://127.0.0.1:8080
              mindsphere-fake serve --port 0             # pick a free port; the URL is printed on stdout
              mindsphere-fake serve --scenario scenarios/plant.yaml
              mindsphere-fake scenario validate scenarios/*.yaml
              mindsphere-fake scenario print-default > my-scenario.yaml
              curl -X POST http://127.0.0.1:8080/_fake/reset   # control plane: see 'mindsphere-fake serve --help'
            """,
        subcommands: [ServeCommand.self, ScenarioCommand.self, ContractCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
