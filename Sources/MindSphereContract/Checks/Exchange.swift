import Foundation
import HTTPTypes
public import MindSphereFake

/// One request a check sent and the response it got, under the check's label for that step.
public struct Exchange: Sendable {
    /// The step, e.g. `create asset`; unique within a check.
    public var label: String
    /// The request as sent.
    public var request: FakeRequest
    /// The response.
    public var response: FakeResponse

    /// An exchange.
    public init(label: String, request: FakeRequest, response: FakeResponse) {
        self.label = label
        self.request = request
        self.response = response
    }
}
