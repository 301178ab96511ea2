import Foundation
import HTTPTypes
public import MindSphereFake

/// The JSON paths where two documents differ in value (used to show how a fake's state changed).
public enum JSONDifference {
    /// Up to `limit` paths (`$.assets[3].name`) where `lhs` and `rhs` differ.
    public static func paths(_ lhs: JSONValue, _ rhs: JSONValue, limit: Int = 10) -> [String] {
        var found: [String] = []
        walk(lhs, rhs, path: "$", limit: limit, into: &found)
        return found
    }

    private static func walk(_ lhs: JSONValue, _ rhs: JSONValue, path: String, limit: Int, into found: inout [String]) {
        guard found.count < limit, lhs != rhs else { return }
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            for key in left.keys where right[key] == nil { found.append("\(path).\(key) (removed)") }
            for key in right.keys where left[key] == nil { found.append("\(path).\(key) (added)") }
            for key in left.keys { if let l = left[key], let r = right[key] { walk(l, r, path: "\(path).\(key)", limit: limit, into: &found) } }
        case (.array(let left), .array(let right)):
            if left.count != right.count { found.append("\(path) (\(left.count) → \(right.count) elements)") }
            for index in 0..<min(left.count, right.count) { walk(left[index], right[index], path: "\(path)[\(index)]", limit: limit, into: &found) }
        default:
            found.append(path)
        }
    }
}
