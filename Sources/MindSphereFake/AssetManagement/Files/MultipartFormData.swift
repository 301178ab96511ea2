import MultipartKit
import NIOCore

/// A `multipart/form-data` request body split into its parts by MultipartKit's parser; what is read here is
/// only the `Content-Type` boundary and each part's `Content-Disposition` parameters.
struct MultipartFormData {
    /// One part of the form.
    struct Part {
        /// The part's header fields, names as sent.
        var headers: [(name: String, value: String)] = []
        /// The part's bytes, exactly as sent.
        var body: [UInt8] = []

        /// A header value (names compare without letter case).
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The `Content-Disposition` parameters (`name`, `filename`), keys lowercased.
        var disposition: [String: String] { HeaderParameters.parse(header("Content-Disposition") ?? "").parameters }

        /// The form field name.
        var name: String? { disposition["name"] }

        /// The file name of a file part.
        var fileName: String? { disposition["filename"] }

        /// The part's text (UTF-8).
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The parts in the order sent.
    let parts: [Part]

    /// The parts of `body`, whose media type `contentType` must be `multipart/form-data` with a boundary.
    /// - Throws: `FakeError` 415 for another media type, 400 for a missing boundary or a body that is no
    ///   well-formed multipart message (bad syntax, no part, or a part without its closing boundary).
    init(contentType: String?, body: [UInt8]) throws(FakeError) {
        guard let contentType, !contentType.withoutSurroundingSpaces().isEmpty else {
            throw FakeError(.unsupportedMediaType, "the request needs Content-Type: multipart/form-data with a boundary")
        }
        let header = HeaderParameters.parse(contentType)
        guard header.value.lowercased() == "multipart/form-data" else {
            throw FakeError(.unsupportedMediaType, "Content-Type '\(contentType)' is not supported; send multipart/form-data")
        }
        guard let boundary = header.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw FakeError(.malformedBody, "the multipart/form-data Content-Type has no boundary parameter")
        }
        let collector = PartCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        do {
            try parser.execute(body)
        } catch {
            throw FakeError(.malformedBody, "the multipart/form-data body is malformed (boundary '\(boundary)')")
        }
        guard !collector.open else {
            throw FakeError(.malformedBody, "the multipart/form-data body ends inside a part; the closing boundary '--\(boundary)--' is missing")
        }
        guard !collector.parts.isEmpty else {
            throw FakeError(.malformedBody, "the multipart/form-data body has no part delimited by boundary '\(boundary)'")
        }
        parts = collector.parts
    }

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// Gathers the parser's callbacks into parts (the parser is synchronous: no sharing across threads).
    private final class PartCollector {
        var parts: [Part] = []
        var current = Part()
        var open = false

        func header(_ name: String, _ value: String) {
            open = true
            current.headers.append((name: name, value: value))
        }

        func body(_ buffer: inout ByteBuffer) {
            open = true
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { current.body += bytes }
        }

        func complete() {
            parts.append(current)
            current = Part()
            open = false
        }
    }
}
