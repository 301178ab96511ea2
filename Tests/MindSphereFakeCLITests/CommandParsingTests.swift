import ArgumentParser
import Logging
import MindSphereFakeServer
import Testing

@testable import mindsphere_fake

/// The command line parsed in process: which command and which values each argument list gives.
@Suite struct CommandParsingTests {
    private func parse(_ arguments: [String]) throws -> any ParsableCommand {
        try MindSphereFakeCommand.parseAsRoot(arguments)
    }

    /// The message the command line prints for `arguments`, which must not parse.
    private func refusal(_ arguments: [String]) -> String {
        do {
            _ = try parse(arguments)
            return "parsed"
        } catch {
            return MindSphereFakeCommand.message(for: error)
        }
    }

    @Test func noArguments_serveTheDefaults() throws {
        let serve = try #require(try parse([]) as? ServeCommand)
        #expect(serve.host == "127.0.0.1")
        #expect(serve.port == 8080)
        #expect(serve.scenario == nil)
        #expect(serve.threads == 2)
        #expect(!serve.quiet)
    }

    @Test func serve_takesItsOptions() throws {
        let serve = try #require(
            try parse([
                "serve", "--port", "0", "--scenario", "scenarios/plant.yaml", "--threads", "4", "--seed", "9", "--quiet",
                "--log-format", "json", "--log-level", "debug", "--token-lifetime", "300", "--ephemeral-signing-key",
                "--tls-cert", "c.pem", "--tls-key", "k.pem", "--drain-timeout", "1",
            ]) as? ServeCommand)
        #expect(serve.port == 0)
        #expect(serve.scenario == "scenarios/plant.yaml")
        #expect(serve.threads == 4)
        #expect(serve.seed == 9)
        #expect(serve.quiet)
        #expect(serve.logFormat == .json)
        #expect(serve.logLevel == .debug)
        #expect(serve.tokenLifetimeSeconds == 300)
        #expect(serve.ephemeralSigningKey)
        #expect(serve.tlsCertificateFile == "c.pem" && serve.tlsKeyFile == "k.pem")
        #expect(serve.drainTimeoutSeconds == 1)
    }

    @Test func serve_refusesValuesOutOfRange() {
        #expect(refusal(["serve", "--threads", "0"]).contains("--threads must be from 1 to 64"))
        #expect(refusal(["serve", "--port", "70000"]).contains("70000"))
        #expect(refusal(["serve", "--tls-cert", "c.pem"]).contains("--tls-cert and --tls-key go together"))
        #expect(refusal(["serve", "--signing-key", "k.pem", "--ephemeral-signing-key"]).contains("exclude each other"))
    }

    @Test func serve_onANonLoopbackAddress_needsAControlToken() throws {
        #expect(refusal(["serve", "--host", "0.0.0.0"]).contains("exposes the control plane"))
        let guarded = try #require(try parse(["serve", "--host", "0.0.0.0", "--control-token", "t0ken"]) as? ServeCommand)
        #expect(guarded.controlToken == "t0ken")
        #expect(try parse(["serve", "--host", "0.0.0.0", "--unsafe-open-control-plane"]) is ServeCommand)
    }

    @Test func scenario_subcommands() throws {
        let validate = try #require(try parse(["scenario", "validate", "a.yaml", "b.json"]) as? ScenarioCommand.Validate)
        #expect(validate.files == ["a.yaml", "b.json"])
        #expect(try parse(["scenario", "print-default"]) is ScenarioCommand.PrintDefault)
        #expect(refusal(["scenario", "nonsense"]) != "parsed")
    }

    @Test func contract_takesItsOptions() throws {
        let contract = try #require(
            try parse([
                "contract", "--target", "http://127.0.0.1:9000", "--tier", "1,2", "--only", "ttm.", "--read-only",
                "--junit", "out.xml", "--control-token", "t",
            ]) as? ContractCommand)
        #expect(contract.target == "http://127.0.0.1:9000")
        #expect(contract.tier == ["1,2"])
        #expect(contract.only == ["ttm."])
        #expect(contract.readOnly)
        #expect(contract.junit == "out.xml")
        #expect(contract.controlToken == "t")
        let defaults = try #require(try parse(["contract"]) as? ContractCommand)
        #expect(defaults.target == "fake")
    }

    @Test func contract_refusesBadCombinations() {
        #expect(refusal(["contract", "--tier", "4"]).contains("--tier takes 1, 2 or 3, got '4'"))
        #expect(refusal(["contract", "--record", "a", "--compare", "b"]).contains("use either --record or --compare"))
    }
}
