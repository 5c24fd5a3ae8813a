import LotseCore
import LotseRules
import Testing

/// Every mapping accepts exactly the keys of the format: an unknown key, a missing required key
/// and a value of the wrong kind are errors at the key or value.
@Suite struct KeyTests {
    @Test func unknownKeyWithDidYouMean() throws {
        var rules = ExampleRules()
        try rules.replace("""
                summary:
                  de: "Auch ohne Anspruch
            """, with: """
                sumary:
                  de: "Auch ohne Anspruch
            """, in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("unknown-key")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "sumary:", in: "bund/offers.yaml"))
        #expect(d.en.hasPrefix("unknown key 'sumary' – did you mean 'summary'? (allowed: id, name, summary, eligible_if,"), "\(d.en)")
        #expect(d.de.hasPrefix("unbekannter Schlüssel 'sumary' – meinten Sie 'summary'? (erlaubt: id, name, summary,"), "\(d.de)")
        // Without its summary the offer is dropped: the missing key is reported too.
        #expect(try result.only("missing-key").en == "required key 'summary' is missing")
        #expect(result.ruleSet == nil)
    }

    /// Swapped neighbouring letters are the commonest slip; they deserve the hint as much as a
    /// missing letter does.
    @Test func unknownKeyWithSwappedLettersGetsDidYouMean() throws {
        var rules = ExampleRules()
        try rules.replace("""
                note:
                  de: "Bei einer Duldung
            """, with: """
                noet:
                  de: "Bei einer Duldung
            """, in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("unknown-key")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "noet:", in: "bund/offers.yaml"))
        #expect(d.en.hasPrefix("unknown key 'noet' – did you mean 'note'?"), "\(d.en)")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func unknownKeyFarFromAnyAllowedOne() throws {
        var rules = ExampleRules()
        try rules.replace("""
              - id: buergergeld
                type: yesno
            """, with: """
              - id: buergergeld
                type: yesno
                priority: 3
            """, in: "bund/facts.yaml")
        let result = rules.check()
        let d = try result.only("unknown-key")
        #expect(d.at == rules.position(of: "priority", in: "bund/facts.yaml"))
        #expect(d.en == "unknown key 'priority' (allowed: id, type, question, help, min, max, unit, options)")
    }

    @Test func unknownSectionAtTheTopOfAFile() throws {
        var rules = ExampleRules()
        try rules.replace("\nmessages:\n", with: "\nmesages:\n", in: "kreis/menu.yaml")
        let result = rules.check()
        let d = try result.only("unknown-key")
        #expect(d.at == rules.position(of: "mesages:", in: "kreis/menu.yaml"))
        #expect(d.en.hasPrefix("unknown key 'mesages' – did you mean 'messages'?"), "\(d.en)")
    }

    @Test func unknownMessageKey() throws {
        var rules = ExampleRules()
        try rules.replace("  welcome:\n    de: \"Willkommen im", with: "  welcom:\n    de: \"Willkommen im", in: "kreis/menu.yaml")
        let result = rules.check()
        let d = try result.only("unknown-key")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "welcom:", in: "kreis/menu.yaml"))
        #expect(d.en.hasPrefix("unknown key 'welcom' – did you mean 'welcome'?"), "\(d.en)")
    }

    @Test func missingKeyInTheMenu() throws {
        var rules = ExampleRules()
        try rules.replace("  person_contacts: [kit, bamf_buergerservice]\n", with: "", in: "kreis/menu.yaml")
        let result = rules.check()
        let d = try result.only("missing-key")
        #expect(d.severity == .error)
        // At the mapping that lacks it: its first key.
        #expect(d.at == rules.position(of: "topics:", in: "kreis/menu.yaml"))
        #expect(d.en == "required key 'person_contacts' is missing")
        #expect(d.de == "Pflichtschlüssel 'person_contacts' fehlt")
        #expect(result.ruleSet == nil)
    }

    @Test func missingKeyInAnOffer() throws {
        var rules = ExampleRules()
        try rules.replace("""
                checked: 2026-02-10
                review_by: 2027-01-15
            """, with: """
                review_by: 2027-01-15
            """, in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("missing-key")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "id: integrationskurs_zulassung_gestoppt", in: "bund/offers.yaml"))
        #expect(d.en == "required key 'checked' is missing")
    }

    @Test func offerWithNeitherBasisNorSource() throws {
        var rules = ExampleRules()
        try rules.replace("    basis: \"§ 44a Abs. 1 AufenthG; § 9 Abs. 2 IntV\"\n", with: "", in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("missing-key")
        #expect(d.at == rules.position(of: "id: integrationskurs_jobcenter", in: "bund/offers.yaml"))
        #expect(d.en == "required key 'basis' is missing")
    }

    @Test func aListWhereWordsMustBeAMapping() throws {
        var rules = ExampleRules()
        try rules.replace("""
                unit:
                  de: [Monate, Monat, Mon]
                  en: [months, month]
            """, with: """
                unit: [Monate, months]
            """, in: "bund/facts.yaml")
        let result = rules.check()
        let d = try result.only("wrong-kind")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "[Monate, months]", in: "bund/facts.yaml"))
        #expect(d.en == "'unit' must be a mapping language → list of words")
        #expect(d.de == "'unit' muss eine Zuordnung Sprache → Liste von Wörtern sein")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func aListWhereATextIsExpected() throws {
        var rules = ExampleRules()
        try rules.replace("""
                help:
                  de: "Schätzen Sie ruhig. Ein Jahr sind 12 Monate."
                  en: "An estimate is fine. One year is 12 months."
            """, with: """
                help:
                  - "Schätzen Sie ruhig. Ein Jahr sind 12 Monate."
                  - "An estimate is fine. One year is 12 months."
            """, in: "bund/facts.yaml")
        let result = rules.check()
        let d = try result.only("wrong-kind")
        #expect(d.at == rules.position(of: "- \"Schätzen", in: "bund/facts.yaml"))
        #expect(d.en == "'help' must be a text or a mapping language → text")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func aMappingWhereAListOfIDsIsExpected() throws {
        var rules = ExampleRules()
        try rules.replace("contacts: [jobcenter]", with: "contacts: {de: jobcenter}", in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("wrong-kind")
        #expect(d.at == rules.position(of: "{de: jobcenter}", in: "bund/offers.yaml"))
        #expect(d.en == "'contacts' must be a list")
    }

    @Test func aNotADateWhereADateIsExpected() throws {
        var rules = ExampleRules()
        try rules.replace("review_by: 2027-01-15", with: "review_by: 2027-02-30", in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("invalid-value")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "2027-02-30", in: "bund/offers.yaml"))
        #expect(d.en == "invalid value '2027-02-30' for 'review_by': expected a date YYYY-MM-DD")
    }

    @Test func anIDWithCapitalLetters() throws {
        var rules = ExampleRules()
        try rules.replace("  - id: kit\n", with: "  - id: KIT\n", in: "kreis/contacts.yaml")
        let result = rules.check()
        let d = try result.only("invalid-value")
        #expect(d.at == rules.position(of: "KIT\n", in: "kreis/contacts.yaml"))
        #expect(d.en == "invalid value 'KIT' for 'id': expected an id of a–z, 0–9 and _ (starting with a letter)")
    }
}
