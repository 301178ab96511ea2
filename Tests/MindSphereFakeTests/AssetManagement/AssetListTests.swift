import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

@Suite struct AssetListTests {
    @Test func listAssets_freshTenant_answersSeedShape() throws {
        let client = try AssetClient()
        let list = try client.getJSON("/assets")
        #expect(list.objectValue?.keys == ["_embedded", "_links", "page"])
        let root = try #require(list["_embedded"]?["assets"]?.arrayValue?.first?.objectValue)
        #expect(
            root.keys == [
                "assetId", "tenantId", "name", "etag", "externalId", "t2Tenant", "subTenant", "description", "timezone",
                "twinType", "parentId", "typeId", "location", "fileAssignments", "variables", "aspects", "locks", "deleted",
                "sharing", "_links",
            ])
        #expect(root["name"] == .string("iiotuxpc"))
        #expect(root["parentId"] == .string(""))
        #expect(root["typeId"] == .string("core.basicenterprise"))
        #expect(root["description"] == .string("Root Asset for iiotuxpc tenant"))
        #expect(root["variables"] == .array([.object(["name": .string("tenantFlag"), "value": .string("true")])]))
        #expect(root["etag"] == .int(0))
        let id = try #require(root["assetId"]?.stringValue)
        #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        let links = try #require(root["_links"]?.objectValue)
        #expect(links.keys == ["self", "aspects", "variables", "location", "children"])
        #expect(
            links["children"]?["href"]
                == .string(
                    "http://gateway.test/api/assetmanagement/v3/assets?filter=%7B%22parentId%22:%22\(id)%22%7D"))
        #expect(
            list["_links"]
                == .object([
                    "self": .object([
                        "href": .string(
                            "http://gateway.test/api/assetmanagement/v3/assets?basicFieldsOnly=false&page=0&size=10&sort=name,id,asc")
                    ])
                ]))
        #expect(list["page"] == .object(["size": .int(10), "totalElements": .int(1), "totalPages": .int(1), "number": .int(0)]))
    }

    @Test func listAssets_defaultOrder_isNameCaseInsensitive() throws {
        let client = try AssetClient()
        for name in ["RPI Device", "machine", "MobilePhone"] { try client.createAsset(name: name) }
        let child = try client.createAsset(name: "machine")
        #expect(child["_links"]?["parent"] != nil && child["_links"]?["children"] == nil)
        let names = AssetClient.names(try client.getJSON("/assets"))
        #expect(names == ["iiotuxpc", "machine", "machine", "MobilePhone", "RPI Device"])
        let descending = AssetClient.names(try client.getJSON("/assets?sort=DESC"))
        #expect(descending == names.reversed())
        let byName = AssetClient.names(try client.getJSON("/assets?sort=name,desc"))
        #expect(byName.first == "RPI Device")
    }

    @Test func listAssets_pages_haveNavigationLinks() throws {
        let client = try AssetClient()
        for index in 0..<24 { try client.createAsset(name: "a\(index < 10 ? "0" : "")\(index)") }
        let middle = try client.getJSON("/assets?page=1&size=10")
        #expect(middle["page"] == .object(["size": .int(10), "totalElements": .int(25), "totalPages": .int(3), "number": .int(1)]))
        #expect(middle["_links"]?.objectValue?.keys == ["first", "prev", "self", "next", "last"])
        #expect(middle["_links"]?["next"]?["href"]?.stringValue?.contains("page=2&size=10") == true)
        #expect(middle["_links"]?["last"]?["href"]?.stringValue?.contains("page=2&size=10") == true)
        let last = try client.getJSON("/assets?page=2&size=10")
        #expect(AssetClient.names(last).count == 5)
        #expect(last["_links"]?.objectValue?.keys == ["first", "prev", "self", "last"])
        let first = try client.getJSON("/assets?page=0")
        #expect(first["_links"]?.objectValue?.keys == ["first", "self", "next", "last"])
    }

    @Test func listAssets_pageBeyondEnd_embedsAnEmptyArray() throws {
        let client = try AssetClient()
        let page = try client.getJSON("/assets?page=5")
        #expect(page["_embedded"] == .object(["assets": .array([])]))
        #expect(page["page"]?["totalElements"] == .int(1))
        #expect(page["page"]?["number"] == .int(5))
    }

    @Test func listAssets_noMatch_embedsAnEmptyArray() throws {
        let client = try AssetClient()
        let page = try client.getJSON("/assets?filter=%7B%22name%22%3A%22nothing%22%7D")
        #expect(page["_embedded"] == .object(["assets": .array([])]))
        #expect(page["page"] == .object(["size": .int(10), "totalElements": .int(0), "totalPages": .int(0), "number": .int(0)]))
        #expect(page["_links"]?["self"]?["href"]?.stringValue?.contains("filter=%7B%22name%22:%22nothing%22%7D") == true)
    }

    @Test func listAssets_sizeBeyondTotal_returnsAllOnOnePage() throws {
        let client = try AssetClient()
        for index in 0..<3 { try client.createAsset(name: "s\(index)") }
        let page = try client.getJSON("/assets?size=2000")
        #expect(AssetClient.names(page).count == 4)
        #expect(page["page"] == .object(["size": .int(2000), "totalElements": .int(4), "totalPages": .int(1), "number": .int(0)]))
        #expect(page["_links"]?.objectValue?.keys == ["self"])
    }

    @Test func listAssets_clientQuirks_areAccepted() throws {
        let client = try AssetClient()
        for index in 0..<12 { try client.createAsset(name: "q\(index)") }
        let zero = try client.getJSON("/assets?size=0&sort=ASC&basicFieldsOnly=False&includeShared=True&")
        #expect(zero["page"]?["size"] == .int(10))
        #expect(AssetClient.names(zero).count == 10)
        #expect(try client.getJSON("/assets?")["page"]?["totalElements"] == .int(13))
        let largest = try client.getJSON("/assets?size=2000")
        #expect(largest["page"]?["size"] == .int(2000))
    }

    /// The largest page numbers a client can send are answered as empty pages, every list of the API alike (page
    /// Int.max once trapped while the page's links were worked out).
    @Test(arguments: ["page=9223372036854775807", "page=9223372036854775807&size=0", "page=9223372036854775806&size=1"])
    func lists_hugePageNumbers_answerEmptyPages(query: String) throws {
        let client = try AssetClient()
        for list in ["/assets", "/assettypes", "/aspecttypes", "/files"] {
            let response = client.send(.get, list + "?" + query)
            #expect(response.status == .ok, "\(list)?\(query): \(response.bodyText)")
            #expect(response.bodyJSON?["_links"]?["next"] == nil, "\(list)?\(query)")
        }
    }

    @Test(arguments: [
        "page=-1", "size=abc", "size=2001", "size=5000", "size=99999999999999999999", "sort=colour,asc", "basicFieldsOnly=maybe", "includeShared=1",
    ])
    func listAssets_badParameter_isRefused(query: String) throws {
        let client = try AssetClient()
        let response = client.send(.get, "/assets?" + query)
        #expect(response.status == .badRequest)
        #expect(AssetClient.error(response).code == "mdsp.core.generic.invalidParameter")
        let name = String(query.split(separator: "=")[0])
        #expect(AssetClient.error(response).message.contains(name) || AssetClient.error(response).message.contains("colour"))
    }

    @Test func listAssets_otherTenant_isInvisible() throws {
        var scenario = Scenario.minimal
        scenario.tenants.append("othertnt")
        scenario.appCredentials.append(AppCredential(hostTenant: "othertnt", appName: "testdm", appVersion: "v1.0.0", clientSecret: "s"))
        let client = try AssetClient(scenario: scenario)
        let created = try client.createAsset(name: "mine")
        let body = #"{"grant_type":"client_credentials","appName":"testdm","appVersion":"v1.0.0","hostTenant":"othertnt","userTenant":"othertnt"}"#
        let tokenResponse = client.fake.handle(
            FakeRequest.tokenRequest(body: body, key: AppCredential.spaceAuthKey(clientID: "othertnt-testdm-v1.0.0", secret: "s")))
        let otherToken = try #require(tokenResponse.bodyJSON?["access_token"]?.stringValue)
        let other = AssetClient(fake: client.fake, token: otherToken)
        #expect(AssetClient.names(try other.getJSON("/assets")) == ["othertnt"])
        let id = try #require(created["assetId"]?.stringValue)
        #expect(other.send(.get, "/assets/\(id)").status == .notFound)
    }
}
