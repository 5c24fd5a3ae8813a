import BenchFormat
import Foundation
import NIOCore

/// How replies are told apart on the wire: Lotse's JSON lines, or Redis's inline protocol, so
/// that both servers are measured by the very same client code.
enum Framing: Sendable {
    /// lotse/1: a reply is several lines and ends with its `ask` (or `bye`); the server greets first.
    case lotse
    /// Redis inline commands (`PING\r\n` → `+PONG\r\n`): every line is a whole reply; no greeting.
    case redis

    /// Where in a line the letter that tells its type stands.
    var typeOffset: Int { self == .lotse ? 9 : 0 }  // {"type":"a  |  +PONG
}

/// What every load connection replays: the lines of one cycle and the size in bytes of each
/// line's reply, which must not change. For Lotse, the scripted conversation found by the dry run
/// (the last line is `{"cmd":"restart"}`, which brings the conversation back to the language
/// question it started with); for Redis, one `PING`.
struct Script: Sendable {
    let framing: Framing
    let lines: [ByteBuffer]
    let texts: [String]
    let replyBytes: [Int]
    /// The greeting's size; nil when the server does not greet (Redis).
    let openingBytes: Int?

    static let redisPing: Script = {
        var b = ByteBuffer()
        b.writeString("PING\r\n")
        return Script(framing: .redis, lines: [b], texts: ["PING"], replyBytes: ["+PONG\r\n".utf8.count], openingBytes: nil)
    }()
}

/// Finds where each reply ends without parsing it: Lotse writes `type` first in every line
/// (`{"type":"ask",…`), so the letter at offset 9 of a line tells its type, and a reply ends with
/// its `ask` (or `bye`) line; in Redis's protocol every line is a reply, `+` or `-` (an error).
struct ReplyScanner {
    let framing: Framing
    var lineOffset = 0
    var typeLetter: UInt8 = 0
    var bytes = 0
    var errorLines = 0

    init(_ framing: Framing) { self.framing = framing }

    /// Feeds the bytes of one read; calls `end(isBye, replyBytes)` for each reply that ends in them.
    mutating func feed(_ buffer: ByteBuffer, _ end: (Bool, Int) -> Void) {
        let typeOffset = framing.typeOffset
        buffer.withUnsafeReadableBytes { raw in
            guard let base = raw.baseAddress else { return }
            let n = raw.count
            var i = 0
            while i < n {
                let remaining = n - i
                if lineOffset <= typeOffset, lineOffset + remaining > typeOffset {
                    typeLetter = raw[i + typeOffset - lineOffset]
                }
                guard let found = memchr(base + i, 0x0A, remaining) else {
                    bytes += remaining
                    lineOffset += remaining
                    return
                }
                let newline = base.distance(to: UnsafeRawPointer(found))
                bytes += newline - i + 1
                i = newline + 1
                lineOffset = 0
                let letter = typeLetter
                typeLetter = 0
                switch (framing, letter) {
                case (.lotse, UInt8(ascii: "e")): errorLines += 1
                case (.lotse, UInt8(ascii: "a")), (.lotse, UInt8(ascii: "b")), (.redis, _):
                    if framing == .redis, letter != UInt8(ascii: "+") { errorLines += 1 }
                    let size = bytes
                    bytes = 0
                    end(letter == UInt8(ascii: "b") && framing == .lotse, size)
                default: break
                }
            }
        }
    }
}

/// Sent to every load connection once all are open: what to do and when.
struct Go: Sendable {
    enum Kind: Sendable { case closed, open }
    let kind: Kind
    /// Turns sent before this (warm-up) are not recorded.
    let start: UInt64
    /// Closed loop: no turn is sent after this; open loop: no turn is due at or after it.
    let end: UInt64
    /// Open loop: this connection's first send, and the time between sends.
    var first: UInt64 = 0
    var period: UInt64 = 0
}

/// What one connection measured.
struct ConnectionResult: Sendable {
    /// Send → last byte of the full reply, nanoseconds.
    var latencies: [UInt64] = []
    /// Open loop: the time the turn was due → full reply (includes the client's timer lateness).
    var fromDue: [UInt64] = []
    /// Closed loop: the script line of each recorded latency.
    var lineOf: [UInt8] = []
    /// Turns whose reply size differed from the dry run's.
    var mismatches = 0
    var errorLines = 0
    var byes = 0
    /// Open loop: a turn fell due while the previous reply was still awaited.
    var lateSends = 0
    var closedEarly = false
    /// Every completed turn, recorded or not.
    var allTurns = 0
}

