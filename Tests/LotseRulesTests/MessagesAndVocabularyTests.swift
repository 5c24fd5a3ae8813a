import LotseCore
import LotseRules
import Testing

/// Every message key and word list the engine uses must be defined in some layer.
@Suite struct MessagesAndVocabularyTests {
    @Test func missingMessageKey() throws {
        var rules = ExampleRules()
        try rules.replace("""
              bye:
                de: "Auf Wiedersehen! Ihre Antworten werden nicht gespeichert."
                en: "Goodbye! Your answers are not stored."
            """, with: "", in: "bund/messages.yaml")
        let result = rules.check()
        let d = try result.only("missing-message")
        #expect(d.severity == .error)
        // No file has it, so the message points at the deployment.
        #expect(d.at == rules.position(of: "lotse: 1", in: "lotse.yaml"))
        #expect(d.en == "message 'bye' is not defined in any layer ('messages' section)")
        #expect(d.de == "Meldung 'bye' ist in keiner Ebene definiert (Abschnitt 'messages')")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func missingVocabularyKey() throws {
        var rules = ExampleRules()
        try rules.replace("""
              quit:
                de: [Ende, tschüss, beenden]
                en: [quit, bye, exit]
            """, with: "", in: "bund/vocabulary.yaml")
        let result = rules.check()
        let d = try result.only("missing-words")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "lotse: 1", in: "lotse.yaml"))
        #expect(d.en == "word list 'quit' is not defined in any layer ('vocabulary' section)")
        #expect(d.de == "Wortliste 'quit' ist in keiner Ebene definiert (Abschnitt 'vocabulary')")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func aMessageDefinedOnlyInTheDistrictLayerCounts() throws {
        var rules = ExampleRules()
        try rules.replace("""
              bye:
                de: "Auf Wiedersehen! Ihre Antworten werden nicht gespeichert."
                en: "Goodbye! Your answers are not stored."
            """, with: "", in: "bund/messages.yaml")
        try rules.replace("\nmessages:\n", with: "\nmessages:\n  bye: {de: \"Tschüss\", en: \"Bye\"}\n", in: "kreis/menu.yaml")
        let result = rules.check()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.ruleSet?.messages[.bye]?.text(in: "en", fallback: "de") == "Bye")
    }
}
