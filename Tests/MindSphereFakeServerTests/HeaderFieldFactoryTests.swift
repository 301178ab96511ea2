import HTTPTypes
import Testing

@testable import MindSphereFakeServer

@Suite struct HeaderFieldFactoryTests {
    private func field(_ factory: HeaderFieldFactory, _ name: String, _ value: String) -> HTTPField? {
        name.withCString { key in value.withCString { factory.field(key: key, value: $0) } }
    }

    @Test func longValue_seenTwice_isTheSameField() throws {
        let factory = HeaderFieldFactory()
        let value = "Bearer " + String(repeating: "abcdefgh", count: 120)
        let first = try #require(field(factory, "Authorization", value))
        let second = try #require(field(factory, "Authorization", value))
        #expect(first == HTTPField(name: .authorization, value: value))
        #expect(second == first)
        #expect(second.name.rawName == "Authorization")
    }

    @Test func longValues_sharingLengthAndEnd_stayApart() throws {
        let factory = HeaderFieldFactory()
        let tail = String(repeating: "x", count: 100)
        let name = try #require(HTTPField.Name("X-Long"))
        for _ in 0..<2 {
            #expect(field(factory, "X-Long", "A" + tail) == HTTPField(name: name, value: "A" + tail))
            #expect(field(factory, "X-Long", "B" + tail) == HTTPField(name: name, value: "B" + tail))
        }
    }

    @Test func sameValue_underAnotherName_keepsItsName() throws {
        let factory = HeaderFieldFactory()
        let value = String(repeating: "token-", count: 20)
        _ = field(factory, "Authorization", value)
        let other = try #require(field(factory, "authorization", value))
        #expect(other.name.rawName == "authorization")
        #expect(other.value == value)
    }

    @Test func illegalBytes_areLegalizedAsHTTPFieldDoes() throws {
        let factory = HeaderFieldFactory()
        let value = "start\u{01}" + String(repeating: "y", count: 80) + "\u{7F}end"
        let name = try #require(HTTPField.Name("X-Odd"))
        for _ in 0..<2 {
            #expect(field(factory, "X-Odd", value) == HTTPField(name: name, value: value))
        }
    }

    @Test func invalidName_givesNoField() {
        #expect(field(HeaderFieldFactory(), "Bad Name", "value") == nil)
    }

    @Test func shortValues_andUncommonNames_matchHTTPField() throws {
        let factory = HeaderFieldFactory()
        let name = try #require(HTTPField.Name("X-Request-Tag"))
        #expect(field(factory, "X-Request-Tag", "  padded  ") == HTTPField(name: name, value: "  padded  "))
        let host = try #require(HTTPField.Name("Host"))
        #expect(field(factory, "Host", "127.0.0.1:8080") == HTTPField(name: host, value: "127.0.0.1:8080"))
    }
}
