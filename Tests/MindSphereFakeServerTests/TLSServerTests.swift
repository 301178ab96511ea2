import Foundation
import MindSphereFake
import Testing

@testable import MindSphereFakeServer

/// HTTPS through libmicrohttpd's TLS, checked with curl and openssl when the machine has them.
@Suite struct TLSServerTests {
    static let toolsAvailable =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: toolsAvailable))
    func selfSignedCertificate_servesHTTPSToAClientThatTrustsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("msf-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let generated = try run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
        try #require(generated.status == 0)
        let tls = ServerConfiguration.TLSMaterial(
            certificatePEM: try String(contentsOfFile: certificate, encoding: .utf8),
            privateKeyPEM: try String(contentsOfFile: key, encoding: .utf8))
        let server = try FakeServer.start(gateway: try FakeGateway(), configuration: ServerConfiguration(tls: tls))
        defer { server.stop() }
        #expect(server.baseURL.hasPrefix("https://127.0.0.1:"))

        let trusted = try run("/usr/bin/curl", ["-s", "--max-time", "10", "--cacert", certificate, server.baseURL + "/_fake/health"])
        #expect(trusted.output == #"{"status":"ok"}"#)
        let untrusted = try run("/usr/bin/curl", ["-s", "--max-time", "10", server.baseURL + "/_fake/health"])
        #expect(untrusted.status != 0)
        // The head limits hold over TLS too (libmicrohttpd reads those heads itself; the access handler measures them).
        let padded = { (bytes: Int) in
            try self.run(
                "/usr/bin/curl",
                [
                    "-s", "--max-time", "10", "--cacert", certificate, "-H", "X-Pad: " + String(repeating: "v", count: bytes),
                    server.baseURL + "/_fake/health",
                ]
            ).output
        }
        #expect(try padded(6000) == #"{"status":"ok"}"#)
        #expect(try padded(ServerConfiguration.defaultMaximumHeadBytes).contains("the request head is longer than"))
        let plain = try RawHTTPClient(port: server.port).exchange(Array("GET /_fake/health HTTP/1.1\r\nHost: x\r\n\r\n".utf8), timeoutSeconds: 2)
        #expect(!plain.contains("200 OK"))
    }

    @Test func invalidTLSMaterial_failsToStartWithClearError() throws {
        let tls = ServerConfiguration.TLSMaterial(certificatePEM: "not a certificate", privateKeyPEM: "not a key")
        #expect(throws: ServerError.self) { try FakeServer.start(gateway: try FakeGateway(), configuration: ServerConfiguration(tls: tls)) }
    }
}
