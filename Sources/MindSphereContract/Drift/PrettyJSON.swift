import Foundation
import HTTPTypes
public import MindSphereFake

/// Indented JSON with keys in their order, for recordings that read well in a diff.
public enum PrettyJSON {
    /// `value` as indented text ending in a newline.
    public static func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: "", into: &output)
        return output + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, into output: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                write(element, indent: inner, into: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .object(let object) where !object.isEmpty:
            output += "{\n"
            for (index, member) in object.members.enumerated() {
                output += inner + JSONWriter.string(.string(member.key)) + ": "
                write(member.value, indent: inner, into: &output)
                output += index == object.members.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        default:
            output += JSONWriter.string(value)
        }
    }
}
