import HTTPTypes
import Testing

@testable import MindSphereFake

/// Scenarios posted at run time read files only below the directory of the scenario the fake started with, and no
/// error text quotes a file's contents.
@Suite struct PostedScenarioFileTests {
    private static let secret = "MDSP_KEY_STORE_CLIENT_SECRET=planted-secret-value"

    /// A reader that holds a started scenario in `s/`, files next to it, and files outside it that must stay unread.
    private static let files = InMemoryScenarioFiles([
        "s/base.yaml": "name: base\ntenants: [{name: base}]\n",
        "s/more/types.yaml": "tenants: [{name: typed}]\n",
        "s/more/nested.yaml": "include: ../outside.yaml\n",
        "s/more/chain.yaml": "include: types.yaml\n",
        "s/more/up.yaml": "include: ../base.yaml\n",
        "s/broken.yaml": "tenants: [{name: x}]\n\(secret): [unclosed\n",
        "s/binary.yaml": "tenants: []\n\(secret)\u{0}\u{1}\n",
        "s/records.json": "[{\"_time\": \(secret)}]",
        "outside.yaml": "tenants: [{name: \(secret)}]\n",
        "/proc/self/environ": "\(secret)\u{0}PATH=/usr/bin\u{0}",
    ])

    private func fake(startedFrom sourceFile: String? = "s/base.yaml") throws -> FakeGateway {
        var scenario = try ScenarioLoader(reader: Self.files).load(path: "s/base.yaml")
        scenario.sourceFile = sourceFile
        return try FakeGateway(
            configuration: FakeConfiguration(scenario: scenario, seed: 1, scenarioFileReader: Self.files),
            clock: .frozen(at: TestGateway.epoch))
    }

    private func post(_ fake: FakeGateway, _ text: String) -> FakeResponse {
        fake.handle(
            FakeRequest(
                method: .post, target: "/_fake/scenario", headerFields: [.contentType: "application/yaml"],
                body: Array(text.utf8)))
    }

    @Test func includeBelowTheStartedScenario_loads_alsoThroughAnIncludedFile() throws {
        let fake = try fake()
        let response = post(fake, "name: posted\ninclude: [more/chain.yaml]\ntenants: [{name: posted}]\n")
        #expect(response.status == .ok, "\(response.bodyText)")
        #expect(response.bodyJSON?["tenants"] == .array([.string("typed"), .string("posted")]))
    }

    @Test(arguments: [
        "/proc/self/environ", "../outside.yaml", "more/../../outside.yaml", "./../outside.yaml",
        "more/nested.yaml", "~/outside.yaml", "more\\..\\..\\outside.yaml",
    ])
    func pathsOutsideTheDirectory_areRefusedNamingTheRule(path: String) throws {
        let fake = try fake()
        let response = post(fake, "name: posted\ninclude: ['\(path)']\ntenants: [{name: posted}]\n")
        #expect(response.status == .badRequest, "\(path)")
        let message = response.bodyJSON?["message"]?.stringValue ?? ""
        #expect(message.contains("relative paths without '..'"), "\(message)")
        #expect(!message.contains("planted-secret-value"))
        #expect(fake.control.scenario.name == "base", "the previous scenario stays")
    }

    @Test func fixtureFileOutsideTheDirectory_isRefused() throws {
        let fake = try fake()
        let text = Self.scenario(fixtureFile: "/proc/self/environ")
        let response = post(fake, text)
        #expect(response.status == .badRequest)
        #expect(response.bodyJSON?["message"]?.stringValue?.contains("relative paths without '..'") == true)
    }

    @Test func fakeStartedWithoutAScenarioFile_letsPostedScenariosReadNoFiles() throws {
        let fake = try fake(startedFrom: nil)
        let response = post(fake, "include: [s/base.yaml]\n")
        #expect(response.status == .badRequest)
        #expect(response.bodyJSON?["message"]?.stringValue?.contains("started without a scenario file") == true)
    }

    @Test(arguments: ["broken.yaml", "binary.yaml"])
    func parseErrorsInAnIncludedFile_nameFileAndLine_butNotItsText(file: String) throws {
        let fake = try fake()
        let response = post(fake, "include: [\(file)]\n")
        #expect(response.status == .badRequest)
        let message = response.bodyJSON?["message"]?.stringValue ?? ""
        #expect(message.contains("s/\(file):"), "\(message)")
        #expect(!message.contains("planted-secret-value") && !message.contains("MDSP_KEY_STORE"), "\(message)")
    }

    @Test func jsonFixtureParseError_doesNotQuoteTheFile() throws {
        let fake = try fake()
        let text = Self.scenario(fixtureFile: "records.json")
        let message = post(fake, text).bodyJSON?["message"]?.stringValue ?? ""
        #expect(message.contains("s/records.json"), "\(message)")
        #expect(!message.contains("MDSP"), "\(message)")
    }

    @Test func operatorScenarioFiles_stillIncludeRelativeToThemselves() throws {
        let scenario = try ScenarioLoader(reader: Self.files).load(path: "s/more/up.yaml")
        #expect(scenario.tenants == ["base"], "an operator's own file may include its parent directory")
        #expect(scenario.sourceFile == "s/more/up.yaml")
    }

    /// A posted scenario whose one series reads its records from `fixtureFile`.
    private static func scenario(fixtureFile: String) -> String {
        """
        tenants:
          - name: base
            assets:
              - {name: base, typeId: core.basicenterprise}
            timeSeries:
              - {asset: base, aspect: x, file: \(fixtureFile)}
        """
    }
}
