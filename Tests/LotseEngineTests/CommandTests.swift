import LotseCore
import Testing

/// The commands that work at every prompt.
@Suite struct CommandTests {
    @Test func backUndoesTheLastAnswerAndForgetsIt() {
        var c = Conversation()
        c.say("Deutsch"); c.say("1"); c.say("nein")
        c.say("2")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(1))
        c.say("zurück")
        #expect(c.prompt?.id == "aufenthalt")
        #expect(c.session.knownFacts["aufenthalt"] == nil)
        #expect(!c.session.hasAnswered("aufenthalt"))
        c.say("zurück")
        #expect(c.prompt?.id == "deutsch_b1")
        #expect(!c.session.hasAnswered("deutsch_b1"))
    }

    @Test func backWithNothingToUndo() {
        var c = Conversation(language: "de")
        c.say("zurück")
        #expect(c.errorCodes == [.nothingToUndo])
        #expect(c.prompt?.kind == .topic)
    }

    @Test func languageSwitchKeepsEveryAnswer() {
        var c = Conversation()
        c.say("Deutsch"); c.say("1"); c.say("nein")
        c.say("Sprache")
        #expect(c.prompt?.kind == .language)
        let text = c.say("English")
        #expect(c.session.language == "en")
        #expect(c.session.knownFacts["deutsch_b1"] == .bool(false))
        #expect(c.prompt?.id == "aufenthalt")
        #expect(text.contains("Which residence document do you have?"))
    }

    @Test func backAfterALanguageSwitchKeepsTheNewLanguage() {
        var c = Conversation()
        c.say("Deutsch"); c.say("1"); c.say("nein"); c.say("2")
        c.say("language"); c.say("2")
        let text = c.say("back")
        #expect(c.session.language == "en")
        #expect(c.prompt?.id == "aufenthalt")
        #expect(c.session.knownFacts["aufenthalt"] == nil)
        #expect(text.contains("Which residence document"))
    }

    @Test func changingAnAnswerCanMakeAnOfferDisappear() {
        var c = Conversation(language: "de")
        c.say("1"); c.say("nein"); c.say("Aufenthaltserlaubnis"); c.say("5"); c.say("ja")
        let before = c.referral
        #expect(before?.eligible.map(\.id).contains("integrationskurs_anspruch") == true)
        c.say("ändern")
        #expect(c.prompt?.kind == .change)
        let index = c.prompt!.options.firstIndex { $0.label.contains("Aufenthaltspapier") }!
        c.say(String(index + 1))
        #expect(c.prompt?.id == "aufenthalt")
        c.say("Duldung")
        let after = c.referral
        #expect(after != nil)
        #expect(after?.eligible.map(\.id).contains("integrationskurs_anspruch") == false)
        #expect(c.session.knownFacts["aufenthalt"] == .choice(2))
    }

    @Test func restartForgetsEverything() {
        var c = Conversation()
        c.say("Deutsch"); c.say("1"); c.say("nein")
        c.say("Neustart")
        #expect(c.lastEvents.contains(.reset))
        #expect(c.session.knownFacts.isEmpty)
        #expect(!c.session.hasAnswered("deutsch_b1"))
        #expect(c.prompt?.kind == .language)
    }

    @Test func helpExplainsAndRepeatsTheQuestion() {
        var c = Conversation(language: "en")
        c.say("1")
        c.say("help")
        #expect(c.lastEvents.contains { if case .say = $0 { true } else { false } })
        #expect(c.prompt?.id == "deutsch_b1")
    }

    @Test func talkToAPersonShowsTheCounsellingContacts() {
        var c = Conversation(language: "de")
        c.say("1")
        c.say("Mensch")
        guard case .contacts(_, let cards)? = c.lastEvents.first else { Issue.record("no contacts: \(c.lastEvents)"); return }
        #expect(cards.map(\.id) == ["kit", "bamf_buergerservice"])
        #expect(c.prompt?.id == "deutsch_b1")
    }

    @Test func emergencyAtAnyPromptAndTheConversationGoesOn() {
        for word in ["Notfall", "emergency", "112", "110"] {
            var c = Conversation()
            c.say(word)
            guard case .contacts(_, let cards)? = c.lastEvents.first else { Issue.record("\(word): \(c.lastEvents)"); continue }
            #expect(cards.contains { $0.phone?.contains("110") == true }, "\(word)")
            #expect(c.prompt?.kind == .language, "\(word)")
        }
        var c = Conversation(language: "de")
        c.say("1"); c.say("nein")
        c.say("Polizei")
        #expect(c.prompt?.id == "aufenthalt")
        c.say("2")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(1))
    }

    @Test func quitEndsTheConversation() {
        var c = Conversation(language: "de")
        c.say("beenden")
        #expect(c.session.isFinished)
        guard case .bye? = c.lastEvents.first else { Issue.record("\(c.lastEvents)"); return }
        c.say("1")
        #expect(c.errorCodes == [.finished])
    }
}
