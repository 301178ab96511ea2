import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// `GET/PUT /model/lock`: while on, aspect and asset types cannot change; assets still can.
@Suite struct ModelLockTests {
    @Test func lock_refusesTypeChanges_untilUnlocked() throws {
        let client = try AssetClient()
        #expect(try client.getJSON("/model/lock") == .object(["enabled": .bool(false)]))
        #expect(client.send(.put, "/assettypes/iiotuxpc.Before", body: #"{"name":"Before"}"#).status == .created)
        let on = client.send(.put, "/model/lock?enabled=true")
        #expect(on.status == .ok)
        #expect(on.bodyJSON == .object(["enabled": .bool(true)]))
        #expect(try client.getJSON("/model/lock")["enabled"] == .bool(true))
        let refusals = [
            client.send(.put, "/assettypes/iiotuxpc.Locked", body: #"{"name":"Locked"}"#),
            client.send(.patch, "/assettypes/iiotuxpc.Before", body: #"{"description":"d"}"#, headers: ["If-Match": "0"]),
            client.send(.delete, "/assettypes/iiotuxpc.Before", headers: ["If-Match": "0"]),
            client.send(.put, "/aspecttypes/iiotuxpc.Locked", body: #"{"name":"Locked","category":"static","scope":"private","variables":[]}"#),
        ]
        for refusal in refusals {
            #expect(refusal.status == .conflict)
            #expect(AssetClient.error(refusal).message.contains("locked"))
        }
        #expect(try client.createAsset(name: "still allowed")["name"] == .string("still allowed"))
        #expect(client.send(.put, "/model/lock?enabled=False").bodyJSON?["enabled"] == .bool(false))
        #expect(client.send(.put, "/assettypes/iiotuxpc.Locked", body: #"{"name":"Locked"}"#).status == .created)
    }

    @Test func lock_fromScenario_survivesReset_andTravelsInTheStateDump() throws {
        let text = """
            tenants:
              - name: iiotuxpc
                modelLock: true
                appCredentials:
                  - {appName: testdm, appVersion: v1.0.0, clientSecret: \(AppCredential.fakeDefault.clientSecret)}
            """
        let client = try AssetClient(scenario: try ScenarioLoader().load(text: text, file: "lock.yaml"))
        #expect(try client.getJSON("/model/lock")["enabled"] == .bool(true))
        #expect(client.send(.put, "/model/lock?enabled=false").status == .ok)
        try client.fake.control.reset()
        let afterReset = AssetClient(fake: client.fake, token: try client.fake.token())
        #expect(try afterReset.getJSON("/model/lock")["enabled"] == .bool(true))
        let other = try TestGateway.make()
        try other.control.loadState(client.fake.control.state())
        let loaded = AssetClient(fake: other, token: try other.token())
        #expect(try loaded.getJSON("/model/lock")["enabled"] == .bool(true))
        let bad = "tenants:\n  - name: t\n    modelLock: maybe\n"
        #expect { try ScenarioLoader().load(text: bad, file: "s.yaml") } throws: { "\($0)".contains("modelLock") }
    }

    @Test func lock_badOrMissingParameter_is400() throws {
        let client = try AssetClient()
        #expect(client.send(.put, "/model/lock").status == .badRequest)
        let bad = client.send(.put, "/model/lock?enabled=maybe")
        #expect(bad.status == .badRequest)
        #expect(AssetClient.error(bad).message.contains("enabled"))
    }
}
