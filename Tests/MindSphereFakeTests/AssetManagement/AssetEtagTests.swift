import Foundation
import HTTPTypes
import Synchronization
import Testing

@testable import MindSphereFake

@Suite struct AssetEtagTests {
    private func asset(_ client: AssetClient) throws -> String {
        try #require(try client.createAsset(name: "e")["assetId"]?.stringValue)
    }

    @Test(arguments: ["0", "\"0\"", "W/\"0\"", " 0 "])
    func ifMatch_acceptedForms(value: String) throws {
        let client = try AssetClient()
        let id = try asset(client)
        let response = client.send(.put, "/assets/\(id)", body: #"{"name":"n"}"#, headers: ["If-Match": value])
        #expect(response.status == .ok)
        #expect(response.bodyJSON?["etag"] == .int(1))
    }

    @Test func ifMatch_missingAndEmpty_areRefusedAsMissing() throws {
        let client = try AssetClient()
        let id = try asset(client)
        for headers in [[:], ["If-Match": ""]] {
            let response = client.send(.put, "/assets/\(id)", body: #"{"name":"n"}"#, headers: headers)
            #expect(response.status == .badRequest)
            #expect(AssetClient.error(response).code == "mdsp.core.generic.missingParameter")
            #expect(AssetClient.error(response).message.contains("If-Match"))
        }
    }

    @Test func ifMatch_stale_isRefusedAsNoMatch() throws {
        let client = try AssetClient()
        let id = try asset(client)
        let response = client.send(.patch, "/assets/\(id)", body: #"{"name":"n"}"#, headers: ["If-Match": "3"])
        #expect(response.status == .preconditionFailed)
        #expect(AssetClient.error(response).code == "mdsp.core.generic.noMatch")
        #expect(AssetClient.error(response).message.contains("3") && AssetClient.error(response).message.contains("0"))
        let garbage = client.send(.patch, "/assets/\(id)", body: #"{"name":"n"}"#, headers: ["If-Match": "abc"])
        #expect(garbage.status == .badRequest)
        #expect(AssetClient.error(garbage).message.contains("abc"))
    }

    @Test func ifNoneMatch_currentEtag_answers304() throws {
        let client = try AssetClient()
        let id = try asset(client)
        #expect(client.send(.get, "/assets/\(id)", headers: ["If-None-Match": "0"]).status == .notModified)
        #expect(client.send(.get, "/assets/\(id)", headers: ["If-None-Match": "5"]).status == .ok)
    }

    /// A read answered once is kept with its etag; a change must retire both, so a client's conditional read never
    /// matches the etag before the change, and the root read follows the same rule.
    @Test func ifNoneMatch_afterAChangeToAReadAsset_comparesWithTheNewEtag() throws {
        let client = try AssetClient()
        let id = try asset(client)
        #expect(client.send(.get, "/assets/\(id)").status == .ok)
        #expect(client.send(.get, "/assets/\(id)", headers: ["If-None-Match": "0"]).status == .notModified)
        let changed = client.send(.patch, "/assets/\(id)", body: #"{"name":"renamed"}"#, headers: ["If-Match": "0"])
        #expect(changed.status == .ok)
        let stale = client.send(.get, "/assets/\(id)", headers: ["If-None-Match": "0"])
        #expect(stale.status == .ok)
        #expect(stale.bodyJSON?["name"]?.stringValue == "renamed" && stale.bodyJSON?["etag"] == .number(.integer(1)))
        #expect(client.send(.get, "/assets/\(id)", headers: ["If-None-Match": "1"]).status == .notModified)
        let root = client.send(.get, "/assets/root")
        guard case .number(.integer(let rootETag)) = root.bodyJSON?["etag"] else {
            Issue.record("the root read has no integer etag: \(root.bodyText)")
            return
        }
        #expect(client.send(.get, "/assets/root", headers: ["If-None-Match": "\(rootETag)"]).status == .notModified)
        #expect(client.send(.get, "/assets/root", headers: ["If-None-Match": "\(rootETag + 1)"]).status == .ok)
    }

    @Test func concurrentUpdates_sameEtag_exactlyOneWins() async throws {
        let client = try AssetClient()
        let id = try asset(client)
        let statuses = await withTaskGroup(of: HTTPResponse.Status.self) { group in
            for index in 0..<16 {
                group.addTask {
                    client.send(.put, "/assets/\(id)", body: #"{"name":"writer\#(index)"}"#, headers: ["If-Match": "0"]).status
                }
            }
            var all: [HTTPResponse.Status] = []
            for await status in group { all.append(status) }
            return all
        }
        #expect(statuses.filter { $0 == .ok }.count == 1)
        #expect(statuses.filter { $0 == .preconditionFailed }.count == 15)
        #expect(try client.getJSON("/assets/\(id)")["etag"] == .int(1))
    }

    @Test func everyChange_incrementsEtag() throws {
        let client = try AssetClient()
        let id = try asset(client)
        let other = try asset(client)
        #expect(client.send(.put, "/assets/\(id)", body: #"{"name":"a"}"#, headers: ["If-Match": "0"]).bodyJSON?["etag"] == .int(1))
        #expect(client.send(.patch, "/assets/\(id)", body: #"{"name":"b"}"#, headers: ["If-Match": "1"]).bodyJSON?["etag"] == .int(2))
        #expect(client.send(.put, "/assets/\(id)/location", body: #"{"country":"X"}"#, headers: ["If-Match": "2"]).bodyJSON?["etag"] == .int(3))
        #expect(
            client.send(.post, "/assets/\(id)/move", body: #"{"newParentId":"\#(other)"}"#, headers: ["If-Match": "3"]).bodyJSON?["etag"] == .int(4))
        #expect(client.send(.delete, "/assets/\(id)", headers: ["If-Match": "4"]).status == .noContent)
        #expect(try client.getJSON("/assets/\(id)")["etag"] == .int(5))
    }
}
