import Foundation
import HTTPTypes

/// Writes a run as JUnit XML (one `testsuite` per tier), the format CI systems read.
public enum JUnitWriter {
    /// The report as a JUnit XML document.
    public static func xml(_ report: RunReport) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let failures = report.failures.count + (stateFailure(report) == nil ? 0 : 1)
        let total = report.results.count + (stateFailure(report) == nil ? 0 : 1)
        output += "<testsuites name=\"mindsphere-contract\" tests=\"\(total)\" failures=\"\(failures)\">\n"
        for tier in ContractCheck.Tier.allCases {
            let results = report.results.filter { $0.tier == tier }
            guard !results.isEmpty else { continue }
            let seconds = results.reduce(0) { $0 + $1.durationSeconds }
            output +=
                "  <testsuite name=\"\(escape("\(tier) on \(report.targetName)"))\" tests=\"\(results.count)\""
                + " failures=\"\(results.filter(\.failed).count)\" skipped=\"\(results.filter(\.skipped).count)\""
                + " time=\"\(format(seconds))\">\n"
            for result in results {
                output +=
                    "    <testcase classname=\"contract.tier\(tier.rawValue)\" name=\"\(escape(result.id))\" time=\"\(format(result.durationSeconds))\""
                switch result.outcome {
                case .passed:
                    output += "/>\n"
                case .failed(let message):
                    output += ">\n      <failure message=\"\(escape(String(message.prefix(200))))\">\(escape(message))</failure>\n    </testcase>\n"
                case .skipped(let reason):
                    output += ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
                }
            }
            output += "  </testsuite>\n"
        }
        if let message = stateFailure(report) {
            output += "  <testsuite name=\"run\" tests=\"1\" failures=\"1\">\n"
            output += "    <testcase classname=\"contract.run\" name=\"state-restored\">\n"
            output += "      <failure message=\"\(escape(message))\">\(escape(message))</failure>\n    </testcase>\n  </testsuite>\n"
        }
        output += "</testsuites>\n"
        return output
    }

    private static func stateFailure(_ report: RunReport) -> String? {
        var problems: [String] = []
        if case .changed(let paths) = report.stateCheck { problems.append("fake state changed at " + paths.joined(separator: ", ")) }
        if !report.cleanupFailures.isEmpty { problems.append("cleanup failed: " + report.cleanupFailures.joined(separator: "; ")) }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    private static func format(_ seconds: Double) -> String {
        let milliseconds = Int((seconds * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Escapes text for XML attributes and content; control characters other than tab and newline are dropped.
    public static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
