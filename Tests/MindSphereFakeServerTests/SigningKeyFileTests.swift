import Foundation
import HTTPTypes
import MindSphereFake
import MindSphereFakeTesting
import Testing

@testable import MindSphereFakeServer

/// The signing key kept on disk: generated once, read back on later starts, so `/token_keys` survives restarts.
@Suite struct SigningKeyFileTests {
    /// A fresh directory under the system's temporary directory.
    private func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "signing-key-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `GET /token_keys` of a fake signing with `key`.
    private func tokenKeys(_ key: SigningKey, seed: UInt64? = nil) throws -> String {
        let fake = try FakeGateway(configuration: FakeConfiguration(signingKey: key, seed: seed))
        return fake.handle(FakeRequest(method: .get, target: "/token_keys")).bodyText
    }

    @Test func cached_generatesOnce_thenEveryStartReadsTheSameKey() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/cache/mindsphere-fake/signing-key.pem"
        let first = try SigningKeyFile.cached(at: path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let second = try SigningKeyFile.cached(at: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
        #expect(second.publicJWK == first.publicJWK)
        #expect(try tokenKeys(second) == tokenKeys(first))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/cache/mindsphere-fake") == ["signing-key.pem"])
    }

    @Test func tokenIssuedBeforeARestart_verifiesWithTheKeyReadAfterIt() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/signing-key.pem"
        let before = try SigningKeyFile.cached(at: path)
        let signingInput = Array("header.payload".utf8)
        let signature = try before.sign(signingInput)
        let after = try SigningKeyFile.load(path)
        #expect(after.verify(signature, for: signingInput))
        #expect(after.keyID == "key-id-1")
    }

    @Test func load_aKeyFileOfTheUser_signsWithIt() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let own = try SigningKey.generate(keyID: "key-id-1")
        let path = directory + "/own.pem"
        try own.privateKeyPEM.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SigningKeyFile.load(path).publicJWK == own.publicJWK)
        #expect(try tokenKeys(SigningKeyFile.load(path)) == tokenKeys(own))
    }

    @Test func load_missingOrBrokenFile_namesTheFile() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = directory + "/missing.pem"
        #expect { try SigningKeyFile.load(missing) } throws: { ($0 as? SigningKeyError)?.message.contains(missing) == true }
        let broken = directory + "/broken.pem"
        try "not a key".write(toFile: broken, atomically: true, encoding: .utf8)
        #expect { try SigningKeyFile.load(broken) } throws: { ($0 as? SigningKeyError)?.message.contains(broken) == true }
        #expect { try SigningKeyFile.cached(at: broken) } throws: { $0 is SigningKeyError }
    }

    @Test func defaultCachePath_prefersXDGCacheHome_thenHome() {
        #expect(SigningKeyFile.defaultCachePath(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/mindsphere-fake/signing-key.pem")
        #expect(SigningKeyFile.defaultCachePath(environment: ["HOME": "/h"]) == "/h/.cache/mindsphere-fake/signing-key.pem")
        #expect(
            SigningKeyFile.defaultCachePath(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/mindsphere-fake/signing-key.pem")
        #expect(SigningKeyFile.defaultCachePath(environment: [:]) == nil)
    }

    @Test func seed_givesTheSameIds_withAKeptKey() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/signing-key.pem"
        var ids: [String] = []
        for _ in 0..<2 {
            let fake = try FakeGateway(
                configuration: FakeConfiguration(
                    scenario: .defaultScenario(), signingKey: try SigningKeyFile.cached(at: path),
                    seed: 42))
            let bearer = try fake.token()
            let created = fake.handle(
                FakeRequest(
                    method: .post, target: "/api/assetmanagement/v3/assets",
                    headerFields: [.authorization: "Bearer " + bearer, .contentType: "application/json"],
                    body: Array(#"{"name":"seeded","typeId":"core.basicarea","parentId":"343a6a61f5ef48c899b13f9c1be45b07"}"#.utf8)))
            ids.append(created.bodyJSON?["assetId"]?.stringValue ?? "no id: \(created.bodyText)")
        }
        #expect(ids[0] == ids[1])
        #expect(ids[0].utf8.count == 32)
    }
}
