import LotseCore
import LotseRules
import LotseTestSupport
import Testing

/// Random edits of the example files, the kind a hurried edit makes: whatever comes out, the
/// loader must not crash and every diagnostic must point into a real file at line ≥ 1, column ≥ 1.
@Suite struct RuleFuzzTests {
    static let alphabet: [Character] = Array("abcz_019 :-[]{},\"'#\n\t&*!|>%@?=<äß€🙂\u{0627}\\")

    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var chars = Array(text)
        switch Int.random(in: 0..<7, using: &rng) {
        case 0 where !chars.isEmpty: // delete characters
            let i = Int.random(in: 0..<chars.count, using: &rng)
            chars.removeSubrange(i..<min(chars.count, i + Int.random(in: 1...3, using: &rng)))
            return String(chars)
        case 1: // insert characters
            let i = Int.random(in: 0...chars.count, using: &rng)
            let n = Int.random(in: 1...3, using: &rng)
            chars.insert(contentsOf: (0..<n).map { _ in alphabet.randomElement(using: &rng)! }, at: i)
            return String(chars)
        case 2 where !chars.isEmpty: // duplicate a run of characters
            let i = Int.random(in: 0..<chars.count, using: &rng)
            let run = chars[i..<min(chars.count, i + Int.random(in: 1...12, using: &rng))]
            chars.insert(contentsOf: run, at: i)
            return String(chars)
        case 3 where !lines.isEmpty: // delete a line
            lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
        case 4 where !lines.isEmpty: // duplicate a line
            let i = Int.random(in: 0..<lines.count, using: &rng)
            lines.insert(lines[i], at: Int.random(in: 0...lines.count, using: &rng))
        case 5 where lines.count > 1: // swap two lines
            let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
            lines.swapAt(i, j)
        case 6 where !lines.isEmpty: // indent or dedent a line
            let i = Int.random(in: 0..<lines.count, using: &rng)
            if Bool.random(using: &rng) { lines[i] = " " + lines[i] } else if lines[i].hasPrefix(" ") { lines[i].removeFirst() }
        default:
            break
        }
        return lines.joined(separator: "\n")
    }

    @Test func randomEditsNeverCrashAndAlwaysPointIntoAFile() throws {
        let original = ExampleRules()
        let paths = original.files.keys.sorted()
        var rng = SplitMix64(seed: 0x10_75E)
        var withErrors = 0
        let iterations = 300
        for iteration in 0..<iterations {
            var rules = original
            let edits = Int.random(in: 1...4, using: &rng)
            for _ in 0..<edits {
                let path = paths.randomElement(using: &rng)!
                rules.files[path] = Self.mutate(rules.files[path]!, &rng)
            }
            let result = rules.check()
            if result.errorCount > 0 {
                withErrors += 1
                #expect(result.ruleSet == nil, "iteration \(iteration)")
            }
            for d in result.diagnostics {
                #expect(d.location.line >= 1, "iteration \(iteration): \(d.at) \(d.en)")
                #expect(d.location.column >= 1, "iteration \(iteration): \(d.at) \(d.en)")
                #expect(rules.files[d.location.file] != nil, "iteration \(iteration): unknown file in \(d.at)")
                #expect(!d.en.isEmpty && !d.de.isEmpty)
            }
        }
        // The edits must actually break things most of the time, or the test proves little.
        #expect(withErrors > iterations / 3, "only \(withErrors) of \(iterations) edited rule sets had errors")
    }
}
