// ServerLoad: a load generator for `lotse serve` (protocol lotse/1: JSON lines over TCP).
//
//   ServerLoad dry-run --port P
//   ServerLoad closed  --port P [--connections 50]   [--seconds 20] [--warmup 2] [--server-pid PID] [--per-line]
//   ServerLoad open    --port P [--connections 1000] [--seconds 20] [--warmup 2] [--rate 1] [--server-pid PID]
//   ServerLoad idle    --port P [--connections 10000] [--hold 3] --server-pid PID
//   common: [--host 127.0.0.1] [--threads 1] [--turns 12] [--batch 200] [--no-script] [--name KEY]
//           [--protocol lotse|redis]
//
// `--protocol redis` drives a Redis server with the very same closed-loop, open-loop and idle
// code: every turn is an inline `PING\r\n`, answered by `+PONG\r\n` (no greeting, no dry run),
// so Lotse and Redis are measured by one client, in one way. `--name` sets the first part of
// the RESULT keys (default: single, closed, open), so one script can keep several runs apart.
//
// A black-box client on swift-nio (one event loop thread by default, to leave the CPU to the
// server). First a dry run on one connection finds a scripted conversation by answering each
// question with a valid answer for its kind (JSON parsed with Foundation, only here): the
// language by name ("Deutsch"), then topic numbers in menu order, real option numbers, numbers
// inside the range — `--turns` lines, then `{"cmd":"restart"}`, which brings the conversation
// back to the language question. It replays one cycle twice to make sure every reply has the same
// size each time. The load connections then replay that cycle without parsing JSON: the `type`
// is always the first key, so the letter at offset 9 of each line tells where a reply ends (its
// `ask` or `bye` line), and every reply's size is checked against the dry run's.
//
// Latency of a turn: from just before the line is written to the socket until the last byte of
// its reply has been read (the reply's `ask`). Percentiles by sorting all samples (no histogram).
// The figures are printed for people and as `RESULT key value` lines for server-load.sh.

import BenchFormat
import Foundation
import NIOCore
import NIOPosix



struct Options {
    var mode = ""
    var host = "127.0.0.1"
    var port = 0
    var connections: Int?
    var seconds = 20.0
    var warmup = 2.0
    var rate = 1.0
    var hold = 3.0
    var threads = 1
    var turns = 12
    var batch = 200
    var serverPID: Int?
    var perLine = false
    var printScript = true
    var framing = Framing.lotse
    var name: String?

    init(_ args: [String]) throws {
        var i = 1
        func value() throws -> String {
            i += 1
            guard i < args.count else { throw Failure(description: "\(args[i - 1]) needs a value") }
            return args[i]
        }
        func number(_ s: String) throws -> Double {
            guard let d = Double(s), d >= 0 else { throw Failure(description: "not a number: \(s)") }
            return d
        }
        while i < args.count {
            switch args[i] {
            case "--host": host = try value()
            case "--port": port = Int(try number(try value()))
            case "--connections": connections = Int(try number(try value()))
            case "--seconds": seconds = try number(try value())
            case "--warmup": warmup = try number(try value())
            case "--rate": rate = try number(try value())
            case "--hold": hold = try number(try value())
            case "--threads": threads = max(1, Int(try number(try value())))
            case "--turns": turns = max(1, Int(try number(try value())))
            case "--batch": batch = max(1, Int(try number(try value())))
            case "--server-pid": serverPID = Int(try number(try value()))
            case "--per-line": perLine = true
            case "--no-script": printScript = false
            case "--name": name = try value()
            case "--protocol":
                switch try value() {
                case "lotse": framing = .lotse
                case "redis": framing = .redis
                case let p: throw Failure(description: "unknown protocol \(p) (lotse or redis)")
                }
            case let a where !a.hasPrefix("-") && mode.isEmpty: mode = a
            default: throw Failure(description: "unknown argument \(args[i])")
            }
            i += 1
        }
        guard ["dry-run", "closed", "open", "idle"].contains(mode) else {
            throw Failure(description: "usage: ServerLoad dry-run|closed|open|idle --port P [options]")
        }
        guard port > 0 else { throw Failure(description: "--port is required") }
        if framing == .redis, mode == "dry-run" { throw Failure(description: "dry-run is for lotse only") }
    }

