import HTTPTypes
import MindSphereFakeTesting
import Testing

@testable import MindSphereFake

/// Large and deep JSON: objects build in linear time (a key index past a few members) and the parser caps nesting
/// depth and members per object with a 400 in the addressed API's error shape.
@Suite struct JSONObjectLimitsTests {
    private func object(keys: Int, duplicateEvery: Int? = nil) -> String {
        var text = "{"
        for key in 0..<keys {
            if key > 0 { text += "," }
            let name = duplicateEvery.map { key % $0 == $0 - 1 ? key - 1 : key } ?? key
            text += "\"k\(name)\":\(key)"
        }
        return text + "}"
    }

    @Test func objectAtTheMemberLimit_parsesWithEveryKey() throws {
        let value = try JSONParser.parse(object(keys: JSONParser.maximumObjectMembers))
        let parsed = try #require(value.objectValue)
        #expect(parsed.count == JSONParser.maximumObjectMembers)
        #expect(parsed["k0"] == .int(0))
        #expect(parsed["k9999"] == .int(9999))
        #expect(parsed.keys.prefix(3) == ["k0", "k1", "k2"])
    }

    @Test func repeatedKeysInALargeObject_keepTheFirstPositionAndTheLastValue() throws {
        // Every third key repeats the one before it: k1 appears at 1 and 2, and so on.
        let parsed = try #require(try JSONParser.parse(object(keys: 3000, duplicateEvery: 3)).objectValue)
        #expect(parsed.count == 2000)
        #expect(parsed["k1"] == .int(2))
        #expect(parsed.keys[1] == "k1" && parsed.keys[2] == "k3")
    }

    @Test func hundredThousandKeyObject_isRefusedByTheCap() {
        #expect {
            try JSONParser.parse(object(keys: 100_000))
        } throws: { error in
            (error as? JSONParseError)?.reason == "an object has more than 10000 members"
        }
    }

    @Test func nestingAtTheDepthLimit_parses_oneDeeperIsRefused() throws {
        let depth = JSONParser.maximumDepth
        _ = try JSONParser.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(throws: JSONParseError.self) {
            try JSONParser.parse(String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1))
        }
    }

    @Test func hugeObjectBody_answers400InTheControlShape() throws {
        let fake = try TestGateway.make()
        let response = fake.handle(
            FakeRequest(
                method: .post, target: "/_fake/clock", headerFields: [.contentType: "application/json"],
                body: Array(object(keys: 100_000).utf8)))
        #expect(response.status == .badRequest)
        #expect(response.bodyJSON?["error"] == .string("bad_request"))
        #expect(response.bodyJSON?["message"]?.stringValue?.contains("more than 10000 members") == true)
    }

    @Test func hugeObjectBody_answers400InThePlatformShape() throws {
        let fake = try TestGateway.make()
        let token = try fake.token()
        let response = fake.handle(
            FakeRequest.authorized(
                .post, "/api/assetmanagement/v3/assets", token: token, body: object(keys: 100_000)))
        #expect(response.status == .badRequest)
        #expect(response.bodyJSON?["errors"]?.arrayValue?.first?["message"]?.stringValue?.contains("more than 10000 members") == true)
    }

    @Test func indexedObject_staysConsistentThroughSetsAndRemovals() {
        var object = JSONObject()
        for key in 0..<40 { object["k\(key)"] = .int(key) }
        object["k5"] = nil
        object["k6"] = .string("six")
        object["k40"] = .int(40)
        #expect(object.count == 40)
        #expect(object["k5"] == nil)
        #expect(object["k6"] == .string("six"))
        #expect(object["k39"] == .int(39) && object["k40"] == .int(40))
        #expect(object.keys[5] == "k6")
        var reordered = JSONObject()
        for member in object.members.reversed() { reordered[member.key] = member.value }
        #expect(reordered == object)
    }

    @Test func parseErrors_doNotQuoteTheInput() {
        #expect {
            try JSONParser.parse("{\"a\":SECRET}")
        } throws: { error in
            !String(describing: error).contains("S")
        }
    }
}
