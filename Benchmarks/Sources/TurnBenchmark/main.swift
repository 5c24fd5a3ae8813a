// TurnBenchmark: how fast the conversation engine answers, and how much a session costs.
//
//   cd Benchmarks && swift run -c release TurnBenchmark [--sessions N] [--rounds N]
//
// On the shipped rules (or docs/example-rules when rules/ does not load), a 12-turn conversation
// is found by a dry run that answers whatever `session.currentPrompt` asks with a valid answer
// for its kind, then replayed from a fresh copy of the started session many times in a tight
// loop on one thread. Every `respond(to:)` call is one turn. Targets: at least 500,000 turns per
// second on one core. Memory: RSS growth per session kept alive after a 6-turn conversation.

import Foundation
import BenchSupport
import LotseCore
import LotseRules

let command = "cd Benchmarks && swift run -c release TurnBenchmark"
let turnsPerConversation = 12
let turnsKept = 6

func intOption(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]), n > 0 else { return value }
    return n
}

/// The shipped rules when they load, else the example; says which and why.
func loadRules(root: String, today: Day) -> (RuleSet, String)? {
    for folder in ["rules", "docs/example-rules"] {
        guard let sources = RulesFolder.read(folder, root: root) else {
            print("   \(folder)/: cannot read lotse.yaml")
            continue
        }
        let result = RuleSetLoader.load(sources, today: today)
        if let rules = result.ruleSet { return (rules, folder + "/") }
        print("   \(folder)/ does not load (\(result.errorCount) errors), e.g.:")
        for line in describe(result.diagnostics.filter { $0.severity == .error }, limit: 3) { print("     " + line) }
    }
    return nil
}

/// A valid answer for whatever the prompt asks: the next topic in the menu, a real option
/// (alternating, never "don't know") for choice and yes/no questions, a number inside the range.
func answer(_ prompt: Prompt, turn: Int, topicsTaken: inout Int) -> String {
    switch prompt.kind {
    case .topic:
        defer { topicsTaken += 1 }
        return String(topicsTaken % max(1, prompt.options.count) + 1)
    case .choice, .yesno:
        // The last option is "don't know": pick among the others.
        let real = max(1, prompt.options.count - 1)
        return String(turn % real + 1)
    case .number:
        guard let range = prompt.range else { return "30" }
        let value = min(max(30, range.lowerBound), range.upperBound)
        return value == value.rounded() ? String(Int(value)) : String(value)
    case .language, .confirm, .change:
        return "1"
    }
}

/// The dry run: the input lines, and a short log of what each answered.
func script(_ start: Session) -> (lines: [String], log: [String])? {
    var session = start
    var lines: [String] = []
    var log: [String] = []
    var topics = 0
    while lines.count < turnsPerConversation {
        guard let prompt = session.currentPrompt else {
            print("   the conversation ended after \(lines.count) turns")
            return nil
        }
        let line = answer(prompt, turn: lines.count, topicsTaken: &topics)
        let events = session.respond(to: line)
        for case .error(let code, let message) in events {
            print("   answer \(line) to \(prompt.kind.rawValue) '\(prompt.id)' was rejected: \(code.rawValue) \(message)")
            return nil
        }
        var produced: [String] = []
        for e in events {
            switch e {
            case .say: produced.append("say")
            case .ask(let p): produced.append("ask \(p.kind.rawValue) \(p.id)")
            case .refer(let r): produced.append("refer \(r.eligible.count)+\(r.askCounsellor.count) offers")
            case .contacts: produced.append("contacts")
            case .error: produced.append("error")
            case .bye: produced.append("bye")
            case .reset: produced.append("reset")
            }
        }
        lines.append(line)
        log.append("\(pad(String(lines.count), 2)). \(prompt.kind.rawValue) \(prompt.id) ← \"\(line)\"  → \(produced.joined(separator: ", "))")
    }
    return (lines, log)
}

/// Replays the script `replays` times, each from a fresh copy of `start`. Returns a checksum so
/// the work cannot be optimised away.
@inline(never)
func replay(_ start: Session, _ lines: [String], replays: Int) -> Int {
    var checksum = 0
    for _ in 0..<replays {
        var session = start
        for line in lines { checksum &+= session.respond(to: line).count }
    }
    return checksum
}