    /// What the figures are about, for the headings: a conversation turn or a request.
    var server: String { framing == .lotse ? "lotse serve" : "redis (inline PING)" }
}

// MARK: - The dry run

/// One parsed reply line of the dry run.
func object(_ line: String) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
}

/// A valid answer for whatever the question asks (as TurnBenchmark answers the engine).
func answer(_ ask: [String: Any], turn: Int, topicsTaken: inout Int) -> String {
    let options = ask["options"] as? [[String: Any]] ?? []
    switch ask["kind"] as? String ?? "" {
    case "language":
        return options.first?["label"] as? String ?? "1"
    case "topic":
        defer { topicsTaken += 1 }
        return String(topicsTaken % max(1, options.count) + 1)
    case "choice", "yesno":
        // The last option is "don't know": pick among the others.
        return String(turn % max(1, options.count - 1) + 1)
    case "number":
        var value = 30.0
        if let lo = ask["min"] as? Double { value = max(value, lo) }
        if let hi = ask["max"] as? Double { value = min(value, hi) }
        return value == value.rounded() ? String(Int(value)) : String(value)
    default:
        return "1"
    }
}

func replyBytes(_ lines: [String]) -> Int { lines.reduce(0) { $0 + $1.utf8.count + 1 } }

func summary(_ lines: [String]) -> String {
    lines.map { line -> String in
        let o = object(line)
        let type = o["type"] as? String ?? "?"
        switch type {
        case "ask": return "ask \(o["kind"] as? String ?? "?") \(o["id"] as? String ?? "")"
        case "refer": return "refer \((o["eligible"] as? [Any])?.count ?? 0)+\((o["ask_counsellor"] as? [Any])?.count ?? 0) offers"
        case "error": return "error \(o["code"] as? String ?? "")"
        default: return type
        }
    }.joined(separator: ", ")
}

