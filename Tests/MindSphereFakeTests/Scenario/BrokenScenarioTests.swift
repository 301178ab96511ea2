import Testing

@testable import MindSphereFake

/// Every broken scenario fails with file, line and problem, whether the loader or a store finds the problem.
@Suite struct BrokenScenarioTests {
    private static let header = """
        tenants:
          - name: acme
            aspectTypes:
              - {name: temps, category: dynamic, scopes: private, variables: [{name: t, dataType: DOUBLE}]}
              - {name: info, category: static, scopes: private, variables: [{name: size, dataType: INT}]}
            assetTypes:
              - {name: oven, parentTypeId: core.basicasset, aspects: [{name: temps, aspectTypeId: acme.temps}, {name: info, aspectTypeId: acme.info}]}
            assets:

        """

    /// Loads `text` as broken.yaml into a fresh gateway and returns the error text.
    private func failure(_ text: String) -> String {
        do {
            let scenario = try ScenarioLoader().load(text: text, file: "broken.yaml")
            _ = try FakeGateway(configuration: FakeConfiguration(scenario: scenario, seed: 1), clock: .frozen(at: 0))
            return "loaded"
        } catch {
            return error.description
        }
    }

    @Test func badYAML_namesFileAndLine() {
        let message = failure("name: x\ntenants:\n  - name: acme\n    assets: [unclosed\n")
        #expect(message.hasPrefix("broken.yaml:"), "\(message)")
        #expect(message.contains("invalid YAML"), "\(message)")
    }

    @Test func unknownTypeID_namesFileLineAndType() {
        let message = failure(Self.header + "      - {id: 00000000000000000000000000000001, name: x, typeId: acme.nosuchtype}\n")
        #expect(message.hasPrefix("broken.yaml:9:"), "\(message)")
        #expect(message.contains("acme.nosuchtype"), "\(message)")
    }

    @Test func duplicateAssetID_namesFileLineAndID() {
        let message = failure(
            Self.header + """
                      - {id: 00000000000000000000000000000001, name: a, typeId: acme.oven}
                      - {id: 00000000000000000000000000000001, name: b, typeId: acme.oven}

                """)
        #expect(message.hasPrefix("broken.yaml:10:"), "\(message)")
        #expect(message.contains("duplicate asset id"), "\(message)")
    }

    @Test func staticVariableOfWrongType_namesFileLineAndValue() {
        let message = failure(Self.header + "      - {name: a, typeId: acme.oven, aspects: {info: {size: big}}}\n")
        #expect(message.hasPrefix("broken.yaml:9:"), "\(message)")
        #expect(message.contains("big"), "\(message)")
    }

    @Test func timeSeriesValueOfWrongType_namesFileLineAndProblem() {
        let message = failure(
            Self.header + """
                      - name: a
                        typeId: acme.oven
                        timeSeries:
                          temps: [{_time: 2024-01-01T00:00:00.000Z, t: warm}]

                """)
        #expect(message.hasPrefix("broken.yaml:12:"), "\(message)")
        #expect(message.contains("temps"), "\(message)")
    }

    @Test func loaderRefusals_nameFileLineAndProblem() {
        let cases: [(String, String, String)] = [
            ("tenants:\n  - name: acme\n    asets: []\n", "broken.yaml:3:", "unknown key 'asets'"),
            ("tenants: []\n", "broken.yaml:1:", "no tenants"),
            ("tenants:\n  - name: acme\nfaults:\n  - {path: /api/x, status: 418}\n", "broken.yaml:4:", "418"),
            ("tenants:\n  - name: acme\n    assets:\n      - {name: a}\n", "broken.yaml:4:", "typeId"),
            ("include: other.yaml\n", "broken.yaml:1:", "without a file reader"),
            ("tenants:\n  - name: acme\n    assets:\n      - {name: a, typeId: core.basicdevice, parent: ghost}\n", "broken.yaml:4:", "ghost"),
        ]
        for (text, prefix, problem) in cases {
            let message = failure(text)
            #expect(message.hasPrefix(prefix) && message.contains(problem), "\(prefix) \(problem): \(message)")
        }
    }

    @Test func includeCycle_isRefused() {
        let files = InMemoryScenarioFiles(["a.yaml": "include: b.yaml\n", "b.yaml": "include: a.yaml\n"])
        #expect(throws: ScenarioError.self) { try ScenarioLoader(reader: files).load(path: "a.yaml") }
    }
}