func turnSpeed(_ start: Session, _ lines: [String], rounds: Int) {
    // One replay must give exactly the events of the dry run: the engine is a pure function.
    var a = start, b = start
    for line in lines { precondition(a.respond(to: line) == b.respond(to: line), "the engine is not deterministic") }

    let clock = ContinuousClock()
    // Calibrate: about one second per round.
    var replays = 200
    while true {
        let t = clock.measure { _ = replay(start, lines, replays: replays) }
        if t >= .milliseconds(200) {
            replays = max(1, Int(Double(replays) * 1.0 / (t.nanoseconds / 1e9)))
            break
        }
        replays *= 4
    }
    var perTurn: [Double] = []
    var checksum = 0
    for _ in 0..<rounds {
        let start0 = clock.now
        checksum &+= replay(start, lines, replays: replays)
        let elapsed = clock.now - start0
        perTurn.append(elapsed.nanoseconds / Double(replays * lines.count))
    }
    perTurn.sort()
    let best = perTurn.first!, median = perTurn[perTurn.count / 2]
    print("   \(rounds) rounds × \(grouped(replays)) replays × \(lines.count) turns = \(grouped(rounds * replays * lines.count)) turns, one thread (checksum \(checksum))")
    print("   ns per turn:   best \(fixed(best, 0)), median \(fixed(median, 0))")
    print("   turns per second: best \(grouped(Int(1e9 / best))), median \(grouped(Int(1e9 / median)))")
    print("   target: at least 500,000 turns per second (issue 14) — \(1e9 / median >= 500_000 ? "met" : "MISSED")")
}

@inline(never)
func keepSessions(_ start: Session, _ lines: ArraySlice<String>, count: Int) -> [Session] {
    var kept: [Session] = []
    kept.reserveCapacity(count)
    for _ in 0..<count {
        var session = start
        for line in lines { _ = session.respond(to: line) }
        kept.append(session)
    }
    return kept
}

#if os(Linux)
/// glibc's malloc_trim (malloc.h is not in the Glibc module).
@_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32
#endif

func memory(_ start: Session, _ lines: [String], count: Int) {
    // Give freed heap back first, so earlier work does not hide the sessions' growth.
    #if os(Linux)
    _ = mallocTrim(0)
    #endif
    guard let before = residentBytes() else {
        print("   no /proc/self/statm here: memory not measured")
        return
    }
    let kept = keepSessions(start, lines.prefix(turnsKept), count: count)
    guard let after = residentBytes() else { return }
    let perSession = Double(after - before) / Double(count)
    print("   \(grouped(count)) sessions kept alive after \(turnsKept) turns each: RSS \(grouped(before / 1024)) KB → \(grouped(after / 1024)) KB")
    print("   per session: \(grouped(Int(perSession.rounded()))) bytes (RSS growth / count; "
          + "inline size of Session \(MemoryLayout<Session>.stride) bytes; undo steps kept: \(turnsKept))")
    withExtendedLifetime(kept) {}
}

func main() -> Int32 {
    let today = systemToday()
    let root = RulesFolder.repositoryRoot()
    let rounds = intOption("--rounds", default: 5)
    let sessions = intOption("--sessions", default: 100_000)
    print("TurnBenchmark — Session.respond(to:) on one thread; a turn is one respond call")
    print("command: \(command)")
    print("")
    guard let loaded = loadRules(root: root, today: today) else { return 1 }
    let (rules, used) = loaded
    print("rules: \(used) (as of \(today); \(rules.facts.facts.count) facts, \(rules.trees.count) topics, "
          + "\(rules.trees.reduce(0) { $0 + $1.nodes.count }) nodes, \(rules.offers.count) offers, \(rules.languages.count) languages)")
    let (start, _) = Session.start(rules: rules, today: today, language: "de")

    print("")
    print("1. Script (dry run, language de)")
    guard let scripted = script(start) else { return 1 }
    let (lines, log) = scripted
    for l in log { print("   " + l) }

    print("")
    print("2. Turn speed (replaying the \(lines.count) lines from a fresh session copy)")
    turnSpeed(start, lines, rounds: rounds)

    print("")
    print("3. Memory per session")
    memory(start, lines, count: sessions)
    return 0
}

exit(main())
