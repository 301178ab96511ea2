import ArgumentParser

/// The `mindsphere-fake` command line.
@main
struct MindSphereFakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mindsphere-fake",
        abstract: "An offline, faithful fake of the MindSphere (Insights Hub) gateway.",
        discussion: """
        Examples:
          mindsphere-fake serve                      # default scenario on http://127.0.0.1:8080
          mindsphere-fake serve --port 0             # pick a free port; the URL is printed on stdout
        """,
        subcommands: [ServeCommand.self, ContractCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
