import Foundation
import LotseCLI
import LotseCore
import Testing

/// The shipped rule set: it checks clean, every persona staff wrote passes, and a conversation
/// across several topics asks nothing twice.
@Suite struct ShippedRulesTests {
    static let rules = Conversation.load("rules")

    @Test func checksWithoutErrorsAndFullTranslations() {
        let result = RuleDirectory.load(Conversation.packageRoot + "/rules", today: Day(iso: "2026-11-23")!)
        #expect(result.errorCount == 0, "\(result.diagnostics.map { "\($0.location): \($0.problem.message(.en))" })")
        for language in result.statistics.languages {
            #expect(result.statistics.coverage(language) == 100, "\(language)")
        }
        #expect(result.statistics.languages.count == 7)
    }

    @Test func everyPersonaPasses() {
        let files = RuleDirectory.personaFiles(Conversation.packageRoot + "/rules", layers: Self.rules.deployment.layers.map(\.value))
        let report = PersonaSuite.run(files: files, rules: Self.rules, language: .en)
        #expect(report.failed == 0, "\(report.lines.joined(separator: "\n"))")
        #expect(report.passed > 0)
    }

    @Test func aKnownFactIsNotAskedAgainInTheNextTopic() {
        var c = Conversation(Self.rules, language: "de")
        var asked: [String] = []
        // Walk the first topic answering with the first option (or a number), then the next topics.
        for topic in 1...Self.rules.menu.topics.count {
            c.say(String(topic))
            var guardCount = 0
            while let p = c.prompt, p.kind != .topic, guardCount < 30 {
                asked.append(p.id)
                // A number inside the question's range, so each answer is accepted.
                let number = p.range.map { r in Swift.min(Swift.max(30, r.lowerBound), r.upperBound) } ?? 30
                c.say(p.kind == .number ? number.compact : "1")
                guardCount += 1
            }
        }
        #expect(!asked.isEmpty)
        #expect(Set(asked).count == asked.count, "asked twice: \(asked)")
    }
}

/// A number answered in the wrong unit is asked again, never silently misread.
@Suite struct UnitTests {
    @Test func yearsTypedForAMonthsQuestionAreAskedAgain() throws {
        let rules = ShippedRulesTests.rules
        let monthsFact = try #require(rules.facts.facts.first { fact in
            if case .number(let spec) = fact.kind { return spec.unit?.words(in: "de").contains("Monate") == true }
            return false
        })
        var session = Session.start(rules: rules, today: Day(iso: "2026-03-01")!, language: "de").0
        // Walk the topics until the months question comes.
        var found = false
        outer: for topic in 1...rules.menu.topics.count {
            _ = session.respond(to: String(topic))
            for _ in 0..<20 {
                guard let p = session.currentPrompt, p.kind != .topic else { break }
                if p.id == monthsFact.id.value { found = true; break outer }
                _ = session.respond(to: p.kind == .number ? "30" : "1")
            }
        }
        try #require(found)
        let events = session.respond(to: "5 Jahre")
        #expect(events.contains { if case .error(.notUnderstood, _) = $0 { true } else { false } })
        #expect(!session.hasAnswered(monthsFact.id.value))
        _ = session.respond(to: "5 Monate")
        #expect(session.knownFacts[monthsFact.id.value] == .number(5))
    }
}
