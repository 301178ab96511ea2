import ArgumentParser
import Foundation
import MindSphereContract
import MindSphereFake

/// `mindsphere-fake contract`: run the contract kit against an in-process fake, a fake by URL, or a real gateway.
struct ContractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Run the contract checks against a fake or a real MindSphere tenant.",
        discussion: """
            --target fake starts an in-process fake. --target URL probes the URL: a mindsphere-fake (GET /_fake/health) \
            is driven with its built-in credentials; anything else is treated as a real gateway and needs credentials. \
            --target gateway uses MDSP_GATEWAY_URL.

            Credentials come from the environment a MindSphere app gets; flags override all but the secret, which is \
            only read from the environment and never printed:
              MDSP_GATEWAY_URL, MDSP_KEY_STORE_CLIENT_ID, MDSP_KEY_STORE_CLIENT_SECRET, MDSP_OS_VM_APP_NAME,
              MDSP_OS_VM_APP_VERSION, MDSP_HOST_TENANT, MDSP_USER_TENANT (defaults to the host tenant),
              MDSP_CONTRACT_CA_CERT (PEM to trust for HTTPS), MDSP_CONTRACT_PACING_MS (default 200).

            On a real tenant everything the run creates is named with one unique prefix (mdspct<8 hex>) and deleted \
            at the end, also after a failure or Ctrl-C; writes to anything else are refused.

            Examples:
              mindsphere-fake contract --target fake
              mindsphere-fake contract --target http://127.0.0.1:8080 --junit contract.xml
              mindsphere-fake contract --target gateway --tier 1 --read-only
              mindsphere-fake contract --target gateway --record Fixtures/my-tenant
              mindsphere-fake contract --target fake --compare Fixtures/my-tenant
            """
    )

    @Option(help: "fake (in-process), a URL, or gateway (MDSP_GATEWAY_URL).")
    var target = "fake"

    @Option(help: "Run only these tiers (1 happy paths, 2 behaviour, 3 exact errors and limits); repeat or comma-separate.")
    var tier: [String] = []

    @Option(help: "Run only checks whose id equals or starts with this; repeat or comma-separate (e.g. ttm.,am.assets.list).")
    var only: [String] = []

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Flag(name: .customLong("read-only"), help: "Run only checks that write nothing.")
    var readOnly = false

    @Option(help: "Save normalised responses of every check into this directory.")
    var record: String?

    @Option(help: "Compare the responses with a recording in this directory and print where they differ.")
    var compare: String?

    @Option(name: .customLong("ca-cert"), help: "PEM certificate to trust for HTTPS besides the system store.")
    var caCertificate: String?

    @Option(name: .customLong("control-token"), help: "Control token of a fake started with --control-token (or MDSP_FAKE_CONTROL_TOKEN).")
    var controlToken: String?

    @Option(name: .customLong("client-id"), help: "Overrides MDSP_KEY_STORE_CLIENT_ID.")
    var clientID: String?

    @Option(name: .customLong("app-name"), help: "Overrides MDSP_OS_VM_APP_NAME.")
    var appName: String?

    @Option(name: .customLong("app-version"), help: "Overrides MDSP_OS_VM_APP_VERSION.")
    var appVersion: String?

    @Option(name: .customLong("host-tenant"), help: "Overrides MDSP_HOST_TENANT.")
    var hostTenant: String?

    @Option(name: .customLong("user-tenant"), help: "Overrides MDSP_USER_TENANT.")
    var userTenant: String?

    func validate() throws {
        if record != nil && compare != nil { throw ValidationError("use either --record or --compare") }
        for value in tier.flatMap({ $0.split(separator: ",") }) where Int(value).flatMap(ContractCheck.Tier.init) == nil {
            throw ValidationError("--tier takes 1, 2 or 3, got '\(value)'")
        }
    }

    func run() async throws {
        var configuration = ContractConfiguration.fromEnvironment()
        if let caCertificate { configuration.caCertificateFile = caCertificate }
        if let controlToken { configuration.controlToken = controlToken }
        if let clientID { configuration.clientID = clientID }
        if let appName { configuration.appName = appName }
        if let appVersion { configuration.appVersion = appVersion }
        if let hostTenant { configuration.hostTenant = hostTenant }
        if let userTenant { configuration.userTenant = userTenant }
        var options = RunOptions(
            tiers: Set(tier.flatMap { $0.split(separator: ",") }.compactMap { Int($0).flatMap(ContractCheck.Tier.init) }),
            only: only.flatMap { $0.split(separator: ",").map(String.init) },
            readOnly: readOnly
        )
        if let compare { options.only = try Recording.checkIDs(in: compare) }
        let invocation = ContractInvocation(
            target: target, configuration: configuration, options: options, junit: junit, record: record, compare: compare)
        try SignalWaiter.install()
        let outcome = await Self.runUntilDone(invocation)
        switch outcome {
        case .success(true): return
        case .success(false): throw ExitCode(1)
        case .failure(let error):
            Output.error("mindsphere-fake contract: \(error)")
            throw ExitCode(2)
        }
    }

    /// Runs `invocation` to its end. The first SIGINT, SIGTERM or SIGHUP cancels it: the kit then stops after the
    /// current check and still deletes what the run created, so the run is awaited, not abandoned.
    private static func runUntilDone(_ invocation: ContractInvocation) async -> Result<Bool, any Error> {
        await withTaskGroup(of: Result<Bool, any Error>?.self) { group in
            group.addTask {
                do { return .success(try await invocation.execute()) } catch { return .failure(error) }
            }
            group.addTask {
                guard let signal = await SignalWaiter.next() else { return nil }
                Output.error("mindsphere-fake contract: received \(SignalWaiter.name(of: signal)), stopping after the current check and cleaning up")
                return nil
            }
            var outcome: Result<Bool, any Error>?
            // Whichever ends first cancels the other: a finished run stops the wait for a signal; a signal cancels
            // the run, whose cleanup is then awaited as the group's last task.
            while let finished = await group.next() {
                if let finished { outcome = finished }
                group.cancelAll()
            }
            return outcome ?? .success(false)
        }
    }
}
