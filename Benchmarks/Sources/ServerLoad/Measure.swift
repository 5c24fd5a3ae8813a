import Foundation
import BenchFormat
import NIOCore

/// Monotonic nanoseconds (CLOCK_MONOTONIC through NIO): cheap, and the same clock as NIO's timers.
@inline(__always)
func nowNanos() -> UInt64 { NIODeadline.now().uptimeNanoseconds }

/// Percentiles of a set of latencies by sorting them (nearest rank); no histogram.
struct LatencySummary {
    let count: Int
    let p50: UInt64, p90: UInt64, p99: UInt64, p999: UInt64, max: UInt64
    let mean: Double

    init(_ values: [UInt64]) {
        let sorted = values.sorted()
        count = sorted.count
        func rank(_ p: Double) -> UInt64 {
            guard !sorted.isEmpty else { return 0 }
            let i = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.min(Swift.max(i, 0), sorted.count - 1)]
        }
        p50 = rank(0.50); p90 = rank(0.90); p99 = rank(0.99); p999 = rank(0.999)
        max = sorted.last ?? 0
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, &+)) / Double(sorted.count)
    }

    /// `p50 0.412 ms  p90 …` for the report.
    var line: String {
        "p50 \(ms(p50))  p90 \(ms(p90))  p99 \(ms(p99))  p99.9 \(ms(p999))  max \(ms(max))  mean \(ms(UInt64(mean)))  (ms; n = \(grouped(count)))"
    }

    /// Machine-readable lines for the script: `RESULT <prefix>.p50_ms 0.412` …
    func results(_ prefix: String) {
        result("\(prefix).p50_ms", ms(p50))
        result("\(prefix).p90_ms", ms(p90))
        result("\(prefix).p99_ms", ms(p99))
        result("\(prefix).p999_ms", ms(p999))
        result("\(prefix).max_ms", ms(max))
        result("\(prefix).mean_ms", ms(UInt64(mean)))
        result("\(prefix).samples", String(count))
    }
}

/// Milliseconds with three decimals (microsecond resolution).
func ms(_ nanos: UInt64) -> String { String(format: "%.3f", Double(nanos) / 1e6) }

/// One line the script reads: `RESULT key value`.
func result(_ key: String, _ value: String) { say("RESULT \(key) \(value)") }

/// CPU time of the server process, of this client, and of the whole machine, at one moment.
struct CPUSample {
    let at: UInt64
    let server: Double?
    let client: Double
    let machineBusy: Double
    let machineTotal: Double

    static func take(serverPID: Int?) -> CPUSample {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var server: Double?
        if let pid = serverPID, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = text.lastIndex(of: ")") {
            // After "pid (comm)": state is field 3, utime 14, stime 15.
            let fields = text[text.index(after: close)...].split(separator: " ")
            if fields.count > 12, let u = Double(fields[11]), let s = Double(fields[12]) { server = (u + s) / ticks }
        }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let client = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        var busy = 0.0, total = 0.0
        if let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
           let first = text.split(separator: "\n").first {
            // cpu user nice system idle iowait irq softirq steal
            let v = first.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
            if v.count == 8 {
                total = v.reduce(0, +) / ticks
                busy = (total * ticks - v[3] - v[4]) / ticks
            }
        }
        return CPUSample(at: nowNanos(), server: server, client: client, machineBusy: busy, machineTotal: total)
    }
}

/// Cores used by the server, by this client and by the whole machine between two samples.
struct CPUUse {
    let seconds: Double
    let server: Double?
    let client: Double
    let machine: Double
    let cores: Int

    init(_ a: CPUSample, _ b: CPUSample) {
        let s = Double(b.at - a.at) / 1e9
        seconds = s
        server = a.server.flatMap { sa in b.server.map { ($0 - sa) / s } }
        client = (b.client - a.client) / s
        machine = (b.machineBusy - a.machineBusy) / s
        cores = ProcessInfo.processInfo.activeProcessorCount
    }

    var line: String {
        let s = server.map { fixed($0, 2) } ?? "?"
        let others = Swift.max(0, machine - (server ?? 0) - client)
        // /proc/stat is sampled at timer ticks and misses short bursts on a mostly idle machine;
        // the per-process times are exact.
        let note = machine < 0.85 * ((server ?? 0) + client) ? " (tick-sampled: under-counts short bursts)" : ""
        return "CPU (of \(cores) cores, shared by server and client): server \(s), this client \(fixed(client, 2)), "
            + "other processes \(fixed(others, 2)), whole machine busy \(fixed(machine, 2))\(note)"
    }

    func results(_ prefix: String) {
        if let server { result("\(prefix).server_cores", fixed(server, 2)) }
        result("\(prefix).client_cores", fixed(client, 2))
        result("\(prefix).machine_cores", fixed(machine, 2))
        result("\(prefix).other_cores", fixed(Swift.max(0, machine - (server ?? 0) - client), 2))
    }
}

/// A line of /proc/PID/status in kB (`VmRSS`, `VmHWM`), as bytes.
func procStatus(_ pid: Int, _ field: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count >= 2, let kb = Int(parts[1]) { return kb * 1024 }
    }
    return nil
}

func mib(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) }

/// Sleeps until a monotonic time.
func sleep(until deadline: UInt64) {
    while true {
        let now = nowNanos()
        guard now < deadline else { return }
        let wait = deadline - now
        var ts = timespec(tv_sec: Int(wait / 1_000_000_000), tv_nsec: Int(wait % 1_000_000_000))
        nanosleep(&ts, nil)
    }
}

/// Prints a line at once, also into a pipe (the script shows progress as it comes).
func say(_ s: String) {
    print(s)
    fflush(nil)
}
