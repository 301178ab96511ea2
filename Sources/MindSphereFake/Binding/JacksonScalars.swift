/// How Jackson (with Spring Boot's default `ALLOW_COERCION_OF_SCALARS`) reads a JSON string into a number or
/// Boolean, as bytes in and a typed value out. One set of rules for request bodies (`BodyReader`) and time-series
/// values (`RecordValidator` and `RecordScanner`, which must agree byte for byte, so both call these).
///
/// Jackson first trims the text as Java's `String.trim()` does (every byte up to U+0020 at either end), then:
/// integers parse as `Integer.parseInt`/`Long.parseLong` do (an optional `+` or `-`, then ASCII digits, nothing
/// else); doubles as `Double.parseDouble` does for decimal notation (`1.5`, `-1`, `1e3`, `.5`, `5.`); Booleans are
/// `true`, `True`, `TRUE`, `false`, `False` or `FALSE`. Deliberately refused although Java would read them: `NaN`
/// and `Infinity` (and overflow to infinity), which JSON cannot carry back, hexadecimal floats and `d`/`f` suffixes,
/// which no JSON client sends.
enum JacksonScalars {
    /// The integer `text` names when it lies in `range`.
    static func integer(_ text: UnsafeBufferPointer<UInt8>, in range: ClosedRange<Int64>) -> Int64? {
        let (start, end) = trimmedBounds(text)
        var index = start
        guard index < end else { return nil }
        let negative = text[index] == UInt8(ascii: "-")
        if negative || text[index] == UInt8(ascii: "+") { index += 1 }
        guard index < end else { return nil }
        // Accumulated negatively so Int64.min parses without overflow.
        var value: Int64 = 0
        while index < end {
            let digit = Int64(text[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.subtractingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        if !negative {
            guard value != Int64.min else { return nil }
            value = -value
        }
        return range.contains(value) ? value : nil
    }

    /// The finite double `text` names in decimal notation.
    static func double(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let (start, end) = trimmedBounds(text)
        var index = start
        if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") { index += 1 }
        let integerDigits = digitRun(text, from: &index, to: end)
        var fractionDigits = 0
        if index < end, text[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = digitRun(text, from: &index, to: end)
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if index < end, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") { index += 1 }
            guard digitRun(text, from: &index, to: end) > 0 else { return nil }
        }
        guard index == end else { return nil }
        // The grammar above is a subset of what Double(_:) reads, so this only converts.
        let literal = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
        guard let value = Double(literal), value.isFinite else { return nil }
        return value
    }

    /// The Boolean `text` names.
    static func boolean(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        let (start, end) = trimmedBounds(text)
        let word = UnsafeBufferPointer(rebasing: text[start..<end])
        for (spelling, value) in spellings where word.elementsEqual(spelling) { return value }
        return nil
    }

    /// Whether `text` is empty or `null` once trimmed: Jackson binds such a string to null for a number or Boolean.
    static func isNullText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, end) = trimmedBounds(text)
        return start == end || UnsafeBufferPointer(rebasing: text[start..<end]).elementsEqual("null".utf8)
    }

    /// Runs `body` over the UTF-8 bytes of `text`.
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8 { body($0) }
    }

    private static let spellings: [([UInt8], Bool)] = [
        ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The bounds of `text` without what Java's `String.trim()` removes.
    private static func trimmedBounds(_ text: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var start = 0
        var end = text.count
        while start < end, text[start] <= 0x20 { start += 1 }
        while end > start, text[end - 1] <= 0x20 { end -= 1 }
        return (start, end)
    }

    private static func digitRun(_ text: UnsafeBufferPointer<UInt8>, from index: inout Int, to end: Int) -> Int {
        let start = index
        while index < end, text[index] >= 48, text[index] <= 57 { index += 1 }
        return index - start
    }
}
