import Foundation
import LotseCLI
import LotseCore
import Testing

/// Transcripts: every shipped one replays; a broken rule edit shows up as a readable diff.
@Suite struct TranscriptTests {
    static let transcriptFolder = Conversation.packageRoot + "/transcripts"

    /// Records a conversation in-process, as `lotse chat --record` does.
    static func record(_ inputs: [String], rules: RuleSet, language: String? = "de", date: String = "2026-03-01",
                       assertions: [Int: [String]] = [:]) -> String {
        var driver = SessionDriver(rules: rules)
        let day = Day(iso: date)!
        let opening = driver.start(language: language, date: day).text
        var turns: [(input: String, output: String)] = []
        for input in inputs { turns.append((input, driver.send(input).text)) }
        return TranscriptFormat.write(title: "fixture", language: language, date: day, opening: opening, turns: turns, assertions: assertions)
    }

    @Test func everyShippedTranscriptReplaysInProcess() {
        let files = TranscriptSuite.files([Self.transcriptFolder])
        let report = TranscriptSuite.run(files: files, rules: ShippedRulesTests.rules, update: false) { SessionDriver(rules: ShippedRulesTests.rules) }
        #expect(report.failed == 0, "\(report.lines.joined(separator: "\n"))")
        #expect(report.passed == files.count)
    }

    @Test func aRecordedConversationReplaysAndItsAssertionsHold() throws {
        let text = Self.record(["1", "nein", "Aufenthaltserlaubnis", "5", "ja"], rules: Conversation.example,
                               assertions: [4: ["referred: integrationskurs_anspruch", "not referred: integrationskurs_zulassung",
                                                "known: aufenthalt = aufenthaltserlaubnis", "known: deutsch_b1 = false"]])
        let transcript = try TranscriptFormat.parse(text, path: "fixture.transcript")
        var driver = SessionDriver(rules: Conversation.example)
        let result = TranscriptReplayer.replay(transcript, rules: Conversation.example, driver: &driver)
        #expect(result.passed, "\(result.mismatches.map(\.actual)) \(result.assertionFailures)")
    }

    @Test func aFailingAssertionNamesItsLine() throws {
        let text = Self.record(["1", "nein", "Duldung", "nein"], rules: Conversation.example, assertions: [3: ["referred: integrationskurs_anspruch"]])
        let transcript = try TranscriptFormat.parse(text, path: "fixture.transcript")
        var driver = SessionDriver(rules: Conversation.example)
        let result = TranscriptReplayer.replay(transcript, rules: Conversation.example, driver: &driver)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("? referred") }! + 1
        #expect(result.assertionFailures.map(\.line) == [line])
        #expect(result.assertionFailures.first?.message.contains("integrationskurs_anspruch") == true)
    }

    /// A deliberately broken rule edit makes the transcript fail, with a diff naming the line.
    @Test func aBrokenRuleEditFailsWithAReadableDiff() throws {
        let text = Self.record(["1", "nein", "2"], rules: Conversation.example)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.copyItem(atPath: Conversation.packageRoot + "/docs/example-rules", toPath: path + "/rules")
        let facts = path + "/rules/bund/facts.yaml"
        try (try String(contentsOfFile: facts, encoding: .utf8))
            .replacingOccurrences(of: "Welches Aufenthaltspapier haben Sie?", with: "Welches Aufenthaltspapier besitzen Sie?")
            .write(toFile: facts, atomically: true, encoding: .utf8)
        let broken = try #require(RuleDirectory.load(path + "/rules", today: Day(iso: "2026-11-23")!).ruleSet)
        try text.write(toFile: path + "/t.transcript", atomically: true, encoding: .utf8)

        let report = TranscriptSuite.run(files: [path + "/t.transcript"], rules: broken, update: false) { SessionDriver(rules: broken) }
        #expect(report.failed == 1)
        let output = report.lines.joined(separator: "\n")
        let expectedLine = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("Welches Aufenthaltspapier haben Sie?") }! + 1
        #expect(output.contains("-Welches Aufenthaltspapier haben Sie?"))
        #expect(output.contains("+Welches Aufenthaltspapier besitzen Sie?"))
        #expect(output.contains("after '> nein'"))
        #expect(output.contains("@@ -\(expectedLine),"))

        // An intended change: --update rewrites the expected text, and then it passes.
        let updated = TranscriptSuite.run(files: [path + "/t.transcript"], rules: broken, update: true) { SessionDriver(rules: broken) }
        #expect(updated.updated == [path + "/t.transcript"])
        let again = TranscriptSuite.run(files: [path + "/t.transcript"], rules: broken, update: false) { SessionDriver(rules: broken) }
        #expect(again.failed == 0)
    }

    @Test func updateKeepsCommentsAndAssertions() throws {
        var text = Self.record(["1", "nein"], rules: Conversation.example, assertions: [1: ["known: deutsch_b1 = false"]])
        text = text.replacingOccurrences(of: "> nein\n", with: "> nein\n# staff note: B1 answered no\n")
        text = text.replacingOccurrences(of: "Welches Aufenthaltspapier haben Sie?", with: "stale text")
        let transcript = try TranscriptFormat.parse(text, path: "t")
        var driver = SessionDriver(rules: Conversation.example)
        let result = TranscriptReplayer.replay(transcript, rules: Conversation.example, driver: &driver)
        #expect(!result.passed)
        let rewritten = TranscriptReplayer.updated(transcript, with: result)
        #expect(rewritten.contains("# staff note: B1 answered no"))
        #expect(rewritten.contains("? known: deutsch_b1 = false"))
        #expect(rewritten.contains("Welches Aufenthaltspapier haben Sie?"))
        #expect(!rewritten.contains("stale text"))
    }

    @Test func outputLinesThatLookLikeMarkupAreEscaped() throws {
        let text = TranscriptFormat.write(title: "t", language: nil, date: Day(iso: "2026-01-01")!, opening: "> not input\n# not a comment\nplain\n",
                                          turns: [("x", "? not an assertion\n")])
        let parsed = try TranscriptFormat.parse(text, path: "t")
        #expect(parsed.opening.lines == ["> not input", "# not a comment", "plain"])
        #expect(parsed.turns.map(\.input) == ["x"])
        #expect(parsed.turns[0].output.lines == ["? not an assertion"])
    }

    @Test func headerMistakesAreReportedWithTheirLine() {
        #expect(throws: TranscriptError.self) { try TranscriptFormat.parse("title: x\ncolour: red\n\n", path: "t") }
        do {
            _ = try TranscriptFormat.parse("title: x\n\n", path: "t")
            Issue.record("a transcript without a date must be rejected")
        } catch {
            #expect(error.message.contains("date"))
        }
    }
}
