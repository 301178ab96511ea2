import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct AspectTypeTests {
    private let staticBody =
        #"{"name":"env","category":"static","scope":"private","description":"d","variables":[{"name":"label","dataType":"STRING","unit":"","searchable":true,"length":5,"defaultValue":"25/77","qualityCode":true}]}"#

    @Test func putAspectType_creates_withResourceShape() throws {
        let client = try AssetClient()
        let response = client.send(.put, "/aspecttypes/iiotuxpc.env", body: staticBody)
        #expect(response.status == .created)
        let type = try #require(response.bodyJSON?.objectValue)
        #expect(type.keys == ["id", "tenantId", "name", "category", "scope", "description", "variables", "sharing", "etag", "_links"])
        #expect(type["etag"] == .int(0))
        #expect(type["tenantId"] == .string("iiotuxpc"))
        let variable = try #require(type["variables"]?.arrayValue?.first?.objectValue)
        #expect(variable.keys == ["name", "dataType", "unit", "searchable", "length", "defaultValue", "qualityCode"])
        #expect(variable["defaultValue"] == .string("25/77"))
        #expect(try client.getJSON("/aspecttypes/iiotuxpc.env") == .object(type))
        let list = try client.getJSON("/aspecttypes")
        #expect(list["page"]?["size"] == .int(10))
        #expect(AssetClient.names(list, "aspectTypes").contains("env"))
    }

    @Test(arguments: [
        (
            "/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"dynamic","variables":[{"name":"t","dataType":"STRING","defaultValue":"x"}]}"#,
            "defaultValue is only allowed in static"
        ),
        (
            "/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"BIG_STRING"}]}"#,
            "BIG_STRING is only allowed in dynamic"
        ),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"FLOAT"}]}"#, "'FLOAT'"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"STRING","length":256}]}"#, "256"),
        (
            "/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"dynamic","variables":[{"name":"t","dataType":"BIG_STRING","length":100001}]}"#,
            "100001"
        ),
        (
            "/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"INT","defaultValue":"1.5"}]}"#,
            "'1.5'"
        ),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"INT","length":"abc"}]}"#, "length"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"BOOLEAN","length":{}}]}"#, "length"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"DOUBLE","length":true}]}"#, "length"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"LONG","length":-1}]}"#, "length"),
        (
            "/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"STRING","length":"20.5"}]}"#,
            "length"
        ),
        (
            "/aspecttypes/iiotuxpc.bad",
            #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"STRING","length":9223372036854775807}]}"#, "length"
        ),
        (
            "/aspecttypes/iiotuxpc.bad",
            #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"STRING","length":3,"defaultValue":"toolong"}]}"#, "toolong"
        ),
        (
            "/aspecttypes/iiotuxpc.bad",
            #"{"name":"bad","category":"static","variables":[{"name":"t","dataType":"INT"},{"name":"t","dataType":"INT"}]}"#, "occurs twice"
        ),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"sometimes","variables":[]}"#, "sometimes"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static"}"#, "'variables'"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"other","category":"static","variables":[]}"#, "'other'"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","scope":"public","variables":[]}"#, "public"),
        ("/aspecttypes/iiotuxpc.bad", #"{"name":"bad","category":"static","variables":[{"name":"a-b","dataType":"INT"}]}"#, "'a-b'"),
        ("/aspecttypes/toolongprefix.bad", #"{"name":"bad","category":"static","variables":[]}"#, "toolongprefix"),
        ("/aspecttypes/iiotuxpc.b%20d", #"{"name":"b d","category":"static","variables":[]}"#, "iiotuxpc.b d"),
    ])
    func putAspectType_ruleViolation_isRefused(path: String, body: String, fragment: String) throws {
        let client = try AssetClient()
        let response = client.send(.put, path, body: body)
        #expect(response.status == .badRequest)
        #expect(AssetClient.error(response).message.contains(fragment), "message: \(AssetClient.error(response).message)")
    }

    @Test func putAspectType_foreignPrefix_isForbidden() throws {
        let client = try AssetClient()
        let response = client.send(.put, "/aspecttypes/other.env", body: #"{"name":"env","category":"static","variables":[]}"#)
        #expect(response.status == .forbidden)
        #expect(client.send(.delete, "/aspecttypes/core.connectivityStatus", headers: ["If-Match": "0"]).status == .forbidden)
    }

    @Test func updateAspectType_immutabilityRules() throws {
        let client = try AssetClient()
        try client.createAspectType("env", variables: #"[{"name":"label","dataType":"STRING","length":5},{"name":"n","dataType":"INT"}]"#)
        func put(_ variables: String, category: String = "static", etag: Int = 0) -> FakeResponse {
            client.send(
                .put, "/aspecttypes/iiotuxpc.env", body: #"{"name":"env","category":"\#(category)","variables":\#(variables)}"#,
                headers: ["If-Match": String(etag)])
        }
        #expect(AssetClient.error(put(#"[{"name":"label","dataType":"STRING","length":5}]"#)).message.contains("'n'"))
        #expect(AssetClient.error(put(#"[{"name":"label","dataType":"STRING","length":5},{"name":"n","dataType":"LONG"}]"#)).message.contains("LONG"))
        #expect(
            AssetClient.error(put(#"[{"name":"label","dataType":"STRING","length":4},{"name":"n","dataType":"INT"}]"#)).message.contains("shrink"))
        #expect(AssetClient.error(put(#"[]"#, category: "dynamic")).message.contains("category"))
        let grown = put(#"[{"name":"label","dataType":"STRING","length":50},{"name":"n","dataType":"INT"},{"name":"added","dataType":"BOOLEAN"}]"#)
        #expect(grown.status == .ok)
        #expect(grown.bodyJSON?["etag"] == .int(1))
        #expect(grown.bodyJSON?["variables"]?.arrayValue?.count == 3)
        let createOnly = client.send(
            .put, "/aspecttypes/iiotuxpc.env", body: staticBody,
            headers: ["If-None-Match": "*"])
        #expect(createOnly.status == .preconditionFailed)
    }

    @Test func dynamicStringLength_cannotChange() throws {
        let client = try AssetClient()
        try client.createAspectType("log", category: "dynamic", variables: #"[{"name":"msg","dataType":"STRING","length":20}]"#)
        let response = client.send(
            .put, "/aspecttypes/iiotuxpc.log",
            body: #"{"name":"log","category":"dynamic","variables":[{"name":"msg","dataType":"STRING","length":30}]}"#,
            headers: ["If-Match": "0"])
        #expect(response.status == .badRequest)
        #expect(AssetClient.error(response).message.contains("cannot change from 20 to 30"))
    }

    @Test func patchAspectType_fullResourcePlusVariable_addsIt() throws {
        let client = try AssetClient()
        var type = try #require(try client.createAspectType("env", variables: #"[{"name":"a","dataType":"INT"}]"#).objectValue)
        var variables = try #require(type["variables"]?.arrayValue)
        variables.append(.object(["name": .string("b"), "dataType": .string("BOOLEAN")]))
        type["variables"] = .array(variables)
        let response = client.send(
            .patch, "/aspecttypes/iiotuxpc.env", body: JSONWriter.string(.object(type)),
            headers: ["If-Match": "0", "Content-Type": "application/merge-patch+json"])
        #expect(response.status == .ok)
        #expect(response.bodyJSON?["variables"]?.arrayValue?.count == 2)
        #expect(client.send(.patch, "/aspecttypes/iiotuxpc.none", body: "{}", headers: ["If-Match": "0"]).status == .notFound)
    }

    @Test func deleteAspectType_refusedWhileUsed() throws {
        let client = try AssetClient()
        try client.createAspectType("env", variables: #"[{"name":"a","dataType":"INT"}]"#)
        try client.createAssetType("box", aspects: #"[{"name":"environment","aspectTypeId":"iiotuxpc.env"}]"#)
        let refused = client.send(.delete, "/aspecttypes/iiotuxpc.env", headers: ["If-Match": "0"])
        #expect(refused.status == .conflict)
        #expect(AssetClient.error(refused).message.contains("iiotuxpc.box"))
        #expect(client.send(.delete, "/assettypes/iiotuxpc.box", headers: ["If-Match": "0"]).status == .noContent)
        #expect(client.send(.delete, "/aspecttypes/iiotuxpc.env", headers: ["If-Match": "0"]).status == .noContent)
        #expect(client.send(.get, "/aspecttypes/iiotuxpc.env").status == .notFound)
    }
}
