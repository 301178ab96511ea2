import Foundation
import HTTPTypes
public import MindSphereFake

/// Spaces requests to a real gateway and retries throttled ones (429) with exponential backoff.
public actor RequestPacer {
    /// How requests are paced and retried.
    public struct Policy: Sendable {
        /// Minimum milliseconds between the starts of two requests.
        public var minimumIntervalMilliseconds: Int
        /// How many times a 429 is retried.
        public var maximumRetries: Int
        /// First backoff in milliseconds; doubled per retry unless `Retry-After` says otherwise.
        public var initialBackoffMilliseconds: Int
        /// Upper bound of one wait in milliseconds.
        public var maximumBackoffMilliseconds: Int

        /// A policy; the defaults suit a shared tenant (5 requests per second, 5 retries from 1 s up to 30 s).
        public init(
            minimumIntervalMilliseconds: Int = 200, maximumRetries: Int = 5,
            initialBackoffMilliseconds: Int = 1000, maximumBackoffMilliseconds: Int = 30_000
        ) {
            self.minimumIntervalMilliseconds = minimumIntervalMilliseconds
            self.maximumRetries = maximumRetries
            self.initialBackoffMilliseconds = initialBackoffMilliseconds
            self.maximumBackoffMilliseconds = maximumBackoffMilliseconds
        }
    }

    /// The policy.
    public let policy: Policy
    private var nextStart = ContinuousClock.now
    /// How many 429s were retried so far.
    public private(set) var retriedCount = 0

    /// A pacer with `policy`.
    public init(policy: Policy) {
        self.policy = policy
    }

    /// Runs `send` after the pacing interval; repeats it while it answers 429 and retries remain.
    public func perform(_ send: @Sendable () async throws -> FakeResponse) async throws -> FakeResponse {
        var attempt = 0
        while true {
            let now = ContinuousClock.now
            if nextStart > now { try await Task.sleep(until: nextStart, clock: .continuous) }
            nextStart = ContinuousClock.now + .milliseconds(policy.minimumIntervalMilliseconds)
            let response = try await send()
            guard response.status == .tooManyRequests, attempt < policy.maximumRetries else { return response }
            let wait = backoffMilliseconds(attempt: attempt, retryAfter: response.header("Retry-After"))
            attempt += 1
            retriedCount += 1
            nextStart = ContinuousClock.now + .milliseconds(wait)
        }
    }

    /// The wait before retry `attempt` (0-based): `Retry-After` seconds when given, else exponential.
    public nonisolated func backoffMilliseconds(attempt: Int, retryAfter: String?) -> Int {
        if let retryAfter, let seconds = Int(retryAfter.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return min(seconds * 1000, policy.maximumBackoffMilliseconds)
        }
        let exponential = policy.initialBackoffMilliseconds << min(attempt, 16)
        return min(exponential, policy.maximumBackoffMilliseconds)
    }
}
