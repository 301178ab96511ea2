import Foundation
import Glibc
import Testing

/// The built `mindsphere-fake` binary, run as a child process the way a shell or CI job runs it.
enum FakeBinary {
    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (`swift build --build-tests` and `swift test` put both into the build
    /// products directory); `nil` when it is not there.
    static let path: String? = {
        let testBundle = Bundle.main.bundleURL
        let candidates = [
            testBundle.appendingPathComponent("mindsphere-fake"),
            testBundle.deletingLastPathComponent().appendingPathComponent("mindsphere-fake"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mindsphere-fake"),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// What a finished run left: exit status and both outputs.
    struct Finished {
        let status: Int32
        let stdout: String
        let stderr: String

        /// The non-empty lines of stderr.
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// A started `mindsphere-fake` whose outputs go to files, so that nothing blocks on a full pipe.
    final class Running {
        let process = Process()
        private let stdoutFile: URL
        private let stderrFile: URL

        /// Starts the binary with `arguments`.
        init(_ arguments: [String]) throws {
            let binary = try #require(FakeBinary.path, "no mindsphere-fake next to the test bundle; build with swift build --build-tests")
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mindsphere-fake-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            stdoutFile = directory.appendingPathComponent("stdout")
            stderrFile = directory.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
            _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.currentDirectoryURL = FakeBinary.packageRoot
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
            process.standardError = try FileHandle(forWritingTo: stderrFile)
            try process.run()
        }

        var stdout: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

        /// The first stdout line that starts with `prefix`, waiting until it appears or the process ends (at most
        /// `seconds`, a bound for a stuck start on a loaded machine, not a speed requirement).
        /// The output is looked at once more after the deadline: a test task that other tests kept off the
        /// cooperative threads past the deadline still sees a line written in time.
        func line(startingWith prefix: String, within seconds: Double = 60) async throws -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while true {
                let pastDeadline = Date() >= deadline
                let running = process.isRunning
                if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
                if !running || pastDeadline { return nil }
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        /// Waits for the exit (killing the process after `seconds`) and returns what it left.
        func finish(within seconds: Double = 60) async throws -> Finished {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
            // A pid of 0 or below would signal the test's own process group; only a started child is killed.
            if process.isRunning, process.processIdentifier > 0 {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("mindsphere-fake \(process.arguments ?? []) did not exit within \(seconds) s")
            }
            process.waitUntilExit()
            return Finished(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
    }

    /// Runs the binary with `arguments` to its end.
    static func run(_ arguments: [String]) async throws -> Finished {
        try await Running(arguments).finish()
    }
}
