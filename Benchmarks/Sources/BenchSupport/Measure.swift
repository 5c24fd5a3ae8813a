import Foundation
@_exported import BenchFormat
import LotseCore

extension Duration {
    public var milliseconds: Double {
        Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15
    }
    public var nanoseconds: Double {
        Double(components.seconds) * 1e9 + Double(components.attoseconds) / 1e9
    }
}

/// The durations of repeated runs of one piece of work.
public struct Timing: Sendable {
    public let runs: [Duration]

    public var min: Duration { runs.min()! }
    public var median: Duration {
        let sorted = runs.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    public var max: Duration { runs.max()! }
}

/// Runs `body` `warmup` times untimed, then `runs` times, each timed on its own.
public func measure(runs: Int, warmup: Int = 1, _ body: () -> Void) -> Timing {
    let clock = ContinuousClock()
    for _ in 0..<warmup { body() }
    var durations: [Duration] = []
    durations.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = clock.now
        body()
        durations.append(clock.now - start)
    }
    return Timing(runs: durations)
}

/// Resident set size from /proc/self/statm (pages × page size); nil where there is no /proc.
public func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Today as a day number, from the system clock (UTC), as `lotse` does: the doors own the clock.
public func systemToday() -> Day {
    Day(ordinal: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
}




/// The first `limit` diagnostics as `file:line:column: severity: message` lines.
public func describe(_ diagnostics: [Diagnostic], limit: Int) -> [String] {
    diagnostics.prefix(limit).map { "\($0.location): \($0.severity.rawValue): \($0.problem.message(.en))" }
}
