import Foundation
import HTTPTypes
public import MindSphereFake

/// One place where a target's answer differs from a recording.
public struct DriftFinding: Sendable, Equatable, CustomStringConvertible {
    /// The check.
    public var check: String
    /// The step (exchange label).
    public var step: String
    /// What differs.
    public var difference: String

    /// A finding.
    public init(check: String, step: String, difference: String) {
        self.check = check
        self.step = step
        self.difference = difference
    }

    /// `check / step: difference`.
    public var description: String { "\(check) / \(step): \(difference)" }
}

/// Compares a check's current exchanges with a recording: status, recorded headers (presence; media type of
/// Content-Type) and JSON shape (types, keys, placeholder kinds, and the values of `code` and `error` fields).
public enum DriftComparer {
    /// The differences between `recorded` (a recording document) and `current` (the same document from this run).
    public static func compare(recorded: JSONValue, current: JSONValue) -> [DriftFinding] {
        let check = current["check"]?.stringValue ?? recorded["check"]?.stringValue ?? "?"
        let old = exchanges(recorded)
        let new = exchanges(current)
        var findings: [DriftFinding] = []
        for (label, recordedExchange) in old {
            guard let currentExchange = new.first(where: { $0.0 == label })?.1 else {
                findings.append(DriftFinding(check: check, step: label, difference: "recorded step was not sent in this run"))
                continue
            }
            findings += compareExchange(check: check, step: label, recordedExchange, currentExchange)
        }
        for (label, _) in new where !old.contains(where: { $0.0 == label }) {
            findings.append(DriftFinding(check: check, step: label, difference: "step is not in the recording"))
        }
        return findings
    }

    private static func exchanges(_ document: JSONValue) -> [(String, JSONValue)] {
        (document["exchanges"]?.arrayValue ?? []).map { ($0["label"]?.stringValue ?? "?", $0) }
    }

    private static func compareExchange(check: String, step: String, _ old: JSONValue, _ new: JSONValue) -> [DriftFinding] {
        var findings: [DriftFinding] = []
        func add(_ text: String) { findings.append(DriftFinding(check: check, step: step, difference: text)) }
        let oldStatus = old["response"]?["status"]
        let newStatus = new["response"]?["status"]
        if oldStatus != newStatus {
            add("status \(describe(newStatus)), recorded \(describe(oldStatus))")
        }
        let oldHeaders = old["response"]?["headers"]?.objectValue ?? [:]
        let newHeaders = new["response"]?["headers"]?.objectValue ?? [:]
        for name in ResponseNormaliser.recordedHeaders where name != "X-Correlation-ID" {
            switch (oldHeaders[name], newHeaders[name]) {
            case (nil, nil): break
            case (_?, nil): add("header \(name) missing (recorded)")
            case (nil, _?): add("header \(name) present (not recorded)")
            case (let a?, let b?):
                if name == "Content-Type", mediaType(a) != mediaType(b) {
                    add("Content-Type \(mediaType(b)), recorded \(mediaType(a))")
                }
            }
        }
        shape(old["response"]?["body"] ?? .null, new["response"]?["body"] ?? .null, path: "$", key: nil, add: add)
        return findings
    }

    private static func shape(_ old: JSONValue, _ new: JSONValue, path: String, key: String?, add: (String) -> Void) {
        let oldKind = kind(old)
        let newKind = kind(new)
        guard oldKind == newKind else {
            add("body \(path) is \(newKind), recorded \(oldKind)")
            return
        }
        switch (old, new) {
        case (.object(let a), .object(let b)):
            for name in a.keys where b[name] == nil { add("body \(path).\(name) missing (recorded)") }
            for name in b.keys where a[name] == nil { add("body \(path).\(name) present (not recorded)") }
            for name in a.keys {
                if let x = a[name], let y = b[name] { shape(x, y, path: "\(path).\(name)", key: name, add: add) }
            }
        case (.array(let a), .array(let b)):
            if a.isEmpty != b.isEmpty { add("body \(path) has \(b.count) elements, recorded \(a.count)") }
            for index in 0..<min(a.count, b.count) { shape(a[index], b[index], path: "\(path)[\(index)]", key: key, add: add) }
        case (.string(let a), .string(let b)) where key == "code" || key == "error":
            if a != b { add("body \(path) is '\(b)', recorded '\(a)'") }
        default:
            break
        }
    }

    /// The shape kind of a value: JSON type, with placeholder strings named by their category.
    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            if text.hasPrefix("<"), let colon = text.firstIndex(of: ":"), text.hasSuffix(">"), !text.contains(" ") {
                return "string(\(text[text.index(after: text.startIndex)..<colon]))"
            }
            return "string"
        case .number(.integer): return "integer"
        default: return value.typeName
        }
    }

    private static func mediaType(_ value: JSONValue) -> String {
        (value.stringValue ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }

    private static func describe(_ value: JSONValue?) -> String {
        guard let value else { return "none" }
        return JSONWriter.string(value)
    }
}

extension DriftComparer {
    /// Compares every check of `report` that `directory` recorded; checks absent from the run are reported too.
    /// - Returns: the findings per check id, in recording order (an empty list means no drift).
    public static func compare(_ report: RunReport, tenant: String, recordingDirectory directory: String) throws -> [(String, [DriftFinding])] {
        var output: [(String, [DriftFinding])] = []
        for id in try Recording.checkIDs(in: directory) {
            guard let recorded = Recording.document(id: id, in: directory) else {
                output.append((id, [DriftFinding(check: id, step: "-", difference: "recording file is missing or not JSON")]))
                continue
            }
            guard let result = report.results.first(where: { $0.id == id }), !result.skipped else {
                output.append((id, [DriftFinding(check: id, step: "-", difference: "check did not run")]))
                continue
            }
            let current = Recording.document(for: result, prefix: report.prefix, tenant: tenant)
            output.append((id, compare(recorded: recorded, current: current)))
        }
        return output
    }
}
