import Foundation
import MindSphereContract
import MindSphereFake
import MindSphereFakeServer
import Testing

/// The URL target over HTTPS, against the fake served with the self-signed certificate in `Fixtures/tls`.
@Suite struct HTTPSTargetTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tls")
    static let certificateFile = folder.appendingPathComponent("localhost-cert.pem").path
    static let keyFile = folder.appendingPathComponent("localhost-key.pem").path

    private func startTLSFake(host: String = "127.0.0.1") throws -> FakeServer {
        let tls = ServerConfiguration.TLSMaterial(
            certificatePEM: try String(contentsOfFile: Self.certificateFile, encoding: .utf8),
            privateKeyPEM: try String(contentsOfFile: Self.keyFile, encoding: .utf8))
        return try FakeServer.start(gateway: try FakeGateway(), configuration: ServerConfiguration(host: host, tls: tls))
    }

    @Test func kit_overHTTPSWithTheGivenCertificate_passesEveryCheck() async throws {
        let server = try startTLSFake()
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://"))
        let target = try await FakeURLTarget.connect(baseURL: server.baseURL, trust: .certificateAuthority(pemFile: Self.certificateFile))
        #expect(target.capabilities.contains(.controlPlane))
        let report = await ContractRunner().run(on: target)
        #expect(report.failures.isEmpty, "\(KitFixtures.failures(report))")
        #expect(report.results.filter { !$0.skipped }.count > 20)
        #expect(report.stateCheck == .restored)
    }

    @Test func systemTrust_refusesTheSelfSignedFake() async throws {
        let server = try startTLSFake()
        defer { server.stop() }
        await #expect(throws: ContractTransportError.self) {
            _ = try await FakeURLTarget.connect(baseURL: server.baseURL, trust: .system)
        }
        #expect(await FakeURLTarget.isFake(baseURL: server.baseURL, trust: .system) == false)
        #expect(await FakeURLTarget.isFake(baseURL: server.baseURL, trust: .certificateAuthority(pemFile: Self.certificateFile)))
    }

    @Test func certificateForAnotherHost_isRefused() async throws {
        // The certificate names localhost and 127.0.0.1 only; a server at 127.0.0.2 presenting it must be refused.
        let server = try startTLSFake(host: "127.0.0.2")
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://127.0.0.2:"))
        await #expect(throws: ContractTransportError.self) {
            _ = try await FakeURLTarget.probe(baseURL: server.baseURL, trust: .certificateAuthority(pemFile: Self.certificateFile))
        }
    }

    @Test func unusableTrustSettingsAndURLs_areRefusedClearly() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("contract-ca-\(UUID().uuidString).pem").path
        try "not a certificate\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect {
            _ = try HTTPTransport(baseURL: "https://127.0.0.1:1", trust: .certificateAuthority(pemFile: file))
        } throws: { error in
            error is ContractTransportError && "\(error)".contains(file)
        }
        #expect(throws: ContractTransportError.self) {
            _ = try HTTPTransport(baseURL: "https://127.0.0.1:1", trust: .certificateAuthority(pemFile: file + ".missing"))
        }
        #expect(throws: ContractTransportError.self) { _ = try HTTPTransport(baseURL: "ftp://example.invalid") }
    }
}
