import Foundation
import HTTPTypes
public import MindSphereFake

/// A directory of normalised exchanges, one `<check-id>.json` per check plus `index.json`: written by
/// `--record DIR`, read by `--compare DIR`.
public enum Recording {
    /// One check's recorded document: `{"check","tier","outcome","exchanges":[...]}`.
    public static func document(for result: CheckResult, prefix: RunPrefix, tenant: String) -> JSONValue {
        var normaliser = ResponseNormaliser(prefix: prefix, tenant: tenant)
        let outcome: String =
            switch result.outcome {
            case .passed: "passed"
            case .failed: "failed"
            case .skipped: "skipped"
            }
        return .object([
            "check": .string(result.id),
            "tier": .int(result.tier.rawValue),
            "outcome": .string(outcome),
            "exchanges": .array(result.exchanges.map { normaliser.record($0) }),
        ])
    }

    /// Writes every run (not skipped) check of `report` into `directory` (created if needed).
    /// - Throws: file-system errors.
    public static func write(_ report: RunReport, tenant: String, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var ids: [JSONValue] = []
        for result in report.results where !result.skipped {
            let text = PrettyJSON.string(document(for: result, prefix: report.prefix, tenant: tenant))
            try text.write(toFile: path(directory, result.id), atomically: true, encoding: .utf8)
            ids.append(.string(result.id))
        }
        let index: JSONValue = .object(["format": .int(1), "checks": .array(ids)])
        try PrettyJSON.string(index).write(
            toFile: (directory as NSString).appendingPathComponent("index.json"),
            atomically: true, encoding: .utf8)
    }

    /// The check ids recorded in `directory`.
    /// - Throws: `CheckFailure` when the index is missing or unreadable.
    public static func checkIDs(in directory: String) throws -> [String] {
        let indexPath = (directory as NSString).appendingPathComponent("index.json")
        guard let data = FileManager.default.contents(atPath: indexPath),
            let ids = (try? JSONParser.parse(Array(data)))?["checks"]?.arrayValue
        else {
            throw CheckFailure("\(indexPath) is missing or not a recording index")
        }
        return ids.compactMap(\.stringValue)
    }

    /// The recorded document of check `id`, or `nil`.
    public static func document(id: String, in directory: String) -> JSONValue? {
        FileManager.default.contents(atPath: path(directory, id)).flatMap { try? JSONParser.parse(Array($0)) }
    }

    private static func path(_ directory: String, _ id: String) -> String {
        (directory as NSString).appendingPathComponent(id + ".json")
    }
}
