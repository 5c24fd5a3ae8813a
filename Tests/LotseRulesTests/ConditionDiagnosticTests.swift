import LotseCore
import LotseRules
import Testing

/// A problem inside a condition is reported at its exact column in the YAML line, whether the
/// condition is written plain or in quotes.
@Suite struct ConditionDiagnosticTests {
    let offers = "bund/offers.yaml"
    let tree = "bund/deutsch_lernen.yaml"

    @Test func typeErrorInAPlainCondition() throws {
        var rules = ExampleRules()
        try rules.replace("- when: monate_seit_erlaubnis < 12", with: "- when: monate_seit_erlaubnis < aufenthalt", in: offers)
        let result = rules.check()
        let d = try result.only("condition-type")
        #expect(d.severity == .error)
        // At the operator.
        #expect(d.at == rules.position(of: "< aufenthalt", in: offers))
        #expect(d.en == "type error: cannot compare the number fact 'monate_seit_erlaubnis' with the choice fact 'aufenthalt' using '<'")
        #expect(d.de == "Typfehler: '<' kann Zahl-Fakt 'monate_seit_erlaubnis' nicht mit Auswahl-Fakt 'aufenthalt' vergleichen")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func typeErrorInADoubleQuotedCondition() throws {
        var rules = ExampleRules()
        try rules.replace("- if: aufenthalt == aufenthaltserlaubnis\n            goto: ergebnis_anspruch",
                          with: "- if: \"buergergeld == 3\"\n            goto: ergebnis_anspruch", in: tree)
        let result = rules.check()
        let d = try result.only("condition-type")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "== 3\"", in: tree))
        #expect(d.en == "type error: cannot compare the yes/no fact 'buergergeld' with the number 3 using '=='")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func typeErrorInASingleQuotedCondition() throws {
        var rules = ExampleRules()
        try rules.replace("- when: not deutsch_b1\n        reason:\n          de: \"Sie haben noch kein Deutsch-Zertifikat B1.\"\n          en: \"You do not have a German B1 certificate yet.\"\n    steps:\n      - de: \"Sprechen",
                          with: "- when: 'not monate_seit_erlaubnis'\n        reason:\n          de: \"Sie haben noch kein Deutsch-Zertifikat B1.\"\n          en: \"You do not have a German B1 certificate yet.\"\n    steps:\n      - de: \"Sprechen",
                          in: offers)
        let result = rules.check()
        let d = try result.only("condition-type")
        #expect(d.at == rules.position(of: "monate_seit_erlaubnis'", in: offers))
        #expect(d.en == "type error: a yes/no condition is expected here, not the number fact 'monate_seit_erlaubnis'")
    }

    /// Escapes make the YAML text longer than the condition; the column must still be the
    /// column in the file.
    @Test func columnAfterAnEscapedQuoteInADoubleQuotedCondition() throws {
        var rules = ExampleRules()
        try rules.replace("- if: aufenthalt == aufenthaltserlaubnis\n            goto: ergebnis_anspruch",
                          with: "- if: \"aufenthalt == \\\"aufenthaltserlaubnis\\\" and buergergeld == 3\"\n            goto: ergebnis_anspruch",
                          in: tree)
        let result = rules.check()
        let d = try result.only("condition-type")
        #expect(d.at == rules.position(of: "== 3\"", in: tree))
    }

    @Test func columnAfterADoubledQuoteInASingleQuotedCondition() throws {
        var rules = ExampleRules()
        try rules.replace("- if: aufenthalt == aufenthaltserlaubnis\n            goto: ergebnis_anspruch",
                          with: "- if: 'aufenthalt == ''aufenthaltserlaubnis'' and buergergeld == 3'\n            goto: ergebnis_anspruch",
                          in: tree)
        let result = rules.check()
        let d = try result.only("condition-type")
        #expect(d.at == rules.position(of: "== 3'", in: tree))
    }

    /// Long conditions get wrapped; a mistake on the second line is on the second line.
    @Test func positionOnTheSecondLineOfAWrappedCondition() throws {
        var rules = ExampleRules()
        try rules.replace("- when: buergergeld\n", with: "- when: buergergeld\n          and monate_seit_erlaubnis == ja\n", in: offers)
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.en == "unknown fact 'ja'")
        #expect(d.at == rules.position(of: "ja\n", in: offers))
    }

    @Test func choiceValueNotInTheFactsList() throws {
        var rules = ExampleRules()
        try rules.replace("- when: aufenthalt == aufenthaltserlaubnis", with: "- when: aufenthalt == aufenthaltserlaubnis_eu", in: offers)
        let result = rules.check()
        let d = try result.only("choice-value")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "aufenthaltserlaubnis_eu", in: offers))
        #expect(d.en == "'aufenthaltserlaubnis_eu' is not an option of the choice fact 'aufenthalt' (options: aufenthaltserlaubnis, gestattung, duldung, eu_buerger)")
        #expect(d.de == "'aufenthaltserlaubnis_eu' ist keine Option des Auswahl-Fakts 'aufenthalt' (Optionen: aufenthaltserlaubnis, gestattung, duldung, eu_buerger)")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func choiceValueNotInTheFactsListInsideAList() throws {
        var rules = ExampleRules()
        try rules.replace("- if: aufenthalt in [gestattung, duldung, eu_buerger]",
                          with: "- if: aufenthalt in [gestattung, dulding, eu_buerger]", in: tree)
        let result = rules.check()
        let d = try result.only("choice-value")
        #expect(d.at == rules.position(of: "dulding", in: tree))
        #expect(d.en.hasPrefix("'dulding' is not an option of the choice fact 'aufenthalt'"))
    }

    @Test func syntaxErrorInACondition() throws {
        var rules = ExampleRules()
        try rules.replace("- when: monate_seit_erlaubnis < 12", with: "- when: monate_seit_erlaubnis = 12", in: offers)
        let result = rules.check()
        let d = try result.only("condition-syntax")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "= 12", in: offers))
        #expect(d.en == "'=' alone is no comparison: write '=='")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func missingClosingBracketIsReportedAtTheEndOfTheCondition() throws {
        var rules = ExampleRules()
        try rules.replace("- if: aufenthalt in [gestattung, duldung, eu_buerger]",
                          with: "- if: aufenthalt in [gestattung, duldung, eu_buerger", in: tree)
        let result = rules.check()
        let d = try result.only("condition-syntax")
        let start = rules.position(of: "eu_buerger\n", in: tree)
        #expect(d.at == Where(tree, start.line, start.column + "eu_buerger".count))
        #expect(d.en == "expected ',' or ']', found the end of the condition")
    }

    @Test func aConditionThatIsNotAString() throws {
        var rules = ExampleRules()
        try rules.replace("- if: deutsch_b1\n", with: "- if: [deutsch_b1]\n", in: tree)
        let result = rules.check()
        let d = try result.only("wrong-kind")
        #expect(d.at == rules.position(of: "[deutsch_b1]", in: tree))
        #expect(d.en == "'if' must be a condition")
    }
}
