import Foundation
import MindSphereFake
import MindSphereFakeTesting
import Testing

/// `mindsphere-fake serve` as a process: the readiness line, a served request, a graceful stop, and start failures
/// as one line without the usage text.
@Suite struct ServeProcessTests {
    private static let readiness = "mindsphere-fake listening on "

    @Test func portZero_printsTheAddress_servesIt_andStopsOnSIGTERM() async throws {
        let fake = try FakeBinary.Running(["serve", "--port", "0", "--ephemeral-signing-key", "--quiet"])
        let line = try await fake.line(startingWith: Self.readiness)
        guard let line else {
            fake.process.terminate()
            let finished = try await fake.finish()
            Issue.record("no readiness line; stdout: \(finished.stdout); stderr: \(finished.stderr)")
            return
        }
        let baseURL = String(line.dropFirst(Self.readiness.count))
        #expect(baseURL.hasPrefix("http://127.0.0.1:") && !baseURL.hasSuffix(":0"), "\(line)")
        let client = LoopbackClient(baseURL: baseURL)
        #expect(try await client.send("GET", "/_fake/health").status == 200)
        let token = try await client.token()
        let assets = try await client.send("GET", "/api/assetmanagement/v3/assets", headers: ["Authorization": "Bearer \(token)"])
        #expect(assets.status == 200)
        #expect(assets.body.contains("343a6a61f5ef48c899b13f9c1be45b07"), "the default scenario's root asset")
        fake.process.terminate()
        let finished = try await fake.finish()
        #expect(finished.status == 0)
        #expect(finished.stdout == line + "\n", "exactly one line on stdout")
        #expect(finished.stderr.contains("mindsphere-fake: received SIGTERM, stopping"), "\(finished.stderr)")
    }

    @Test func busyPort_isOneLine_withoutUsage() async throws {
        try await withRunningFake(gateway: try FakeGateway()) { baseURL in
            let port = try #require(baseURL.split(separator: ":").last.map(String.init))
            let finished = try await FakeBinary.run(["serve", "--port", port, "--ephemeral-signing-key"])
            #expect(finished.status != 0)
            #expect(
                finished.stderrLines == ["mindsphere-fake: cannot listen on 127.0.0.1:\(port): address already in use"],
                "\(finished.stderr)")
            #expect(finished.stdout.isEmpty)
        }
    }

    @Test func unreadableTLSFile_isOneLine_withoutUsage() async throws {
        let finished = try await FakeBinary.run([
            "serve", "--port", "0", "--ephemeral-signing-key", "--tls-cert", "no/such/cert.pem", "--tls-key", "no/such/key.pem",
        ])
        #expect(finished.status == 1)
        #expect(finished.stderrLines == ["mindsphere-fake: cannot read the TLS certificate no/such/cert.pem"], "\(finished.stderr)")
        #expect(finished.stdout.isEmpty)
    }

    @Test func tlsFilesThatAreNoPEM_areOneLine_withoutUsage() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = directory.appendingPathComponent("cert.pem")
        let key = directory.appendingPathComponent("key.pem")
        try "not a certificate\n".write(to: certificate, atomically: true, encoding: .utf8)
        try "not a key\n".write(to: key, atomically: true, encoding: .utf8)
        let finished = try await FakeBinary.run([
            "serve", "--port", "0", "--ephemeral-signing-key", "--tls-cert", certificate.path, "--tls-key", key.path,
        ])
        #expect(finished.status == 1)
        #expect(finished.stderrLines.count == 1, "\(finished.stderr)")
        #expect(finished.stderr.hasPrefix("mindsphere-fake: "), "\(finished.stderr)")
        #expect(!finished.stderr.contains("Usage"))
        #expect(finished.stdout.isEmpty)
    }

    @Test func unreadableScenario_isOneLine_withoutUsage() async throws {
        let finished = try await FakeBinary.run(["serve", "--port", "0", "--ephemeral-signing-key", "--scenario", "no/such/scenario.yaml"])
        #expect(finished.status == 1)
        #expect(finished.stderrLines.count == 1, "\(finished.stderr)")
        #expect(finished.stderr.hasPrefix("mindsphere-fake: scenario not loaded: "), "\(finished.stderr)")
        #expect(finished.stderr.contains("no/such/scenario.yaml"))
        #expect(!finished.stderr.contains("Usage"))
    }

    @Test func badArgument_stillShowsTheUsage() async throws {
        let finished = try await FakeBinary.run(["serve", "--threads", "0"])
        #expect(finished.status != 0)
        #expect(finished.stderr.contains("--threads must be from 1 to 64"))
        #expect(finished.stderr.contains("Usage"), "a mistyped command line is answered with the usage, unlike a failed start")
    }
}
