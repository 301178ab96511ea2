import Glibc
public import Logging
import MindSphereFake

/// A swift-log handler that writes each entry as one line to standard error (standard output stays for the readiness
/// line): `text` for people — `2026-12-02T06:01:02.345Z info GET /api/... status=200 duration_ms=0.412 bytes=52` —
/// or `json`, one object a line for log collectors. Each line is one `write`, so lines of concurrent requests never
/// interleave.
public struct LineLogHandler: LogHandler {
    /// How a line looks.
    public enum Format: String, Sendable, CaseIterable {
        /// `time level message key=value ...`
        case text
        /// `{"time":...,"level":...,"message":...,"key":value,...}`
        case json
    }

    /// The line format.
    public let format: Format
    /// Entries below this level are dropped.
    public var logLevel: Logger.Level
    /// Metadata added to every entry.
    public var metadata: Logger.Metadata = [:]
    private let descriptor: Int32

    /// A handler writing `format` lines at `level` and above to standard error (or to `descriptor`).
    public init(format: Format, level: Logger.Level, descriptor: Int32 = 2) {
        self.format = format
        self.logLevel = level
        self.descriptor = descriptor
    }

    /// The metadata value for `key`.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one entry as one line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line = Self.line(format: format, time: Self.now(), level: event.level, message: "\(event.message)", metadata: merged)
        _ = line.withCString { write(descriptor, $0, strlen($0)) }
    }

    /// One entry as a line, newline included.
    static func line(format: Format, time: String, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        let pairs = orderedPairs(metadata)
        switch format {
        case .text:
            var line = "\(time) \(level) \(message)"
            for (key, value) in pairs {
                line += " \(key)=" + (value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) || value.isEmpty ? quoted(value) : value)
            }
            return line + "\n"
        case .json:
            var line = "{\"time\":\(quoted(time)),\"level\":\(quoted(level.rawValue)),\"message\":\(quoted(message))"
            for (key, value) in pairs {
                line += ",\(quoted(key)):" + (isNumber(value) ? value : quoted(value))
            }
            return line + "}\n"
        }
    }

    /// The request fields in a fixed order (the order a reader scans them in), then the others by name.
    private static func orderedPairs(_ metadata: Logger.Metadata) -> [(String, String)] {
        let first = ["status", "duration_ms", "bytes", "fault", "error"]
        let known = first.compactMap { key in metadata[key].map { (key, "\($0)") } }
        let rest = metadata.filter { !first.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        return known + rest
    }

    /// `text` as a JSON string literal.
    private static func quoted(_ text: String) -> String {
        String(decoding: JSONWriter.bytes(.string(text)), as: UTF8.self)
    }

    /// Whether `text` is a plain decimal number (written unquoted in JSON lines).
    private static func isNumber(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !text.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && !(parts[0].count > 1 && parts[0].first == "0")
    }

    /// The wall-clock time as `2026-12-02T06:01:02.345Z`.
    private static func now() -> String {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var seconds = spec.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = Int(spec.tv_nsec / 1_000_000)
        let fraction = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return
            "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(fraction)Z"
    }
}
