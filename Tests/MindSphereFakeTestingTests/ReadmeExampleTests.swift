import Foundation
import Testing

/// The README's "Testing your app with the fake" example is ReadmeExample.swift, so it compiles and runs here.
@Suite struct ReadmeExampleTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func readmeExample_isTheCompiledOne() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let compiled = try String(
            contentsOf: Self.root.appendingPathComponent("Tests/MindSphereFakeTestingTests/ReadmeExample.swift"),
            encoding: .utf8)
        let section = try #require(readme.range(of: "### Testing your app with the fake"))
        let opening = try #require(readme.range(of: "```swift\n", range: section.upperBound..<readme.endIndex))
        let closing = try #require(readme.range(of: "```", range: opening.upperBound..<readme.endIndex))
        #expect(String(readme[opening.upperBound..<closing.lowerBound]) == compiled, "copy the README's example into ReadmeExample.swift")
    }

    @Test func readme_documentsTheDefaultCredential() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("`\(AppCredentialValues.clientID)`"))
        #expect(readme.contains("`\(AppCredentialValues.clientSecret)`"))
    }
}
