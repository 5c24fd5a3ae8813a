import LotseCore
import Testing

/// What a conversation on the shipped rules leaves in the statistics.
@Suite struct UsageTrackerTests {
    typealias E = UsageEvent

    @Test func aResultCountsTopicOffersByOutcomeAndTheOpenQuestion() {
        var c = TrackedConversation(language: "ru")
        c.say("2")          // counselling
        c.say("не знаю")    // age unknown: some offers need a counsellor
        c.say("выход")      // quit at the menu, after a result: not abandoned
        #expect(c.events == [
            E(.started, language: "ru"), E(.topic, key: "counselling", language: "ru"),
            E(.eligible, key: "mbsh", language: "ru"), E(.eligible, key: "kit", language: "ru"),
            E(.eligible, key: "fluechtlingsrat", language: "ru"),
            // MBE for adults also depends on the residence status and § 104c, neither asked yet.
            E(.askCounsellor, key: "mbe", language: "ru"), E(.openQuestion, key: "age", language: "ru"),
            E(.openQuestion, key: "residence_status", language: "ru"), E(.openQuestion, key: "prospects_104c", language: "ru"),
            E(.askCounsellor, key: "jmd", language: "ru"), E(.openQuestion, key: "age", language: "ru"),
        ])
        let counted = c.events.count
        c.end()
        #expect(c.events.count == counted, "a conversation that quit is not ended twice")
    }

    @Test func leavingAtAQuestionCountsItsFactAsAbandoned() {
        var c = TrackedConversation()
        c.say("1")   // Deutsch
        c.say("2")   // counselling: asks the age
        c.end()      // connection closed, kiosk reset …
        #expect(c.events == [E(.started, language: "de"), E(.topic, key: "counselling", language: "de"),
                             E(.abandoned, key: "age", language: "de")])
    }

    @Test func quittingAtTheLanguageQuestionIsAConversationWithoutALanguage() {
        var c = TrackedConversation()
        c.say("quit")
        #expect(c.events == [E(.started, language: ""), E(.abandoned, key: "language", language: "")])
    }

    @Test func leavingAtTheMenuBeforeAnyTopicIsAbandoningTheMenu() {
        var c = TrackedConversation(language: "en")
        c.say("help")
        c.end()
        #expect(c.events == [E(.started, language: "en"), E(.abandoned, key: "topic", language: "en")])
    }

    @Test func restartEndsOneConversationAndBeginsTheNext() {
        var c = TrackedConversation()
        c.say("2")           // English
        c.say("2")           // counselling: asks the age
        c.say("restart")     // back to the language question
        c.say("1")           // Deutsch
        #expect(c.events == [E(.started, language: "en"), E(.topic, key: "counselling", language: "en"),
                             E(.abandoned, key: "age", language: "en"), E(.started, language: "de")])
    }

    @Test func theEmergencyWordIsCountedButPersonIsNot() {
        var c = TrackedConversation(language: "de")
        c.say("112")
        c.say("person")
        #expect(c.events == [E(.started, language: "de"), E(.emergency, language: "de")])
    }

    @Test func whatANewcomerTypesNeverBecomesAKey() {
        var c = TrackedConversation(language: "de")
        c.say("MARKER-7f3a9c")
        c.say("2")
        c.say("MARKER-7f3a9c")
        c.say("34 MARKER-7f3a9c")
        c.end()
        #expect(!c.events.isEmpty)
        #expect(c.events.allSatisfy { !$0.key.contains("MARKER") && !$0.language.contains("MARKER") })
    }
}
