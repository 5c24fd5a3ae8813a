import Logging
import LotseCore
import Synchronization

/// Collects the usage events of every door in memory and writes them in batches, off the
/// turn's path. A turn only merges its events into a dictionary under a lock; a background task
/// flushes every few seconds and at `close()`. When the store fails, the counts stay for the
/// next try — up to `capacity` distinct counters; beyond that events are dropped and counted.
public final class UsageRecorder: UsageSink, Sendable {
    public struct Configuration: Sendable {
        /// The door (kiosk, server …) the counts belong to: a short `[a-z0-9-]` name.
        public var door: String
        public var flushInterval: Duration = .seconds(5)
        /// Distinct counters kept in memory at most (a day × kind × key × language each).
        public var capacity = 50_000

        public init(door: String) { self.door = door }
    }

    /// Opens the store; called again after a failure, so a database that comes up later is used.
    public typealias Opener = @Sendable () async throws -> UsageStore

    private struct Pending {
        var counts: [CounterKey: Int] = [:]
        var dropped: [Day: Int] = [:]
        var droppedSinceLog = 0
    }

    private struct Link {
        var store: UsageStore?
        var failing = false
        var flusher: Task<Void, Never>?
        var closed = false
    }

    public let configuration: Configuration
    private let opener: Opener
    private let logger: Logger
    private let pending = Mutex(Pending())
    private let link = Mutex(Link())
    /// One flush at a time: the timer's and `close()`'s never overlap.
    private let flushing = FlushGate()

    public init(configuration: Configuration, logger: Logger, opener: @escaping Opener) {
        self.configuration = configuration
        self.logger = logger
        self.opener = opener
    }

    /// Writes to `store` (already opened) until it fails; then the opener is asked again.
    public func use(_ store: UsageStore) {
        link.withLock { $0.store = store }
    }

    /// Never blocks on I/O and never fails: the turn goes on whatever the store does.
    public func record(_ events: [UsageEvent], day: Day) {
        guard !events.isEmpty else { return }
        let capacity = configuration.capacity
        pending.withLock { p in
            for e in events {
                let k = CounterKey(day: day, kind: e.kind, key: e.key, language: e.language)
                if let n = p.counts[k] {
                    p.counts[k] = n + 1
                } else if p.counts.count < capacity {
                    p.counts[k] = 1
                } else {
                    p.dropped[day, default: 0] += 1
                    p.droppedSinceLog += 1
                }
            }
        }
    }

    /// Counters waiting to be written, and events dropped and not yet written as dropped.
    public var backlog: (counters: Int, dropped: Int) {
        pending.withLock { ($0.counts.count, $0.dropped.values.reduce(0, +)) }
    }

    /// Starts the background flushing.
    public func start() {
        let interval = configuration.flushInterval
        let task = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                await flush()
            }
        }
        link.withLock { $0.flusher = task }
    }

    /// Writes what is pending; returns whether the store took it.
    @discardableResult
    public func flush() async -> Bool {
        await flushing.run { await self.flushOnce() }
    }

    private func flushOnce() async -> Bool {
        let (counts, dropped, newlyDropped) = pending.withLock { p in
            defer { p = Pending() }
            return (p.counts, p.dropped, p.droppedSinceLog)
        }
        if newlyDropped > 0 {
            logger.warning("statistics buffer full: events dropped", metadata: ["dropped": "\(newlyDropped)"])
        }
        guard !counts.isEmpty || !dropped.isEmpty else { return true }
        do {
            let store = try await currentStore()
            try await store.add(counts, door: configuration.door, dropped: dropped)
            let recovered = link.withLock { l in defer { l.failing = false }; return l.failing }
            if recovered { logger.notice("statistics store works again", metadata: ["store": "\(store.location)"]) }
            return true
        } catch {
            // The next flush opens the store anew: a database restarted meanwhile is found again.
            let (first, broken) = link.withLock { l -> (Bool, UsageStore?) in
                defer { l.failing = true; l.store = nil }
                return (!l.failing, l.store)
            }
            await broken?.close()
            // Once per failure streak, and never a counter's content: only what failed.
            if first {
                logger.error("statistics store failed; counts kept in memory and tried again",
                             metadata: ["error": "\(UsageStore.reason(error))"])
            }
            putBack(counts, dropped)
            return false
        }
    }

    private func currentStore() async throws -> UsageStore {
        if let store = link.withLock({ $0.store }) { return store }
        let store = try await opener()
        link.withLock { $0.store = store }
        return store
    }

    /// Merges counts that could not be written back into the buffer, within its capacity.
    private func putBack(_ counts: [CounterKey: Int], _ dropped: [Day: Int]) {
        let capacity = configuration.capacity
        pending.withLock { p in
            for (day, n) in dropped { p.dropped[day, default: 0] += n }
            for (k, n) in counts {
                if let m = p.counts[k] {
                    p.counts[k] = m + n
                } else if p.counts.count < capacity {
                    p.counts[k] = n
                } else {
                    p.dropped[k.day, default: 0] += n
                    p.droppedSinceLog += n
                }
            }
        }
    }

    /// Stops the background task, writes what is left (one try) and closes the store.
    public func close() async {
        let (task, wasClosed) = link.withLock { l in
            defer { l.closed = true; l.flusher = nil }
            return (l.flusher, l.closed)
        }
        guard !wasClosed else { return }
        task?.cancel()
        await task?.value
        if !(await flush()) {
            let lost = backlog
            logger.error("statistics not written at shutdown", metadata: ["counters": "\(lost.counters)", "dropped": "\(lost.dropped)"])
        }
        let store = link.withLock { l in defer { l.store = nil }; return l.store }
        await store?.close()
    }
}

/// Lets one async operation run at a time; the others wait their turn.
private actor FlushGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run(_ body: @Sendable () async -> Bool) async -> Bool {
        while busy { await withCheckedContinuation { waiting.append($0) } }
        busy = true
        defer {
            busy = false
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        return await body()
    }
}
