import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// Files in reset, state dump and load, and scenarios (`files:` of a tenant, from text or a fixture file).
@Suite struct FileStateTests {
    private static let reader = InMemoryScenarioFiles([
        "s/plant.yaml": """
        name: plant
        tenants:
          - name: iiotuxpc
            appCredentials:
              - {appName: testdm, appVersion: v1.0.0, clientSecret: \(AppCredential.fakeDefault.clientSecret)}
            files:
              - {name: manual, file: ../Fixtures/manual.txt, mimeType: text/plain, scope: PUBLIC, description: pump manual}
              - {name: note, text: "inline note"}
            assetTypes:
              - {name: Pump, fileAssignments: [{key: manual, fileId: manual}]}
            assets:
              - {name: p1, typeId: iiotuxpc.Pump, fileAssignments: [{key: note, fileId: note}]}
        """,
        "Fixtures/manual.txt": "Step 1: open the valve.\n",
    ])

    private func scenarioClient() throws -> AssetClient {
        let scenario = try ScenarioLoader(reader: Self.reader).load(path: "s/plant.yaml")
        return try AssetClient(scenario: scenario)
    }

    @Test func scenario_seedsFilesFromFixturesAndText_andAssignsThemByName() throws {
        let client = try scenarioClient()
        let files = try client.getJSON("/files")
        #expect(AssetClient.names(files, "files") == ["manual", "note"])
        let manual = try #require(files["_embedded"]?["files"]?.arrayValue?.first)
        let id = try #require(manual["id"]?.stringValue)
        #expect(manual["originalFileName"] == .string("manual.txt"))
        #expect(manual["scope"] == .string("PUBLIC"))
        #expect(manual["isAssigned"] == .bool(true))
        #expect(client.send(.get, "/files/\(id)/file").bodyText == "Step 1: open the valve.\n")
        let assets = try client.getJSON("/assets")["_embedded"]?["assets"]?.arrayValue ?? []
        let asset = try #require(assets.first { $0["name"]?.stringValue == "p1" })
        let keys = (asset["fileAssignments"]?.arrayValue ?? []).compactMap { $0["key"]?.stringValue }
        #expect(keys == ["manual", "note"])
    }

    @Test func scenario_fileErrors_nameTheEntry() throws {
        let twoSources = "tenants:\n  - name: t\n    files:\n      - {name: x, text: a, file: b.txt}\n"
        #expect { try ScenarioLoader().load(text: twoSources, file: "s.yaml") } throws: { "\($0)".contains("exactly one") }
        let badScope = "tenants:\n  - name: t\n    files:\n      - {name: x, text: a, scope: SHARED}\n"
        #expect { try ScenarioLoader().load(text: badScope, file: "s.yaml") } throws: { "\($0)".contains("SHARED") }
    }

    @Test func reset_dropsUploadedFiles_keepsScenarioFiles() throws {
        let client = try scenarioClient()
        _ = try client.uploadFile([1, 2], name: "uploaded")
        #expect(AssetClient.names(try client.getJSON("/files"), "files").count == 3)
        try client.fake.control.reset()
        let after = AssetClient(fake: client.fake, token: try client.fake.token())
        #expect(AssetClient.names(try after.getJSON("/files"), "files") == ["manual", "note"])
    }

    @Test func stateDumpAndLoad_carryBytesMetadataAndAssignments() throws {
        let client = try AssetClient()
        let bytes = FileUploadTests.awkwardBytes
        let id = try client.uploadFile(bytes, name: "raw", fileName: "raw.bin")
        let asset = try #require(
            try client.createAsset(name: "holder", extra: #","fileAssignments":[{"key":"raw","fileId":"\#(id)"}]"#)["assetId"]?.stringValue)
        #expect(
            client.send(.put, "/assettypes/iiotuxpc.Holder", body: #"{"name":"Holder","fileAssignments":[{"key":"t","fileId":"\#(id)"}]}"#).status
                == .created)
        let dump = client.fake.control.state()
        let other = try TestGateway.make()
        try other.control.loadState(dump)
        let loaded = AssetClient(fake: other, token: try other.token())
        let file = try loaded.getJSON("/files/\(id)")
        #expect(file["name"] == .string("raw"))
        #expect(file["originalFileName"] == .string("raw.bin"))
        #expect(file["uploaded"] == (try client.getJSON("/files/\(id)"))["uploaded"])
        #expect(loaded.send(.get, "/files/\(id)/file").body == bytes)
        let holder = try loaded.getJSON("/assets/\(asset)")
        #expect(holder["fileAssignments"]?.arrayValue?.first?["fileId"] == .string(id))
        let type = try loaded.getJSON("/assettypes/iiotuxpc.Holder")
        #expect(type["fileAssignments"]?.arrayValue?.first?["key"] == .string("t"))
    }
}
