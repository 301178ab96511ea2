import Glibc
import Testing

@testable import MindSphereFakeServer

/// The server's own listening socket: it gives its port back however it ends.
@Suite struct FrontDoorTests {
    private func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    private func door(port: UInt16) throws -> FrontDoor {
        try FrontDoor(
            address: loopback(port: port), connectionLimit: 16, perAddressLimit: 0, maximumHeadBytes: ServerConfiguration.defaultMaximumHeadBytes,
            headerTimeoutSeconds: 1, idleTimeoutSeconds: 0)
    }

    @Test func aDoorThatNeverStarted_releasesItsPortOnStop() throws {
        let first = try door(port: 0)
        let port = first.port
        #expect(throws: ServerError.self) { try door(port: port) }
        first.stop()
        let second = try door(port: port)
        second.stop()
        second.stop()
    }

    @Test func aStartedDoor_releasesItsPortOnStop() throws {
        let first = try door(port: 0)
        first.start(FrontDoor.Handlers(handOver: { socket, _ in close(socket) }, refusal: { _ in [] }))
        first.stop()
        first.stop()
        let second = try door(port: first.port)
        second.stop()
    }

    @Test func waiting_endsAtTheShorterDeadline_andNeverLastsForever() {
        #expect(FrontDoor.waitSeconds(headerTimeoutSeconds: 10, idleTimeoutSeconds: 1) == 1)
        #expect(FrontDoor.waitSeconds(headerTimeoutSeconds: 3, idleTimeoutSeconds: 120) == 3)
        #expect(FrontDoor.waitSeconds(headerTimeoutSeconds: 0, idleTimeoutSeconds: 7) == 7)
        #expect(FrontDoor.waitSeconds(headerTimeoutSeconds: 5, idleTimeoutSeconds: 0) == 5)
        #expect(FrontDoor.waitSeconds(headerTimeoutSeconds: 0, idleTimeoutSeconds: 0) == 120)
    }
}
