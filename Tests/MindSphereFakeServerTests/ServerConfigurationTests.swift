import Testing

@testable import MindSphereFakeServer

/// The server's defaults that depend on the machine.
@Suite struct ServerConfigurationTests {
    @Test func defaultThreads_areTwoPerProcessor_fromTwoToSixtyFour() {
        #expect(ServerConfiguration.threads(forProcessors: 1) == 2)
        #expect(ServerConfiguration.threads(forProcessors: 2) == 4)
        #expect(ServerConfiguration.threads(forProcessors: 12) == 24)
        #expect(ServerConfiguration.threads(forProcessors: 32) == 64)
        #expect(ServerConfiguration.threads(forProcessors: 500) == 64)
        // sysconf answers -1 when it cannot tell: one processor is assumed.
        #expect(ServerConfiguration.threads(forProcessors: -1) == 2)
    }

    @Test func aConfigurationMadeWithoutThreads_takesTheDefault() {
        #expect(ServerConfiguration().threads == ServerConfiguration.defaultThreads)
        #expect((2...64).contains(ServerConfiguration.defaultThreads))
    }
}
