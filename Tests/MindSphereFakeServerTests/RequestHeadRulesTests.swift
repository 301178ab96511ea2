import MindSphereFake
import Testing

@testable import MindSphereFakeServer

/// The size limits every request head is held to, whatever path measured it.
@Suite struct RequestHeadRulesTests {
    private let rules = RequestHeadRules(maximumBodyBytes: .max, maximumHeadBytes: 8192)

    @Test func headsUpToTheLimit_pass_oneByteMoreIsRefused() {
        #expect(rules.sizeRefusal(headBytes: 8192, fieldCount: 3, requestLineBytes: 8000) == nil)
        #expect(rules.sizeRefusal(headBytes: 8193, fieldCount: 3, requestLineBytes: 100)?.code == .headerFieldsTooLarge)
        // A request line that alone is too long is refused as such (414), one that just fits is a long head (431).
        #expect(rules.sizeRefusal(headBytes: 8300, fieldCount: 3, requestLineBytes: 8193)?.code == .uriTooLong)
        #expect(rules.sizeRefusal(headBytes: 8300, fieldCount: 3, requestLineBytes: 8192)?.code == .headerFieldsTooLarge)
    }

    @Test func fieldsUpToTheLimit_pass_oneMoreIsRefused() {
        #expect(rules.sizeRefusal(headBytes: 100, fieldCount: RequestHeadRules.maximumHeaderFields, requestLineBytes: 20) == nil)
        let refusal = rules.sizeRefusal(headBytes: 100, fieldCount: RequestHeadRules.maximumHeaderFields + 1, requestLineBytes: 20)
        #expect(refusal?.code == .headerFieldsTooLarge)
        #expect(refusal?.message == "the request head has more than \(RequestHeadRules.maximumHeaderFields) header fields")
    }
}
