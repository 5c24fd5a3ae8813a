// LoadBenchmark: how long loading and checking a rule set takes.
//
//   cd Benchmarks && swift run -c release LoadBenchmark [--runs N] [--generated-runs N]
//
// Files are read from disk once; only `RuleSetLoader.load(sources, today:)` is timed (YAML
// parsing, composing the layers, compiling conditions, every check, building the lexicon).
// 1. the shipped rules in rules/ (target: under 50 ms);
// 2. generated rule sets in memory at 1/4, 1/2 and full size (100 topics, 5,000 nodes,
//    1,000 offers, 7 languages; target: full size under 500 ms), to show the cost is linear.

import Foundation
import BenchSupport
import LotseCore
import LotseRules

let command = "cd Benchmarks && swift run -c release LoadBenchmark"

func intOption(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]), n > 0 else { return value }
    return n
}

func shipped(root: String, today: Day, runs: Int) {
    print("1. Shipped rules (rules/, as of \(today))")
    guard let sources = RulesFolder.read("rules", root: root) else {
        print("   cannot read \(root)/rules/lotse.yaml")
        return
    }
    var result: CompileResult?
    let timing = measure(runs: runs, warmup: 2) { result = RuleSetLoader.load(sources, today: today) }
    guard let result else { return }
    let s = result.statistics
    print("   size:   \(s.files) files (\(grouped(sources.byteCount / 1024)) KB), \(s.facts) facts, \(s.trees) trees, "
          + "\(s.nodes) nodes, \(s.offers) offers, \(s.contacts) contacts, \(s.languages.count) languages")
    print("   result: \(result.errorCount) errors, \(result.warningCount) warnings, rule set "
          + (result.ruleSet == nil ? "NOT built" : "built"))
    for line in describe(result.diagnostics.filter { $0.severity == .error }, limit: 5) { print("           " + line) }
    let median = timing.median.milliseconds
    print("   load + check, \(runs) runs: min \(fixed(timing.min.milliseconds, 2)) ms, median \(fixed(median, 2)) ms, "
          + "max \(fixed(timing.max.milliseconds, 2)) ms")
    print("   target: under 50 ms — \(median < 50 ? "met" : "MISSED")")
    print("   split (median): " + split(sources, today: today, runs: runs))
}

/// The median of the two halves of `RuleSetLoader.load`: parsing every file (Yams + the node
/// reader) and compiling + checking the parsed files. Both are public, so this needs nothing
/// from the library that staff do not already use.
func split(_ sources: RuleSources, today: Day, runs: Int) -> String {
    guard let deployment = DeploymentParser.parse(sources.deployment).0 else { return "deployment does not parse" }
    var layers: [Layer] = []
    let parse = measure(runs: runs) {
        layers = deployment.layers.map { name in
            Layer(name: name, files: ((sources.layers[name.value] ?? nil) ?? []).map { RuleFileParser.parse($0).0 })
        }
    }
    var nodes = 0
    let compile = measure(runs: runs) {
        let r = RuleSetCompiler.compile(deployment: deployment, layers: layers, today: today, version: "x")
        nodes = r.statistics.nodes
    }
    precondition(nodes >= 0)
    return "parse YAML \(fixed(parse.median.milliseconds, 2)) ms + compile and check \(fixed(compile.median.milliseconds, 2)) ms"
}

struct Row {
    let label: String
    let files: Int
    let kilobytes: Int
    let stats: Statistics
    let timing: Timing
    var perNode: Double { timing.median.nanoseconds / 1000 / Double(max(1, stats.nodes)) }
}

func generated(today: Day, runs: Int) -> Bool {
    print("2. Generated rule sets (in memory; 7 languages; 50-node trees; 10 offers per topic; every text translated)")
    var rows: [Row] = []
    var full: RuleSources?
    for (label, scale) in [("1/4", 0.25), ("1/2", 0.5), ("full", 1.0)] {
        let generator = GeneratedRules(scale: scale)
        let sources = generator.sources()
        if scale == 1 { full = sources }
        var result: CompileResult?
        let timing = measure(runs: runs, warmup: 1) { result = RuleSetLoader.load(sources, today: today) }
        guard let result else { return false }
        // The generator must produce a clean rule set, or the timing measures error paths.
        guard result.errorCount == 0, result.warningCount == 0, result.ruleSet != nil else {
            print("   GENERATOR BUG at \(label): \(result.errorCount) errors, \(result.warningCount) warnings")
            for line in describe(result.diagnostics, limit: 10) { print("   " + line) }
            return false
        }
        let s = result.statistics
        precondition(s.nodes == generator.nodeCount && s.offers == generator.offerCount, "generator counts differ")
        rows.append(Row(label: label, files: s.files, kilobytes: sources.byteCount / 1024, stats: s, timing: timing))
    }
    let header = [pad("size", 6, right: false), pad("files", 6), pad("facts", 6), pad("trees", 6), pad("nodes", 6),
                  pad("offers", 7), pad("contacts", 9), pad("YAML KB", 8), pad("min ms", 9), pad("median ms", 10),
                  pad("µs/node", 8)].joined(separator: " ")
    print("   " + header)
    for r in rows {
        let s = r.stats
        print("   " + [pad(r.label, 6, right: false), pad("\(r.files)", 6), pad("\(s.facts)", 6), pad("\(s.trees)", 6),
                      pad(grouped(s.nodes), 6), pad(grouped(s.offers), 7), pad("\(s.contacts)", 9), pad(grouped(r.kilobytes), 8),
                      pad(fixed(r.timing.min.milliseconds, 1), 9), pad(fixed(r.timing.median.milliseconds, 1), 10),
                      pad(fixed(r.perNode, 1), 8)].joined(separator: " "))
    }
    print("   (\(runs) runs each; every size loads with 0 errors and 0 warnings)")
    if let first = rows.first, let last = rows.last {
        let sizeRatio = Double(last.stats.nodes) / Double(first.stats.nodes)
        let timeRatio = last.timing.median.nanoseconds / first.timing.median.nanoseconds
        print("   growth 1/4 → full: size ×\(fixed(sizeRatio, 1)), time ×\(fixed(timeRatio, 2))"
              + " (linear would be ×\(fixed(sizeRatio, 1)); µs/node \(fixed(first.perNode, 1)) → \(fixed(last.perNode, 1)))")
        let median = last.timing.median.milliseconds
        print("   target: full size under 500 ms — \(median < 500 ? "met" : "MISSED") (median \(fixed(median, 1)) ms)")
    }
    if let full { print("   split of full size (median of \(max(3, runs / 2))): " + split(full, today: today, runs: max(3, runs / 2))) }
    return true
}

let runs = intOption("--runs", default: 30)
let generatedRuns = intOption("--generated-runs", default: 10)
let today = systemToday()
let root = RulesFolder.repositoryRoot()

print("LoadBenchmark — times RuleSetLoader.load(sources, today:) only; files are read from disk once")
print("command: \(command)")
print("")
shipped(root: root, today: today, runs: runs)
print("")
let ok = generated(today: today, runs: generatedRuns)
exit(ok ? 0 : 1)
