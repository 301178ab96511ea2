import Foundation
import Testing

/// `mindsphere-fake scenario validate` as a process, on the shipped default scenario and on a broken file.
@Suite struct ScenarioProcessTests {
    @Test func validate_theDefaultScenario_isOK() async throws {
        let finished = try await FakeBinary.run(["scenario", "validate", "scenarios/default.yaml"])
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stdout.hasPrefix("scenarios/default.yaml: ok (scenario 'default': 1 tenant(s), 4 asset(s)"), "\(finished.stdout)")
        #expect(finished.stderr.isEmpty)
    }

    @Test func validate_aBrokenFile_namesIt_andFails() async throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yaml")
        try "name: broken\ntenants:\n  - name: iiotuxpc\n    nonsense: 1\n".write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let finished = try await FakeBinary.run(["scenario", "validate", "scenarios/default.yaml", broken.path])
        #expect(finished.status == 1)
        #expect(finished.stdout.hasPrefix("scenarios/default.yaml: ok"), "the good file is still reported")
        #expect(finished.stderr.contains(broken.lastPathComponent), "\(finished.stderr)")
        #expect(finished.stderr.contains("nonsense"), "\(finished.stderr)")
        #expect(!finished.stderr.contains("Usage"))
    }
}
