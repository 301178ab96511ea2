import Foundation
import Glibc

/// A raw TCP client for sending deliberately malformed HTTP to the server under test.
struct RawHTTPClient {
    let port: UInt16

    /// Sends `bytes`, then reads until the server closes or `timeoutSeconds` pass. Returns what was read.
    func exchange(_ bytes: [UInt8], timeoutSeconds: Int = 5) throws -> String {
        let socketFD = try connected()
        defer { close(socketFD) }
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if result <= 0 { break }
            sent += result
        }
        return Self.readAll(socketFD, timeoutSeconds: timeoutSeconds)
    }

    /// Sends `requests` one after the other on one kept-alive connection, reading each whole answer (its head, then
    /// as many body bytes as `Content-Length` says) before the next, and returns each answer's status line
    /// ("no answer" when the server closed or stayed silent for `timeoutSeconds`).
    func statusLines(_ requests: [[UInt8]], timeoutSeconds: Int = 5) throws -> [String] {
        try answers(requests, timeoutSeconds: timeoutSeconds).map { $0.components(separatedBy: "\r\n").first ?? "" }
            .map { $0.isEmpty ? "no answer" : $0 }
    }

    /// Sends `requests` one after the other on one kept-alive connection and returns each whole answer, head and body
    /// ("" when the server closed or stayed silent for `timeoutSeconds`).
    func answers(_ requests: [[UInt8]], timeoutSeconds: Int = 5) throws -> [String] {
        let socketFD = try connected()
        defer { close(socketFD) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var answers: [String] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for request in requests {
            _ = request.withUnsafeBytes { send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var received: [UInt8] = []
            while !Self.isWholeAnswer(received) {
                let count = recv(socketFD, &buffer, buffer.count, 0)
                guard count > 0 else { break }
                received.append(contentsOf: buffer[..<count])
            }
            answers.append(String(decoding: received, as: UTF8.self))
        }
        return answers
    }

    /// Whether `received` holds an answer's whole head and as many body bytes as its `Content-Length` says.
    private static func isWholeAnswer(_ received: [UInt8]) -> Bool {
        let text = String(decoding: received, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return false }
        let length =
            text[..<end.lowerBound].split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        return text.utf8.distance(from: end.upperBound, to: text.endIndex) >= length
    }

    /// Opens a connection, sends nothing, and reports whether the server closed it within `timeoutSeconds`.
    func idleConnectionIsClosed(within timeoutSeconds: Int) throws -> Bool {
        let socketFD = try connected()
        defer { close(socketFD) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = recv(socketFD, &buffer, buffer.count, 0)
        return count == 0
    }

    /// Opens a connection and leaves it to the caller (who closes it).
    func open() throws -> Int32 {
        try connected()
    }

    /// Whether the server closed `socketFD` (a read returns end of stream) within `timeoutSeconds`.
    static func isClosed(_ socketFD: Int32, within timeoutSeconds: Int) -> Bool {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socketFD, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    private func connected() throws -> Int32 {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw RawClientError.socket }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socketFD)
            throw RawClientError.connect
        }
        return socketFD
    }

    /// Reads from `socketFD` until the server closes it or `timeoutSeconds` pass without data.
    static func readAll(_ socketFD: Int32, timeoutSeconds: Int) -> String {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socketFD, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    enum RawClientError: Error { case socket, connect }
}
