/// A header value with `;`-separated parameters, e.g. `form-data; name="file"; filename="a b.txt"`: the leading
/// value and the parameters by lowercased name, quoted strings unquoted (`\"` and `\\` unescaped).
struct HeaderParameters {
    /// The value before the first `;`, trimmed.
    var value: String
    /// The parameters by lowercased name.
    var parameters: [String: String]

    /// Splits `text`; a parameter without `=` is ignored, a later duplicate does not replace an earlier one.
    static func parse(_ text: String) -> HeaderParameters {
        var scalars = Array(text.unicodeScalars)[...]
        var value = ""
        while let first = scalars.first, first != ";" {
            value.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        var parameters: [String: String] = [:]
        while scalars.first == ";" {
            scalars = scalars.dropFirst()
            var name = ""
            while let first = scalars.first, first != "=", first != ";" {
                name.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
            }
            guard scalars.first == "=" else { continue }
            scalars = scalars.dropFirst()
            while scalars.first == " " || scalars.first == "\t" { scalars = scalars.dropFirst() }
            var parameter = ""
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                while let first = scalars.first, first != "\"" {
                    scalars = scalars.dropFirst()
                    if first == "\\", let escaped = scalars.first {
                        parameter.unicodeScalars.append(escaped)
                        scalars = scalars.dropFirst()
                    } else {
                        parameter.unicodeScalars.append(first)
                    }
                }
                scalars = scalars.dropFirst()
                while let first = scalars.first, first != ";" { scalars = scalars.dropFirst() }
            } else {
                while let first = scalars.first, first != ";" {
                    parameter.unicodeScalars.append(first)
                    scalars = scalars.dropFirst()
                }
                parameter = parameter.withoutSurroundingSpaces()
            }
            let key = name.withoutSurroundingSpaces().lowercased()
            if !key.isEmpty, parameters[key] == nil { parameters[key] = parameter }
        }
        return HeaderParameters(value: value.withoutSurroundingSpaces(), parameters: parameters)
    }
}