/// One load connection: waits for the opening, then (after `Go`) replays the script in a closed
/// or an open loop. Runs on one event loop; touches nothing shared.
final class LoadClient: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let script: Script
    let opened: EventLoopPromise<Void>
    let finished: EventLoopPromise<ConnectionResult>
    var scanner: ReplyScanner
    var result = ConnectionResult()
    /// The script line to send next; -1 until the opening has arrived.
    var position = -1
    var go: Go?
    var waiting = false
    var sentAt: UInt64 = 0
    var dueAt: UInt64 = 0
    var nextDue: UInt64 = 0
    var overdue: UInt64?
    var done = false

    init(script: Script, opened: EventLoopPromise<Void>, finished: EventLoopPromise<ConnectionResult>) {
        self.script = script
        self.opened = opened
        self.finished = finished
        scanner = ReplyScanner(script.framing)
        result.latencies.reserveCapacity(4096)
    }

    /// A server that does not greet (Redis) is ready as soon as the connection is.
    func channelActive(context: ChannelHandlerContext) {
        if script.openingBytes == nil {
            position = 0
            opened.succeed(())
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var scanner = self.scanner
        scanner.feed(unwrapInboundIn(data)) { bye, bytes in replyEnded(context: context, bye: bye, bytes: bytes) }
        self.scanner = scanner
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let go = event as? Go else { return context.fireUserInboundEventTriggered(event) }
        self.go = go
        switch go.kind {
        case .closed:
            send(context: context, due: nowNanos())
        case .open:
            nextDue = go.first
            schedule(context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if position < 0 { opened.fail(ChannelError.ioOnClosedChannel) }
        if !done {
            result.closedEarly = go != nil
            finish()
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func replyEnded(context: ChannelHandlerContext, bye: Bool, bytes: Int) {
        let now = nowNanos()
        if position < 0 {
            if bytes != script.openingBytes { result.mismatches += 1 }
            position = 0
            opened.succeed(())
            if bye { result.byes += 1; finish() }
            return
        }
        guard waiting else { return }
        waiting = false
        result.allTurns += 1
        if bytes != script.replyBytes[position] { result.mismatches += 1 }
        let line = position
        position = (position + 1) % script.lines.count
        guard let go else { return }
        switch go.kind {
        case .closed:
            if sentAt >= go.start, now <= go.end {
                result.latencies.append(now - sentAt)
                result.lineOf.append(UInt8(truncatingIfNeeded: line))
            }
        case .open:
            if dueAt >= go.start {
                result.latencies.append(now - sentAt)
                result.fromDue.append(now - dueAt)
            }
        }
        if bye { result.byes += 1; return finish() }
        switch go.kind {
        case .closed:
            if now < go.end { send(context: context, due: now) } else { finish() }
        case .open:
            if let due = overdue {
                overdue = nil
                send(context: context, due: due)
            } else if nextDue >= go.end {
                finish()
            }
        }
    }

    private func send(context: ChannelHandlerContext, due: UInt64) {
        dueAt = due
        waiting = true
        sentAt = nowNanos()
        context.writeAndFlush(wrapOutboundOut(script.lines[position]), promise: nil)
    }

    /// Open loop: the next turn at its due time, whatever happened to the last one.
    private func schedule(context: ChannelHandlerContext) {
        guard let go, nextDue < go.end else { return }
        context.eventLoop.assumeIsolated().scheduleTask(deadline: .uptimeNanoseconds(nextDue)) { [self] in
            guard !done else { return }
            let due = nextDue
            nextDue += go.period
            if waiting {
                // Sent as soon as the reply is in; its latency still counts from `due`.
                result.lateSends += 1
                if overdue == nil { overdue = due }
            } else {
                send(context: context, due: due)
            }
            schedule(context: context)
        }
    }

    private func finish() {
        guard !done else { return }
        done = true
        result.errorLines = scanner.errorLines
        finished.succeed(result)
    }
}

/// The dry run's client: collects whole reply lines and hands each complete reply (up to its
/// `ask` or `bye`) to the next waiting promise.
final class LineReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    struct Expect: Sendable { let promise: EventLoopPromise<[String]> }

    var partial: [UInt8] = []
    var lines: [String] = []
    var replies: [[String]] = []
    var waiters: [EventLoopPromise<[String]>] = []

    init(opening: EventLoopPromise<[String]>) { waiters = [opening] }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        for byte in buffer.readableBytesView {
            guard byte == 0x0A else { partial.append(byte); continue }
            let line = String(decoding: partial, as: UTF8.self)
            partial.removeAll(keepingCapacity: true)
            lines.append(line)
            if line.hasPrefix(#"{"type":"ask""#) || line.hasPrefix(#"{"type":"bye""#) {
                replies.append(lines)
                lines = []
            }
        }
        deliver()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let e = event as? Expect else { return context.fireUserInboundEventTriggered(event) }
        waiters.append(e.promise)
        deliver()
    }

    func channelInactive(context: ChannelHandlerContext) {
        for w in waiters { w.fail(ChannelError.ioOnClosedChannel) }
        waiters = []
        context.fireChannelInactive()
    }

    private func deliver() {
        while !replies.isEmpty, !waiters.isEmpty {
            waiters.removeFirst().succeed(replies.removeFirst())
        }
    }
}
