import Foundation
import MindSphereContract
import MindSphereFake

/// One `contract` run with its parsed settings: builds the target, runs the kit, prints and writes the reports.
struct ContractInvocation: Sendable {
    let target: String
    let configuration: ContractConfiguration
    let options: RunOptions
    let junit: String?
    let record: String?
    let compare: String?

    /// Runs the kit; returns whether everything passed (and, with `--compare`, nothing drifted).
    func execute() async throws -> Bool {
        let contractTarget = try await makeTarget()
        Output.line("mindsphere-fake contract: \(options.readOnly ? "read-only run" : "run") on \(contractTarget.name)")
        let report = await ContractRunner().run(on: contractTarget, options: options) { progress in
            switch progress {
            case .started: break
            case .finished(let result, let position, let total):
                Output.line(SummaryTable.progressLine(result, position: position, total: total))
            case .cleaningUp(let pending):
                if pending > 0 { Output.line("cleaning up \(pending) created resources ...") }
            }
        }
        Output.line("")
        Output.line(SummaryTable.render(report))
        if let junit {
            try JUnitWriter.xml(report).write(toFile: junit, atomically: true, encoding: .utf8)
            Output.line("JUnit report: \(junit)")
        }
        let tenant = contractTarget.credentials.userTenant
        if let record {
            try Recording.write(report, tenant: tenant, to: record)
            Output.line("recorded \(report.results.filter { !$0.skipped }.count) checks into \(record)")
        }
        var drifted = false
        if let compare {
            Output.line("")
            Output.line("Drift against \(compare):")
            for (id, findings) in try DriftComparer.compare(report, tenant: tenant, recordingDirectory: compare) {
                if findings.isEmpty {
                    Output.line("  \(id): same")
                } else {
                    drifted = true
                    Output.line("  \(id): \(findings.count) difference(s)")
                    for finding in findings { Output.line("    \(finding.step): \(finding.difference)") }
                }
            }
        }
        return report.succeeded && !drifted
    }

    private func makeTarget() async throws -> any ContractTarget {
        switch target {
        case "fake":
            return InProcessTarget(gateway: try FakeGateway(), credentials: (try? configuration.credentials()) ?? .fakeDefault)
        case "gateway":
            guard let url = configuration.gatewayURL else { throw CheckFailure("--target gateway needs MDSP_GATEWAY_URL") }
            return try gatewayTarget(url)
        default:
            let isFake: Bool
            do {
                isFake = try await FakeURLTarget.probe(baseURL: target, trust: configuration.trust)
            } catch {
                throw CheckFailure("cannot reach \(target): \(error)")
            }
            if isFake {
                let credentials = (try? configuration.credentials()) ?? .fakeDefault
                return try await FakeURLTarget.connect(
                    baseURL: target, credentials: credentials, trust: configuration.trust,
                    controlToken: configuration.controlToken)
            }
            return try gatewayTarget(target)
        }
    }

    private func gatewayTarget(_ url: String) throws -> GatewayTarget {
        try GatewayTarget(
            baseURL: url, credentials: try configuration.credentials(), trust: configuration.trust,
            pacing: .init(minimumIntervalMilliseconds: configuration.pacingMilliseconds))
    }
}
