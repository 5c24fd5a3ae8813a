import LotseCore
import LotseRules
import Testing

/// Commands are read before answers: a topic or option word that is also a command word never
/// chooses anything, and the checker says so.
@Suite struct CommandShadowingTests {
    @Test func topicSynonymThatIsACommandIsAWarning() throws {
        var rules = ExampleRules()
        try rules.replace("de: [Sprachkurs, Deutschkurs]", with: "de: [Sprachkurs, Hilfe]", in: "bund/deutsch_lernen.yaml")
        let result = rules.check()
        let d = try result.only("word-is-command")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "de: [Sprachkurs, Hilfe]", in: "bund/deutsch_lernen.yaml"))
        #expect(d.en == "'Hilfe' (de) is a command word ('help'), so it never chooses this topic or answer")
        #expect(d.de == "'Hilfe' (de) ist ein Befehlswort ('help') und wählt deshalb nie dieses Thema oder diese Antwort")
        #expect(result.ruleSet != nil)
    }

    @Test func optionSynonymThatIsAnEnglishCommandInAGermanSessionIsAWarning() throws {
        var rules = ExampleRules()
        // A German session takes the English command words too: typed there, "back" goes back.
        try rules.replace("de: [Aufenthaltstitel, Titel, eAT]", with: "de: [Aufenthaltstitel, Titel, back]", in: "bund/facts.yaml")
        let d = try rules.check().only("word-is-command")
        #expect(d.en == "'back' (de) is a command word ('back'), so it never chooses this topic or answer")
    }

    @Test func theWarningPointsAtTheLanguagesLine() throws {
        var rules = ExampleRules()
        try rules.replace("en: [language course, German course]", with: "en: [language course, help]", in: "bund/deutsch_lernen.yaml")
        let d = try rules.check().only("word-is-command")
        #expect(d.at == rules.position(of: "en: [language course, help]", in: "bund/deutsch_lernen.yaml"))
        #expect(d.en == "'help' (en) is a command word ('help'), so it never chooses this topic or answer")
    }

    @Test func theExampleRulesHaveNoSuchWord() {
        #expect(!ExampleRules().check().diagnostics.contains { $0.problem.code == "word-is-command" })
    }
}
