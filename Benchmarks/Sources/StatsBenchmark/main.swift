// StatsBenchmark: 10 million usage events through the real recorder into a SQLite file, then
// the report query `lotse stats` runs, timed.
//
//   cd Benchmarks && swift run -c release StatsBenchmark [--events 10000000] [--days 365] [--keep FILE]
//
// Events carry realistic ids from the shipped rules (topics, offers, facts, languages) and come
// day after day over a year, as a server records them; the recorder flushes at every day change
// (in service: every 5 seconds). Prints the ingest time (hot path alone and with the flushes),
// the rows and size of the file, and the report's time for the whole year and for one month —
// in-process (`UsageReport.load`) and, when built, through `lotse stats` itself.

import BenchFormat
import BenchSupport
import Foundation
import Logging
import LotseCore
import LotseRules
import LotseStats

func option(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]), n > 0 else { return value }
    return n
}

func textOption(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

/// A small deterministic PRNG: the same events in every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let total = option("--events", default: 10_000_000)
let days = option("--days", default: 365)
let root = RulesFolder.repositoryRoot()
let today = systemToday()
guard let sources = RulesFolder.read("rules", root: root), let rules = RuleSetLoader.load(sources, today: today).ruleSet else {
    print("the shipped rules do not load"); exit(1)
}
let topics = rules.trees.map(\.id)
let offers = rules.offers.map(\.id)
let facts = rules.facts.facts.map(\.id.value)
let languages = rules.languages.map(\.code)
// Roughly how often each kind occurs per conversation.
let kinds: [(UsageEvent.Kind, [String], Int)] = [
    (.started, [""], 10), (.topic, topics, 14), (.eligible, offers, 20), (.askCounsellor, offers, 8),
    (.notEligible, offers, 12), (.openQuestion, facts, 10), (.emergency, [""], 1), (.abandoned, facts + ["topic", "language"], 4),
]
let weightSum = kinds.map(\.2).reduce(0, +)

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-stats-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let path = textOption("--keep") ?? folder.appendingPathComponent("stats.sqlite").path
let location = StatsLocation.sqlite(path: path)
var logger = Logger(label: "bench")
logger.logLevel = .warning

print("== StatsBenchmark: \(grouped(total)) events over \(days) days into \(path)")
print("   ids from rules/: \(topics.count) topics, \(offers.count) offers, \(facts.count) facts, \(languages.count) languages")
let first = Day(ordinal: today.ordinal - days)
let recorder = UsageRecorder(configuration: .init(door: "server"), logger: logger) {
    try await UsageStore.open(location, today: today, logger: logger)
}
var random = SplitMix(state: 42)
let perDay = total / days
var recordTime = Duration.zero
var flushTime = Duration.zero
let clock = ContinuousClock()
let ingestStart = clock.now
var recorded = 0
for d in 0..<days {
    let day = first.adding(days: d)
    let count = d == days - 1 ? total - recorded : perDay
    var events: [UsageEvent] = []
    events.reserveCapacity(count)
    for _ in 0..<count {
        var pick = Int(random.next() % UInt64(weightSum))
        var kind = kinds[0]
        for k in kinds { if pick < k.2 { kind = k; break }; pick -= k.2 }
        let key = kind.1[Int(random.next() % UInt64(kind.1.count))]
        // German and the first few languages far more often than the rest.
        let language = languages[min(languages.count - 1, Int(random.next() % 16) / 3)]
        events.append(UsageEvent(kind.0, key: key, language: language))
    }
    // One call per event, as a turn hands over its few events.
    let start = clock.now
    for e in events { recorder.record([e], day: day) }
    recordTime += clock.now - start
    let flushStart = clock.now
    guard await recorder.flush() else { print("flush failed"); exit(1) }
    flushTime += clock.now - flushStart
    recorded += count
}
await recorder.close()
let ingest = clock.now - ingestStart
let bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0

let store = try await UsageStore.open(location, readOnly: true, today: today, logger: logger)
let rows = try await store.rows(from: first, to: today).count
func timeReport(_ from: Day, _ to: Day, runs: Int = 5) async throws -> (Duration, UsageReport) {
    var times: [Duration] = []
    var last: UsageReport?
    for _ in 0..<runs {
        let start = clock.now
        last = try await UsageReport.load(store, from: from, to: to)
        _ = TextReport.render(last!, language: .en)
        times.append(clock.now - start)
    }
    return (times.sorted()[runs / 2], last!)
}
let (year, yearReport) = try await timeReport(first, today)
let monthStart = first.adding(days: days / 2)
let (month, _) = try await timeReport(monthStart, monthStart.adding(days: 30))
await store.close()

print("")
print("   ingest: \(fixed(ingest.milliseconds / 1000, 2)) s for \(grouped(total)) events "
      + "(\(grouped(Int(Double(total) / (ingest.milliseconds / 1000)))) events/s)")
print("     record() on the turn's path: \(fixed(recordTime.nanoseconds / Double(total), 0)) ns per event "
      + "(\(fixed(recordTime.milliseconds / 1000, 2)) s in all)")
print("     flushes (\(days), one per day): \(fixed(flushTime.milliseconds / 1000, 2)) s in all, "
      + "\(fixed(flushTime.milliseconds / Double(days), 1)) ms each")
print("   store: \(grouped(rows)) daily counter rows, \(fixed(Double(bytes) / 1_048_576, 1)) MiB (no row per event: that is why it stays small)")
let started = yearReport.conversationTotal.text
print("   report over the whole year (\(first) … \(today)), in-process, median of 5: \(fixed(year.milliseconds, 1)) ms (conversations: \(started))")
print("   report over one month, in-process, median of 5: \(fixed(month.milliseconds, 1)) ms")

// The command staff run, when it is built (release, as server-load.sh builds it).
let lotse = root + "/.build-release/release/lotse"
if FileManager.default.isExecutableFile(atPath: lotse) {
    var times: [Duration] = []
    for _ in 0..<3 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: lotse)
        p.arguments = ["stats", "--stats", path, "--from", first.description, "--to", today.description, "--format", "json"]
        p.standardOutput = FileHandle.nullDevice
        let start = clock.now
        try p.run()
        p.waitUntilExit()
        times.append(clock.now - start)
        if p.terminationStatus != 0 { print("   lotse stats failed: exit \(p.terminationStatus)") }
    }
    print("   lotse stats --from \(first) --to \(today) --format json (whole process), median of 3: "
          + "\(fixed(times.sorted()[1].milliseconds, 1)) ms   target: < 2000 ms")
} else {
    print("   (\(lotse) not built: `swift build -c release --scratch-path .build-release` in the root times `lotse stats` too)")
}
if textOption("--keep") == nil { try? FileManager.default.removeItem(at: folder) }
print("RESULT stats.ingest_s \(fixed(ingest.milliseconds / 1000, 3))")
print("RESULT stats.record_ns_per_event \(fixed(recordTime.nanoseconds / Double(total), 1))")
print("RESULT stats.report_year_ms \(fixed(year.milliseconds, 1))")
