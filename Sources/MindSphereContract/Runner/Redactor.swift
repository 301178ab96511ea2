import Foundation
import HTTPTypes

/// Removes secrets from text before it reaches a report: the client secret, the encoded credentials, every token
/// the run took, and anything shaped like a JWT.
public struct Redactor: Sendable {
    private let secrets: [String]

    /// A redactor for `secrets`.
    public init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every secret replaced by `<redacted>` and JWT-shaped values by `<token>`.
    public func redact(_ text: String) -> String {
        var output = text
        for secret in secrets { output = output.replacingAll(secret, with: "<redacted>") }
        return Self.maskJWTs(output)
    }

    /// Replaces `eyJ….….…` runs (compact JWTs) with `<token>`.
    static func maskJWTs(_ text: String) -> String {
        guard text.contains("eyJ") else { return text }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "eyJ") {
            output += rest[..<start.lowerBound]
            var index = start.lowerBound
            var dots = 0
            while index < rest.endIndex {
                let character = rest[index]
                if character == "." {
                    dots += 1
                } else if !(character.isLetter || character.isNumber || character == "-" || character == "_") {
                    break
                }
                index = rest.index(after: index)
            }
            output += dots >= 2 ? "<token>" : String(rest[start.lowerBound..<index])
            rest = rest[index...]
        }
        return output + rest
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