func dryRun(_ o: Options, group: MultiThreadedEventLoopGroup, verbose: Bool) throws -> Script {
    let loop = group.next()
    let opening = loop.makePromise(of: [String].self)
    let channel = try wait(ClientBootstrap(group: loop)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(LineReader(opening: opening)) }
        }
        .connect(host: o.host, port: o.port), seconds: 10)
    defer { channel.close(promise: nil) }

    func send(_ line: String) throws -> [String] {
        let p = loop.makePromise(of: [String].self)
        channel.pipeline.fireUserInboundEventTriggered(LineReader.Expect(promise: p))
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 1)
        buffer.writeString(line + "\n")
        channel.writeAndFlush(buffer, promise: nil)
        return try wait(p.futureResult, seconds: 10)
    }

    let first = try wait(opening.futureResult, seconds: 10)
    let hello = object(first[0])
    guard hello["type"] as? String == "hello", hello["protocol"] as? String == "lotse/1" else {
        throw Failure(description: "no lotse/1 hello: \(first[0].prefix(120))")
    }
    if verbose {
        say("Server: protocol lotse/1, rules \(hello["rules"] as? String ?? "?"), \(hello["district"] as? String ?? "")")
        say("Dry run (one connection; each line answers the question before it):")
        say("   opening → \(summary(first))  [\(replyBytes(first)) bytes]")
    }
    var last = object(first.last!)
    var texts: [String] = []
    var sizes: [Int] = []
    var topics = 0
    for turn in 0..<o.turns {
        guard last["type"] as? String == "ask" else { throw Failure(description: "the conversation ended after \(turn) turns") }
        let line = answer(last, turn: turn, topicsTaken: &topics)
        let reply = try send(line)
        if let e = reply.first(where: { $0.hasPrefix(#"{"type":"error""#) }) {
            throw Failure(description: "answer \"\(line)\" to \(last["kind"] ?? "?") '\(last["id"] ?? "?")' was rejected: \(e.prefix(200))")
        }
        if verbose {
            say("   \(String(turn + 1).leftPad(2)). \(last["kind"] as? String ?? "?") \(last["id"] as? String ?? "") ← \"\(line)\" → \(summary(reply))  [\(replyBytes(reply)) bytes]")
        }
        texts.append(line)
        sizes.append(replyBytes(reply))
        last = object(reply.last!)
    }
    let restart = #"{"cmd":"restart"}"#
    let again = try send(restart)
    guard object(again.last!)["kind"] as? String == "language" else {
        throw Failure(description: "restart did not bring back the language question: \(summary(again))")
    }
    if verbose { say("   \(String(o.turns + 1).leftPad(2)). \(restart) → \(summary(again))  [\(replyBytes(again)) bytes]") }
    texts.append(restart)
    sizes.append(replyBytes(again))
    // The cycle again from the language question: every reply must have the same size.
    for (i, line) in texts.enumerated() {
        let size = replyBytes(try send(line))
        guard size == sizes[i] else {
            throw Failure(description: "the replayed cycle differs at line \(i + 1) (\"\(line)\"): \(size) bytes, first time \(sizes[i])")
        }
    }
    if verbose {
        let total = sizes.reduce(0, +)
        say("   the cycle replays identically; \(texts.count) turns, \(grouped(total)) reply bytes per cycle (mean \(total / texts.count) per turn)")
    }
    return Script(framing: .lotse, lines: texts.map { t in
        var b = ByteBuffer()
        b.writeString(t + "\n")
        return b
    }, texts: texts, replyBytes: sizes, openingBytes: replyBytes(first))
}

extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

// MARK: - The runs

/// Merges what the connections reported; prints the problems.
func merge(_ results: [Result<ConnectionResult, any Error>?], _ prefix: String) -> ConnectionResult {
    var all = ConnectionResult()
    var missing = 0
    for r in results {
        guard case .success(let c)? = r else { missing += 1; continue }
        all.latencies += c.latencies
        all.fromDue += c.fromDue
        all.lineOf += c.lineOf
        all.mismatches += c.mismatches
        all.errorLines += c.errorLines
        all.byes += c.byes
        all.lateSends += c.lateSends
        all.allTurns += c.allTurns
        if c.closedEarly { all.closedEarly = true }
    }
    let problems = [
        missing > 0 ? "\(missing) connections did not report in time" : nil,
        all.mismatches > 0 ? "\(all.mismatches) replies differed in size from the dry run" : nil,
        all.errorLines > 0 ? "\(all.errorLines) error lines" : nil,
        all.byes > 0 ? "\(all.byes) conversations ended with bye" : nil,
        all.closedEarly ? "some connections were closed by the server" : nil,
    ].compactMap { $0 }
    say(problems.isEmpty ? "   checks: every reply complete and the size the dry run saw; no errors, no bye, no closed connection"
                           : "   PROBLEMS: " + problems.joined(separator: "; "))
    result("\(prefix).problems", String(missing + all.mismatches + all.errorLines + all.byes + (all.closedEarly ? 1 : 0)))
    return all
}

func runClosed(_ o: Options, group: MultiThreadedEventLoopGroup, script: Script) throws {
    let n = o.connections ?? 50
    let prefix = o.name ?? (n == 1 ? "single" : "closed")
    say(n == 1 ? "== \(o.server) — one connection, closed loop: each turn on an otherwise idle server (the service time per turn)"
               : "== \(o.server) — closed loop: \(n) connections, each sends its next line as soon as the last reply is complete")
    say("   \(fixed(o.warmup, 0)) s warm-up, then \(fixed(o.seconds, 0)) s measured; client: \(o.threads) event loop thread(s)")
    let (conns, failures) = openConnections(count: n, batch: o.batch, group: group, host: o.host, port: o.port, script: script)
    guard failures.isEmpty else { throw Failure(description: "\(failures.count) connections failed, e.g. \(failures[0])") }
    let t0 = nowNanos() + 20_000_000
    let go = Go(kind: .closed, start: t0 + UInt64(o.warmup * 1e9), end: t0 + UInt64((o.warmup + o.seconds) * 1e9))
    for c in conns { c.channel.pipeline.fireUserInboundEventTriggered(go) }
    sleep(until: go.start)
    let a = CPUSample.take(serverPID: o.serverPID)
    sleep(until: go.end)
    let b = CPUSample.take(serverPID: o.serverPID)
    let all = merge(collect(conns.map(\.finished), deadline: go.end + 10_000_000_000), prefix)
    closeAll(conns)
    let cpu = CPUUse(a, b)
    let perSecond = Double(all.latencies.count) / cpu.seconds
    let lat = LatencySummary(all.latencies)
    say("   turns per second: \(grouped(Int(perSecond.rounded())))  (\(grouped(all.latencies.count)) turns in \(fixed(cpu.seconds, 1)) s)")
    say("   latency (send → full reply): " + lat.line)
    say("   " + cpu.line)
    if let s = cpu.server, perSecond > 0 {
        say("   server CPU per turn: \(fixed(s / perSecond * 1e6, 1)) µs; client CPU per turn: \(fixed(cpu.client / perSecond * 1e6, 1)) µs")
        result("\(prefix).server_us_per_turn", fixed(s / perSecond * 1e6, 1))
    }
    if o.perLine {
        say("   by script line (reply size; latency p50 / p99 in ms):")
        for (i, text) in script.texts.enumerated() {
            let mine = zip(all.lineOf, all.latencies).filter { Int($0.0) == i }.map(\.1)
            let l = LatencySummary(mine)
            say("   \(String(i + 1).leftPad(4)). \(text.count > 17 ? text : text + String(repeating: " ", count: 17 - text.count))  \(String(script.replyBytes[i]).leftPad(6)) bytes  \(ms(l.p50).leftPad(7)) / \(ms(l.p99).leftPad(7))")
        }
    }
    result("\(prefix).connections", String(n))
    result("\(prefix).turns_per_s", String(Int(perSecond.rounded())))
    lat.results(prefix)
    cpu.results(prefix)
}

func runOpen(_ o: Options, group: MultiThreadedEventLoopGroup, script: Script) throws {
    let n = o.connections ?? 1000
    let prefix = o.name ?? "open"
    let period = UInt64(1e9 / o.rate)
    say("== \(o.server) — open loop: \(grouped(n)) connections, each sends one turn every \(fixed(1 / o.rate, 2)) s (\(grouped(Int(Double(n) * o.rate))) turns/s in all),")
    say("   start times spread evenly over the period; \(fixed(o.warmup, 0)) s warm-up, then \(fixed(o.seconds, 0)) s measured")
    let opening = nowNanos()
    let (conns, failures) = openConnections(count: n, batch: o.batch, group: group, host: o.host, port: o.port, script: script)
    guard failures.isEmpty else { throw Failure(description: "\(failures.count) connections failed, e.g. \(failures[0])") }
    say("   \(grouped(n)) connections open in \(ms(nowNanos() - opening)) ms")
    let t0 = nowNanos() + 50_000_000
    let start = t0 + UInt64(o.warmup * 1e9), end = start + UInt64(o.seconds * 1e9)
    for (i, c) in conns.enumerated() {
        let go = Go(kind: .open, start: start, end: end, first: t0 + period * UInt64(i) / UInt64(n), period: period)
        c.channel.pipeline.fireUserInboundEventTriggered(go)
    }
    sleep(until: start)
    let a = CPUSample.take(serverPID: o.serverPID)
    sleep(until: end)
    let b = CPUSample.take(serverPID: o.serverPID)
    let all = merge(collect(conns.map(\.finished), deadline: end + 10_000_000_000), prefix)
    closeAll(conns)
    let cpu = CPUUse(a, b)
    let lat = LatencySummary(all.latencies)
    let due = LatencySummary(all.fromDue)
    say("   turns measured: \(grouped(all.latencies.count)) (\(fixed(Double(all.latencies.count) / o.seconds, 0)) per second); sent late because the previous reply was still awaited: \(all.lateSends)")
    say("   latency (send → full reply):      " + lat.line)
    say("   latency (due time → full reply):  " + due.line)
    say("   " + cpu.line)
    if let s = cpu.server, all.latencies.count > 0 {
        say("   server CPU per turn: \(fixed(s * o.seconds / Double(all.latencies.count) * 1e6, 1)) µs")
    }
    result("\(prefix).connections", String(n))
    result("\(prefix).turns_per_s", fixed(Double(all.latencies.count) / o.seconds, 0))
    result("\(prefix).late_sends", String(all.lateSends))
    lat.results(prefix)
    due.results("\(prefix)_due")
    cpu.results(prefix)
}

func runIdle(_ o: Options, group: MultiThreadedEventLoopGroup, script: Script) throws {
    let n = o.connections ?? 10_000
    guard let pid = o.serverPID else { throw Failure(description: "idle needs --server-pid") }
    var limit = rlimit()
    getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    say("== Idle: \(grouped(n)) connections that read their opening (hello … language question) and then say nothing")
    say("   open files allowed to this client: \(limit.rlim_cur)")
    guard let before = procStatus(pid, "VmRSS") else { throw Failure(description: "cannot read /proc/\(pid)/status") }
    let opening = nowNanos()
    let (conns, failures) = openConnections(count: n, batch: o.batch, group: group, host: o.host, port: o.port, script: script)
    let openTime = nowNanos() - opening
    if !failures.isEmpty { say("   \(failures.count) connections failed, e.g. \(failures[0])") }
    say("   \(grouped(conns.count)) connections open in \(ms(openTime)) ms (\(o.batch) at a time)")
    let right = procStatus(pid, "VmRSS") ?? 0
    sleep(until: nowNanos() + UInt64(o.hold * 1e9))
    let held = procStatus(pid, "VmRSS") ?? 0
    let peak = procStatus(pid, "VmHWM") ?? 0
    let alive = conns.filter { $0.channel.isActive }.count
    say("   server RSS before: \(mib(before)) MiB; with \(grouped(conns.count)) idle connections: \(mib(right)) MiB, after \(fixed(o.hold, 0)) s more: \(mib(held)) MiB (peak so far \(mib(peak)) MiB)")
    if conns.count > 0 {
        say("   growth per idle connection: \(grouped((max(right, held) - before) / conns.count)) bytes; still open after the hold: \(grouped(alive))")
    }
    closeAll(conns)
    sleep(until: nowNanos() + 2_000_000_000)
    let after = procStatus(pid, "VmRSS") ?? 0
    say("   server RSS 2 s after closing them all: \(mib(after)) MiB")
    _ = collect(conns.map(\.finished), deadline: nowNanos() + 2_000_000_000)
    result("idle.connections", String(conns.count))
    result("idle.failures", String(failures.count + conns.count - alive))
    result("idle.rss_before_mib", mib(before))
    result("idle.rss_mib", mib(max(right, held)))
    result("idle.rss_after_close_mib", mib(after))
    result("idle.bytes_per_connection", String(conns.count > 0 ? (max(right, held) - before) / conns.count : 0))
}

// MARK: - Main

do {
    let o = try Options(CommandLine.arguments)
    let group = MultiThreadedEventLoopGroup(numberOfThreads: o.threads)
    defer { try? group.syncShutdownGracefully() }
    let script = o.framing == .redis ? Script.redisPing
        : try dryRun(o, group: group, verbose: o.mode == "dry-run" || (o.mode == "closed" && o.printScript))
    switch o.mode {
    case "closed": try runClosed(o, group: group, script: script)
    case "open": try runOpen(o, group: group, script: script)
    case "idle": try runIdle(o, group: group, script: script)
    default: break
    }
} catch {
    say("ServerLoad: \(error)")
    exit(1)
}
