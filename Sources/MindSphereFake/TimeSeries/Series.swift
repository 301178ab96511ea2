import Synchronization

/// One time series with its own lock, so writes to it never block readers of other series.
/// Writes made while an ingestion delay is set wait in `pending` until the fake's clock reaches their visibility time.
final class Series: Sendable {
    /// Everything guarded by the series lock.
    struct State: Sendable {
        /// The layout of the aspect as last seen.
        var layout: SeriesLayout?
        /// The visible records.
        var storage = SeriesStorage()
        /// Accepted writes not yet visible, oldest first.
        var pending: [(writtenAt: Int64, batch: RecordBatch)] = []

        /// The number of records, visible and pending.
        var recordCount: Int { storage.count + pending.reduce(0) { $0 + $1.batch.count } }

        /// Makes visible every pending write with `writtenAt + delay <= now`, in write order.
        mutating func promote(now: Int64, delay: Int64) {
            guard !pending.isEmpty else { return }
            var promoted = 0
            while promoted < pending.count, pending[promoted].writtenAt &+ delay <= now {
                storage.merge(pending[promoted].batch)
                promoted += 1
            }
            pending.removeFirst(promoted)
        }
    }

    private let state = Mutex(State())

    /// An empty series.
    init() {}

    /// The layout for `schema`: the current one when it still fits, else one extended from it.
    func layout(for schema: AspectSchema) -> SeriesLayout {
        state.withLock { state in
            if let layout = state.layout, layout.matches(schema) { return layout }
            let layout = SeriesLayout(schema: schema, previous: state.layout)
            state.layout = layout
            state.storage.conform(to: layout)
            return layout
        }
    }

    /// The current layout when it was built from `schema`, else `nil`; changes nothing.
    func currentLayout(matching schema: AspectSchema) -> SeriesLayout? {
        state.withLock { state in
            guard let layout = state.layout, layout.matches(schema) else { return nil }
            return layout
        }
    }

    /// Stores `batch`, visible at once when `delay` is 0, else from `writtenAt + delay` on.
    func write(_ batch: RecordBatch, writtenAt: Int64, delay: Int64) {
        state.withLock { state in
            state.promote(now: writtenAt, delay: delay)
            if delay <= 0 && state.pending.isEmpty {
                state.storage.merge(batch)
            } else {
                state.pending.append((writtenAt: writtenAt, batch: batch))
            }
        }
    }

    /// Runs `body` on the state after making due writes visible.
    func read<Result>(now: Int64, delay: Int64, _ body: (inout State) -> Result) -> Result {
        state.withLock { state in
            state.promote(now: now, delay: delay)
            return body(&state)
        }
    }

    /// Removes the records with `from` < `_time` <= `to`, visible or pending.
    func remove(after from: Int64, upTo to: Int64, now: Int64, delay: Int64) {
        state.withLock { state in
            state.promote(now: now, delay: delay)
            state.storage.remove(after: from, upTo: to)
            for index in state.pending.indices {
                state.pending[index].batch = state.pending[index].batch.removing(after: from, upTo: to)
            }
        }
    }

    /// The number of records, visible and pending.
    var recordCount: Int { state.withLock { $0.recordCount } }
}
