import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// Assumption `api.body-binding`: Asset Management and Token Manager bodies bind like Jackson with Spring Boot's
/// defaults (`jackson`, the default) or by JSON type only (`strict`).
@Suite struct BodyBindingTests {
    private func client(_ alternative: String = "jackson") throws -> AssetClient {
        let client = try AssetClient()
        try client.fake.control.pickAssumptions(["api.body-binding": alternative])
        return client
    }

    @Test func jackson_assetTypeWithStringScalars_isCreatedTyped() throws {
        let client = try client()
        let body =
            #"{"name":"dm","parentTypeId":"core.basicasset","instantiable":"true","unknownMember":{"x":1},"variables":[{"name":"v","dataType":"STRING","length":"20","searchable":"False","qualityCode":0}]}"#
        let response = client.send(.put, "/assettypes/iiotuxpc.dm", body: body)
        #expect(response.status == .created, "\(response.bodyText)")
        let type = try client.getJSON("/assettypes/iiotuxpc.dm")
        #expect(type["instantiable"] == .bool(true))
        let variable = type["variables"]?.arrayValue?.first
        #expect(variable?["length"] == .int(20))
        #expect(variable?["searchable"] == .bool(false))
        #expect(variable?["qualityCode"] == .bool(false))
        #expect(type["unknownMember"] == nil)
    }

    @Test func jackson_numbersForStrings_areTheirText_fractionsForIntegersTruncate() throws {
        let client = try client()
        let response = client.send(
            .put, "/aspecttypes/iiotuxpc.nums",
            body: #"{"name":"nums","category":"static","description":42,"variables":[{"name":"s","dataType":"STRING","length":20.9,"unit":true}]}"#)
        #expect(response.status == .created, "\(response.bodyText)")
        let type = try client.getJSON("/aspecttypes/iiotuxpc.nums")
        #expect(type["description"] == .string("42"))
        #expect(type["variables"]?.arrayValue?.first?["length"] == .int(20))
        #expect(type["variables"]?.arrayValue?.first?["unit"] == .string("true"))
        let asset = try client.createAsset(name: "geo", extra: #","externalId":7,"location":{"latitude":"48.1","longitude":"11.5","country":1}"#)
        #expect(asset["externalId"] == .string("7"))
        #expect(asset["location"]?["latitude"] == .double(48.1))
        #expect(asset["location"]?["country"] == .string("1"))
    }

    @Test(arguments: [
        (#"{"name":"bad","instantiable":"yes"}"#, "'instantiable'"),
        (#"{"name":"bad","instantiable":1.5}"#, "'instantiable'"),
        (#"{"name":"bad","instantiable":{}}"#, "'instantiable'"),
        (#"{"name":"bad","description":{"a":1}}"#, "'description'"),
        (#"{"name":["bad"]}"#, "'name'"),
        (#"{"name":"bad","variables":[{"name":"v","dataType":"STRING","length":"20.5"}]}"#, "'variables[0].length'"),
        (#"{"name":"bad","variables":[{"name":"v","dataType":"STRING","length":"300"}]}"#, "'variables[0].length'"),
        (#"{"name":"bad","variables":[{"name":"v","dataType":"STRING","searchable":"maybe"}]}"#, "'variables[0].searchable'"),
        (#"{"name":"bad","variables":{"name":"v"}}"#, "'variables'"),
    ])
    func jackson_whatJacksonRefuses_staysA400NamingTheMember(body: String, member: String) throws {
        let client = try client()
        let response = client.send(.put, "/assettypes/iiotuxpc.bad", body: body)
        #expect(response.status == .badRequest)
        #expect(AssetClient.error(response).message.contains(member), "\(AssetClient.error(response).message)")
    }

    @Test func jackson_emptyStringForABoolean_isNull() throws {
        let client = try client()
        let response = client.send(.put, "/assettypes/iiotuxpc.dm", body: #"{"name":"dm","instantiable":""}"#)
        #expect(response.status == .created, "\(response.bodyText)")
        #expect(response.bodyJSON?["instantiable"] == .bool(true))
    }

    @Test(arguments: [
        #"{"name":"dm","instantiable":"true"}"#,
        #"{"name":"dm","description":5}"#,
        #"{"name":"dm","variables":[{"name":"v","dataType":"STRING","length":"20"}]}"#,
        #"{"name":"dm","variables":[{"name":"v","dataType":"STRING","length":20.5}]}"#,
        #"{"name":"dm","instantiable":1}"#,
    ])
    func strict_refusesEveryCoercion(body: String) throws {
        let client = try client("strict")
        #expect(client.send(.put, "/assettypes/iiotuxpc.dm", body: body).status == .badRequest)
    }

    @Test func strict_stillIgnoresUnknownMembers() throws {
        let client = try client("strict")
        #expect(client.send(.put, "/assettypes/iiotuxpc.dm", body: #"{"name":"dm","whatever":[1]}"#).status == .created)
    }

    @Test func tokenRequest_bindsThroughTheSameLayer() throws {
        let fake = try TestGateway.make()
        let numeric = #"{"appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":7,"extra":true}"#
        // A number is the text "7" under jackson: a well-formed request for an unprovisioned tenant (403).
        #expect(fake.handle(FakeRequest.tokenRequest(body: numeric)).status == .forbidden)
        let unknown = #"{"appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc","extra":{"a":1}}"#
        #expect(fake.handle(FakeRequest.tokenRequest(body: unknown)).status == .ok)
        try fake.control.pickAssumptions(["api.body-binding": "strict"])
        #expect(fake.handle(FakeRequest.tokenRequest(body: numeric)).status == .badRequest)
        #expect(fake.handle(FakeRequest.tokenRequest(body: unknown)).status == .ok)
    }
}
