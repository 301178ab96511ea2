import Foundation
import HTTPTypes
public import MindSphereFake

extension CheckContext {
    /// Fails unless the body is the Spring Boot error shape `{timestamp, status, error, exception, message, path}`
    /// of IoT TS Bulk with `status`, the status repeated in the body and the request path in `path`.
    /// - Throws: `CheckFailure`.
    public func expectSpringError(_ response: FakeResponse, status: Int, path: String, step: String) throws {
        try expectStatus(response, status, step: step)
        let body = try json(response, step: step)
        let repeated = try integer(body, "status", step: step)
        try ensure(repeated == Int64(status), "\(step): body status \(repeated), expected \(status)")
        for key in ["timestamp", "error", "message"] { _ = try string(body, key, step: step) }
        let bodyPath = try string(body, "path", step: step)
        try ensure(bodyPath == path, "\(step): body path '\(bodyPath)', expected '\(path)'")
    }
}
