import Foundation
import LotseCLI
import LotseCore
import Testing

/// A whole conversation in Arabic at a real terminal, on the shipped rules. The answers are
/// chosen by an in-process session walking beside it, so the test follows the rules as they grow.
@Suite struct ArabicTerminalTests {
    static func arabicDigits(_ n: Int) -> String {
        String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) })
    }

    @Test func wholeConversationInArabic() throws {
        let day = "2026-03-01"
        let rules = try #require(RuleDirectory.load(Lotse.packageRoot + "/rules", today: Day(iso: day)!).ruleSet)
        let t = try Lotse.chat(["--date", day], rules: "rules")
        var (session, _) = Session.start(rules: rules, today: Day(iso: day)!)
        #expect(t.expect("Türkçe") != nil)
        t.type("العربية\r")
        _ = session.respond(to: "العربية")
        let topic = try #require(rules.menu.topics.firstIndex { rules.trees[$0].id == "language" }) + 1
        t.type(Self.arabicDigits(topic) + "\r")
        _ = session.respond(to: Self.arabicDigits(topic))
        var sawResult = false
        for _ in 0..<12 {
            guard let prompt = session.currentPrompt, prompt.kind != .topic else { break }
            // Wait for this question on the screen (its first words; long texts wrap).
            let words = prompt.text.split(separator: " ").prefix(3).joined(separator: " ")
            #expect(t.expect(words) != nil, "question not shown: \(words)")
            let answer: String
            switch prompt.kind {
            case .choice:
                let status = rules.facts.facts[rules.facts.index[prompt.id]!].options.firstIndex { $0.value.value == "p25_1_2" }
                answer = Self.arabicDigits((status ?? 0) + 1)
            case .yesno: answer = rules.vocabulary[.no]!.words(in: "ar").first!
            case .number: answer = Self.arabicDigits(30)
            default: answer = "١"
            }
            t.type(answer + "\r")
            let events = session.respond(to: answer)
            if events.contains(where: { if case .refer = $0 { true } else { false } }) { sawResult = true }
        }
        #expect(sawResult)
        let heading = rules.messages[.eligible_heading]!.text(in: "ar", fallback: "de")
        #expect(t.expect(heading) != nil)
        let disclaimerStart = rules.messages[.disclaimer]!.text(in: "ar", fallback: "de").split(separator: " ").prefix(2).joined(separator: " ")
        #expect(t.expect(disclaimerStart) != nil)
        t.type(rules.vocabulary[.quit]!.words(in: "ar").first! + "\r")
        #expect(t.waitForExit() == 0)
    }
}
