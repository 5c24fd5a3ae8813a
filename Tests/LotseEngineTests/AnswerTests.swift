import LotseCore
import Testing

/// Every way a newcomer may answer (issue: numbers, labels, synonyms, folding, digits, units, typos).
@Suite struct AnswerTests {
    /// Language chosen, topic chosen, B1 answered "no": now at the residence question.
    func atResidenceQuestion(_ language: String = "Deutsch") -> Conversation {
        var c = Conversation()
        c.say(language)
        c.say("1")
        c.say("nein")
        return c
    }

    @Test func topicSynonymSelectsTheTopic() {
        var c = Conversation()
        c.say("English")
        c.say("I need a language course please")
        #expect(c.prompt?.id == "deutsch_b1")
    }

    @Test func germanTopicSynonymWorksInAnotherLanguage() {
        var c = Conversation()
        c.say("English")
        c.say("Sprachkurs")
        #expect(c.prompt?.id == "deutsch_b1")
    }

    @Test func anEnglishTopicSynonymIsNotAGermanOne() {
        var c = Conversation()
        c.say("Deutsch")
        c.say("language course")
        #expect(c.prompt?.id == "topic")
        #expect(c.lastEvents.contains { if case .error(.notUnderstood, _) = $0 { true } else { false } })
    }

    @Test func optionNumberSelects() {
        var c = atResidenceQuestion()
        #expect(c.prompt?.id == "aufenthalt")
        c.say("2")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(1))
    }

    @Test func labelIgnoringCaseAndAccents() {
        var c = atResidenceQuestion()
        c.say("  DULDUNG ")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(2))
    }

    @Test func synonymInSessionLanguage() {
        var c = atResidenceQuestion("English")
        c.say("asylum seeker")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(1))
    }

    @Test func germanSynonymInAnotherLanguage() {
        var c = atResidenceQuestion("English")
        c.say("geduldet")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(2))
    }

    @Test func umlautFolding() {
        var c = atResidenceQuestion()
        c.say("EU-Buerger")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(3))
    }

    @Test func wordInsideASentence() {
        var c = atResidenceQuestion()
        c.say("ich habe eine Duldung bekommen")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(2))
    }

    @Test func smallTypoIsForgiven() {
        var c = atResidenceQuestion()
        c.say("Dulldung")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(2))
    }

    @Test func twoCloseOptionsAskForConfirmation() {
        var c = atResidenceQuestion("English")
        // The answer names two options equally ("permit" and "asylum"): ask which one was meant.
        c.say("permit asylum")
        #expect(c.prompt?.kind == .confirm)
        #expect(c.prompt?.options.count == 2)
        c.say("2")
        #expect(c.session.knownFacts["aufenthalt"] == .choice(1))
    }

    @Test func dontKnowLeavesTheFactUnknownButAnswered() {
        var c = atResidenceQuestion()
        c.say("weiß nicht")
        #expect(c.session.knownFacts["aufenthalt"] == nil)
        #expect(c.session.hasAnswered("aufenthalt"))
        #expect(c.prompt?.id != "aufenthalt")
    }

    @Test func dontKnowAsTheLastOptionNumber() {
        var c = atResidenceQuestion()
        c.say("5")
        #expect(c.session.hasAnswered("aufenthalt"))
        #expect(c.session.knownFacts["aufenthalt"] == nil)
    }

    @Test func numbersWithUnitsAndForeignDigits() {
        for input in ["7", "7 Monate", "٧", "۷ months", "ungefähr 7"] {
            var c = atResidenceQuestion()
            c.say("1")
            #expect(c.prompt?.id == "monate_seit_erlaubnis", "\(input)")
            c.say(input)
            #expect(c.session.knownFacts["monate_seit_erlaubnis"] == .number(7), "\(input)")
        }
    }

    @Test func arabicIndicMultiDigitNumber() {
        var c = atResidenceQuestion()
        c.say("1")
        c.say("٣٤")
        #expect(c.session.knownFacts["monate_seit_erlaubnis"] == .number(34))
    }

    @Test func numberOutOfRangeIsReasked() {
        var c = atResidenceQuestion()
        c.say("1")
        c.say("9999")
        #expect(c.errorCodes == [.outOfRange])
        #expect(c.prompt?.id == "monate_seit_erlaubnis")
    }

    @Test func nonsenseGetsAFriendlyReaskWithTheOptions() {
        var c = atResidenceQuestion()
        let text = c.say("xyzzy")
        #expect(c.errorCodes == [.notUnderstood])
        #expect(text.contains("Das habe ich nicht verstanden"))
        #expect(text.contains("1) Aufenthaltserlaubnis"))
        #expect(c.prompt?.id == "aufenthalt")
    }

    @Test func yesNoWords() {
        var c = Conversation()
        c.say("Deutsch")
        c.say("Deutsch lernen")
        c.say("JA")
        #expect(c.session.knownFacts["deutsch_b1"] == .bool(true))
    }

    @Test func sameInputsGiveSameOutputs() {
        let lines = ["English", "1", "no", "1", "7", "yes"]
        var a = Conversation(), b = Conversation()
        for l in lines { a.say(l); b.say(l) }
        #expect(a.transcript == b.transcript)
        #expect(a.lastEvents == b.lastEvents)
    }
}

/// The ASCII fast path must agree with the general one.
@Suite struct NormalizerTests {
    @Test func asciiAndGeneralPathsAgree() {
        let samples = ["  Hello,  World! ", "DON'T know.", "(Duldung)", "a\tb\nc", "34 Jahre...", "x:y;z", "[EU]", "1,5", "A.B"]
        for s in samples {
            // Appending a non-ASCII character that normalizes away forces the general path.
            #expect(TextNormalizer.normalize(s) == TextNormalizer.normalize(s + "\u{0640}"), "\(s)")
        }
    }

    @Test func foldingExamples() {
        #expect(TextNormalizer.normalize("Weiß NICHT") == "weiss nicht")
        #expect(TextNormalizer.normalize("Müller") == "mueller")
        #expect(TextNormalizer.normalize("٣٤") == "34")
        #expect(TextNormalizer.normalize("۳۴ سال") == "34 سال")
        #expect(TextNormalizer.normalize("ＡＢＣ") == "abc")
    }
}
