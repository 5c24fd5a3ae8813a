import LotseCore
import LotseRules
import Testing

/// Every text in every language of the deployment: a missing one is a warning and lowers the
/// coverage figure; a language the deployment does not offer is an error.
@Suite struct TranslationTests {
    @Test func missingTranslationIsAWarningAndLowersCoverage() throws {
        var rules = ExampleRules()
        let before = rules.check().statistics
        try rules.replace("""
                  de: "Kostenlos und in vielen Sprachen."
                  en: "Free of charge and in many languages."
            """, with: """
                  de: "Kostenlos und in vielen Sprachen."
            """, in: "bund/contacts.yaml")
        let result = rules.check()
        let d = try result.only("missing-translation")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "de: \"Kostenlos", in: "bund/contacts.yaml"))
        #expect(d.en == "missing translation: en")
        #expect(d.de == "Übersetzung fehlt: en")
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.ruleSet != nil)

        let s = result.statistics
        #expect(s.translatable == before.translatable)
        #expect(s.translated["de"] == before.translatable)
        #expect(s.translated["en"] == before.translatable - 1)
        #expect(s.coverage("de") == 100)
        let expected = (Double(s.translatable - 1) * 1000 / Double(s.translatable)).rounded(.down) / 10
        #expect(s.coverage("en") == expected)
        #expect(s.coverage("en") < 100)
    }

    @Test func missingTranslationInAWordList() throws {
        var rules = ExampleRules()
        try rules.replace("    de: [Hilfe]\n", with: "", in: "bund/vocabulary.yaml")
        let result = rules.check()
        let d = try result.only("missing-translation")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "en: [help]", in: "bund/vocabulary.yaml"))
        #expect(d.en == "missing translation: de")
        #expect(result.statistics.coverage("de") < 100)
        #expect(result.statistics.coverage("en") == 100)
    }

    @Test func topicSynonymsAreCheckedLikeEveryWordList() throws {
        var rules = ExampleRules()
        try rules.replace("      en: [language course, German course]\n", with: "      fr: [cours de langue]\n", in: "bund/deutsch_lernen.yaml")
        let result = rules.check()
        let unknown = try result.only("unknown-language")
        #expect(unknown.severity == .error)
        #expect(unknown.at == rules.position(of: "de: [Sprachkurs, Deutschkurs]", in: "bund/deutsch_lernen.yaml"))
        let missing = try result.only("missing-translation")
        #expect(missing.en == "missing translation: en")
    }

    @Test func aNeutralTextCountsForEveryLanguage() throws {
        var rules = ExampleRules()
        try rules.replace("""
                name:
                  de: "Jobcenter Beispielkreis"
                  en: "Jobcenter Beispielkreis"
            """, with: """
                name: "Jobcenter Beispielkreis"
            """, in: "kreis/contacts.yaml")
        let result = rules.check()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.statistics.coverage("en") == 100)
        #expect(result.statistics.coverage("de") == 100)
    }

    @Test func languageTheDeploymentDoesNotOfferIsAnError() throws {
        var rules = ExampleRules()
        try rules.replace("""
                  de: "Kostenlos und in vielen Sprachen."
                  en: "Free of charge and in many languages."
            """, with: """
                  de: "Kostenlos und in vielen Sprachen."
                  en: "Free of charge and in many languages."
                  fr: "Gratuit et en plusieurs langues."
            """, in: "bund/contacts.yaml")
        let result = rules.check()
        let d = try result.only("unknown-language")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "de: \"Kostenlos", in: "bund/contacts.yaml"))
        #expect(d.en == "language 'fr' is not offered in lotse.yaml")
        #expect(d.de == "Sprache 'fr' wird in lotse.yaml nicht angeboten")
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func misspeltLanguageCodeIsAnErrorAndTheRealOneIsMissing() throws {
        var rules = ExampleRules()
        try rules.replace("      en: \"Free of charge and in many languages.\"", with: "      eng: \"Free of charge and in many languages.\"",
                          in: "bund/contacts.yaml")
        let result = rules.check()
        let at = rules.position(of: "de: \"Kostenlos", in: "bund/contacts.yaml")
        #expect(try result.only("unknown-language").at == at)
        #expect(try result.only("unknown-language").en == "language 'eng' is not offered in lotse.yaml")
        #expect(try result.only("missing-translation").at == at)
        #expect(try result.only("missing-translation").severity == .warning)
    }
}
