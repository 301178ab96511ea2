import Testing

@testable import MindSphereFake

@Suite struct ScenarioLoaderTests {
    private static let types = """
        tenants:
          - name: acme
            aspectTypes:
              - {name: temps, category: dynamic, scopes: private, variables: [{name: t, dataType: DOUBLE}, {name: label, dataType: STRING, length: 20}, {name: n, dataType: INT}]}
            assetTypes:
              - {name: oven, parentTypeId: core.basicasset, aspects: [{name: temps, aspectTypeId: acme.temps}]}
        """

    @Test func include_fixturesAndGeneratedIds_buildOneScenario() throws {
        let files = InMemoryScenarioFiles([
            "s/types.yaml": Self.types,
            "s/main.yaml": """
            name: main
            seed: 9
            include: types.yaml
            tokenLifetimeSeconds: 600
            ingestionDelaySeconds: 2
            tenants:
              - name: acme
                appCredentials: [{appName: app, appVersion: v1.0.0, clientSecret: s}]
                assets:
                  - name: acme
                    typeId: core.basicenterprise
                    children:
                      - name: oven1
                        typeId: acme.oven
                        timeSeries:
                          temps: {file: ../Fixtures/temps.csv}
                  - {name: oven2, typeId: acme.oven, parent: oven1}
                timeSeries:
                  - {asset: oven2, aspect: temps, file: ../Fixtures/temps.json}
            faults:
              - {path: "/api/**", status: 503, times: 1}
            """,
            "Fixtures/temps.csv": "_time,t,label,n\n2024-01-01T00:00:00.000Z,1.5,007,3\n2024-01-01T00:00:01.000Z,2,\"a,b\",\n",
            "Fixtures/temps.json": #"[{"_time":"2024-01-01T00:00:00.000Z","t":1.25}]"#,
        ])
        let scenario = try ScenarioLoader(reader: files).load(path: "s/main.yaml")
        #expect(scenario.name == "main")
        #expect(scenario.seed == 9)
        #expect(scenario.tokenLifetimeSeconds == 600)
        #expect(scenario.ingestionDelayMilliseconds == 2000)
        #expect(scenario.aspectTypes.first?.id == "acme.temps")
        #expect(scenario.aspectTypes.first?.origin == SourceLocation(file: "s/types.yaml", line: 4))
        let ids = scenario.assets.map { $0.id ?? "" }
        #expect(ids.count == 3 && Set(ids).count == 3 && ids.allSatisfy { $0.count == 32 })
        #expect(scenario.assets[2].body["parentId"]?.stringValue == ids[1])
        #expect(scenario.assets[1].origin?.line == 13)
        let csv = scenario.timeSeries[0].records
        #expect(csv.count == 2)
        #expect(csv[0]["label"] == .string("007"), "a STRING column stays text")
        #expect(csv[0]["n"] == .number(.integer(3)))
        #expect(csv[1]["t"] == .double(2))
        #expect(csv[1]["label"] == .string("a,b"))
        #expect(csv[1]["n"] == nil)
        #expect(scenario.timeSeries[1].assetID == ids[2])
        #expect(scenario.faults.first?.action == .status(503, retryAfterSeconds: nil, delayMilliseconds: 0))
        let again = try ScenarioLoader(reader: files).load(path: "s/main.yaml")
        #expect(again.assets.map { $0.id ?? "" } == ids, "generated ids repeat with the same seed")
    }

    @Test func nonRootAssetWithoutParent_goesUnderAnImplicitRoot() throws {
        let scenario = try ScenarioLoader().load(
            text: """
                tenants:
                  - name: acme
                    assets: [{name: pump, typeId: core.basicdevice, variables: {serialNumber: 12}}]
                """)
        #expect(scenario.assets.count == 2)
        #expect(scenario.assets[0].body["typeId"]?.stringValue == "core.basicenterprise")
        #expect(scenario.assets[1].body["parentId"]?.stringValue == scenario.assets[0].id)
        #expect(scenario.assets[1].body["variables"] == .array([.object(["name": .string("serialNumber"), "value": .string("12")])]))
    }

    @Test func generate_makesDeterministicEvenlySpacedRecords() throws {
        let text = """
            seed: 4
            tenants:
              - name: acme
                assets:
                  - name: pump
                    typeId: core.basicdevice
                    timeSeries:
                      temps:
                        generate:
                          start: 2024-01-01T00:00:00.000Z
                          count: 3600
                          intervalSeconds: 1
                          variables:
                            t: {kind: sine, min: 10, max: 20, periodSeconds: 600, noise: 0.1}
                            n: {kind: counter, start: 5}
                            s: {kind: cycle, values: [on, off], everyRecords: 10}
            """
        let records = try ScenarioLoader().load(text: text).timeSeries[0].records
        #expect(records.count == 3600)
        #expect(records[1]["_time"] == .string("2024-01-01T00:00:01.000Z"))
        #expect(records[3599]["n"] == .number(.integer(3604)))
        #expect(records[10]["s"] == .string("off"))
        #expect(records == (try ScenarioLoader().load(text: text).timeSeries[0].records))
    }
}
