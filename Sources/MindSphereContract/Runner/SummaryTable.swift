import Foundation
import HTTPTypes

/// The human summary of a run: one row per check, totals per tier, assumptions, cleanup and state.
public enum SummaryTable {
    /// The summary as text.
    public static func render(_ report: RunReport) -> String {
        var lines: [String] = []
        lines.append("Contract run on \(report.targetName) (prefix \(report.prefix), capabilities: \(report.capabilities))")
        let idWidth = min(max(report.results.map(\.id.count).max() ?? 5, 5), 48)
        lines.append(pad("CHECK", idWidth) + "  TIER  RESULT   MS     DETAIL")
        for result in report.results {
            let (word, detail): (String, String) =
                switch result.outcome {
                case .passed: ("pass", Self.observed(result))
                case .failed(let message): ("FAIL", message)
                case .skipped(let reason): ("skip", reason)
                }
            let milliseconds = String(Int((result.durationSeconds * 1000).rounded()))
            let shortDetail = detail.count > 110 ? String(detail.prefix(107)) + "..." : detail
            lines.append(
                pad(result.id, idWidth) + "  \(result.tier.rawValue)     " + pad(word, 7) + "  " + pad(milliseconds, 5)
                    + "  " + shortDetail.replacingAll("\n", with: " "))
        }
        lines.append("")
        for tier in ContractCheck.Tier.allCases {
            let inTier = report.results.filter { $0.tier == tier }
            guard !inTier.isEmpty else { continue }
            let passed = inTier.filter { $0.outcome == .passed }.count
            let failed = inTier.filter(\.failed).count
            let skipped = inTier.filter(\.skipped).count
            lines.append("\(tier): \(passed) passed, \(failed) failed, \(skipped) skipped")
        }
        let verdicts = report.assumptionVerdicts
        if !verdicts.isEmpty {
            let broken = verdicts.filter { !$0.value }.keys.sorted()
            lines.append(
                "assumptions: \(verdicts.count - broken.count) of \(verdicts.count) hold"
                    + (broken.isEmpty ? "" : "; not holding: " + broken.joined(separator: ", ")))
        }
        let observed = report.results.flatMap { $0.observedAlternatives.map { "\($0.key)=\($0.value)" } }.sorted()
        if !observed.isEmpty {
            lines.append("switchable assumptions as the target shows them: " + observed.joined(separator: ", "))
        }
        switch report.stateCheck {
        case .unavailable: break
        case .restored: lines.append("fake state: as found")
        case .changed(let paths): lines.append("fake state: CHANGED at " + paths.joined(separator: ", "))
        }
        if !report.cleanupFailures.isEmpty {
            lines.append("cleanup: \(report.cleanupFailures.count) failed — things named '\(report.prefix)*' may be left:")
            lines.append(contentsOf: report.cleanupFailures.map { "  " + $0 })
        }
        if report.interrupted { lines.append("run interrupted; cleanup done") }
        lines.append(report.succeeded ? "RESULT: PASS" : "RESULT: FAIL")
        return lines.joined(separator: "\n")
    }

    /// One progress line, e.g. `[ 3/41] am.assets.list ... pass (12 ms)`.
    public static func progressLine(_ result: CheckResult, position: Int, total: Int) -> String {
        let width = String(total).count
        let number = String(repeating: " ", count: max(0, width - String(position).count)) + String(position)
        let word =
            switch result.outcome {
            case .passed: "pass"
            case .failed: "FAIL"
            case .skipped: "skip"
            }
        return "[\(number)/\(total)] \(result.id) ... \(word) (\(Int((result.durationSeconds * 1000).rounded())) ms)"
    }

    private static func observed(_ result: CheckResult) -> String {
        let pairs = result.observedAlternatives.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return pairs.isEmpty ? "" : "shows " + pairs.joined(separator: ", ")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
