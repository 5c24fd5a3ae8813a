import BenchFormat
import Foundation
import NIOCore
import NIOPosix
import Synchronization

struct Timeout: Error {}
struct Failure: Error, CustomStringConvertible { let description: String }

/// Waits on this thread (not an event loop) for futures, each up to `deadline`; nil for those
/// that failed or did not complete in time.
func collect<T: Sendable>(_ futures: [EventLoopFuture<T>], deadline: UInt64) -> [Result<T, any Error>?] {
    let box = Mutex<[Result<T, any Error>?]>(Array(repeating: nil, count: futures.count))
    let pending = Atomic<Int>(futures.count)
    for (i, f) in futures.enumerated() {
        f.whenComplete { r in
            box.withLock { $0[i] = r }
            pending.subtract(1, ordering: .releasing)
        }
    }
    while pending.load(ordering: .acquiring) > 0, nowNanos() < deadline {
        usleep(1_000)
    }
    return box.withLock { $0 }
}

func wait<T: Sendable>(_ future: EventLoopFuture<T>, seconds: Double) throws -> T {
    let r = collect([future], deadline: nowNanos() + UInt64(seconds * 1e9))[0]
    switch r {
    case .success(let v): return v
    case .failure(let e): throw e
    case nil: throw Timeout()
    }
}

/// A load connection: its channel and what it will report.
struct LoadConnection {
    let channel: Channel
    let finished: EventLoopFuture<ConnectionResult>
}

/// Opens `count` connections, at most `batch` at a time (the server's accept backlog is 512),
/// each fully open once its opening reply (hello … ask) has arrived.
func openConnections(count: Int, batch: Int, group: MultiThreadedEventLoopGroup, host: String, port: Int,
                     script: Script) -> (open: [LoadConnection], failures: [String]) {
    var open: [LoadConnection] = []
    var failures: [String] = []
    open.reserveCapacity(count)
    var started = 0
    while started < count {
        let n = min(batch, count - started)
        var channels: [EventLoopFuture<Channel>] = []
        var opened: [EventLoopFuture<Void>] = []
        var finished: [EventLoopFuture<ConnectionResult>] = []
        for _ in 0..<n {
            let loop = group.next()
            let openedPromise = loop.makePromise(of: Void.self)
            let finishedPromise = loop.makePromise(of: ConnectionResult.self)
            let channel = ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.seconds(10))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            LoadClient(script: script, opened: openedPromise, finished: finishedPromise))
                    }
                }
                .connect(host: host, port: port)
            channel.whenFailure { error in
                openedPromise.fail(error)
                finishedPromise.fail(error)
            }
            channels.append(channel)
            opened.append(openedPromise.futureResult)
            finished.append(finishedPromise.futureResult)
        }
        let deadline = nowNanos() + 20_000_000_000
        let openResults = collect(opened, deadline: deadline)
        let channelResults = collect(channels, deadline: deadline)
        for i in 0..<n {
            switch (channelResults[i], openResults[i]) {
            case (.success(let ch), .success):
                open.append(LoadConnection(channel: ch, finished: finished[i]))
            case (.success(let ch), let other):
                ch.close(promise: nil)
                failures.append(describe(other))
            case (let other, _):
                failures.append(describe(other))
            }
        }
        started += n
    }
    return (open, failures)
}

func describe<T>(_ r: Result<T, any Error>?) -> String {
    switch r {
    case nil: "no opening reply within 20 s"
    case .failure(let e): "\(e)"
    case .success: "ok"
    }
}

func closeAll(_ connections: [LoadConnection]) {
    let closing = connections.map { $0.channel.close() }
    _ = collect(closing, deadline: nowNanos() + 10_000_000_000)
}
