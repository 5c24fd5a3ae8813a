import LotseCore
import Testing

/// What a newcomer is told at the end of a topic.
@Suite struct ResultTests {
    @Test func eligibleOffersCarryWhyWhereWhatNextWhatToBringAndTheCheckedDate() {
        var c = Conversation(language: "de")
        c.say("1"); c.say("nein"); c.say("Aufenthaltserlaubnis"); c.say("5")
        let text = c.say("nein")
        let r = try! #require(c.referral)
        let claim = try! #require(r.eligible.first { $0.id == "integrationskurs_anspruch" })
        #expect(claim.reasons.count == 3)
        #expect(!claim.steps.isEmpty && !claim.bring.isEmpty && !claim.contacts.isEmpty)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains(claim.reasons[0]))
        #expect(text.contains("2026-"))          // the checked date is shown
        #expect(flat.contains(r.disclaimer))
        #expect(!r.disclaimer.isEmpty)
        #expect(r.askCounsellor.isEmpty)
    }

    @Test func dontKnowListsTheOfferApartAsAskACounsellor() {
        var c = Conversation(language: "de")
        c.say("1"); c.say("nein"); c.say("Aufenthaltserlaubnis"); c.say("weiß nicht"); c.say("nein")
        let r = try! #require(c.referral)
        let claim = try! #require(r.askCounsellor.first { $0.id == "integrationskurs_anspruch" })
        #expect(!r.eligible.contains { $0.id == "integrationskurs_anspruch" })
        #expect(claim.openQuestions.count == 1)
        #expect(claim.openQuestions[0].contains("Monaten"))
    }

    @Test func offersAreEvaluatedAsOfTheGivenDate() {
        func ids(on day: String) -> [String] {
            var c = Conversation(today: day, language: "de")
            c.say("1"); c.say("nein"); c.say("Duldung"); c.say("nein")
            return (c.referral?.eligible ?? []).map(\.id)
        }
        #expect(ids(on: "2025-06-01").contains("integrationskurs_zulassung"))
        #expect(!ids(on: "2025-06-01").contains("integrationskurs_zulassung_gestoppt"))
        #expect(ids(on: "2026-03-01").contains("integrationskurs_zulassung_gestoppt"))
        #expect(!ids(on: "2026-03-01").contains("integrationskurs_zulassung"))
    }

    @Test func unverifiedContactsSayTheyMustBeConfirmed() {
        var c = Conversation(language: "de")
        c.say("1"); c.say("nein"); c.say("Aufenthaltserlaubnis"); c.say("5")
        let text = c.say("nein")
        let unverified = c.referral!.eligible.flatMap(\.contacts).filter { !$0.verified }
        #expect(!unverified.isEmpty)
        let warning = Conversation.example.messages[.unverified_contact]!.text(in: "de", fallback: "de")
        #expect(text.contains(String(warning.prefix(30))))
    }

    @Test func renderedLinesFitEightyColumns() {
        var c = Conversation(language: "de")
        for line in ["1", "nein", "Aufenthaltserlaubnis", "5", "ja"] { c.say(line) }
        for chunk in c.transcript {
            for line in chunk.split(separator: "\n") where !line.contains("http") {
                #expect(line.count <= 80, "\(line)")
            }
        }
    }
}
