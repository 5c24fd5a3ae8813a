import LotseCore
import LotseRules
import Testing

/// Offers carry dates and sources, contacts a source when verified: mistakes there mislead newcomers.
@Suite struct OfferAndContactTests {
    let offers = "bund/offers.yaml"

    @Test func reviewDateInThePastIsAWarning() throws {
        var rules = ExampleRules()
        try rules.replace("review_by: 2027-01-15", with: "review_by: 2026-11-22", in: offers)
        let result = rules.check(today: Day(iso: "2026-11-23")!)
        let d = try result.only("review-overdue")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "2026-11-22", in: offers))
        #expect(d.en == "offer 'integrationskurs_zulassung_gestoppt' was due for review on 2026-11-22 (today: 2026-11-23)")
        #expect(d.de == "Angebot 'integrationskurs_zulassung_gestoppt' hätte bis 2026-11-22 überprüft werden müssen (heute: 2026-11-23)")
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.ruleSet != nil)
    }

    @Test func reviewDueTodayIsNotYetOverdue() throws {
        var rules = ExampleRules()
        try rules.replace("review_by: 2027-01-15", with: "review_by: 2026-11-23", in: offers)
        let result = rules.check(today: Day(iso: "2026-11-23")!)
        #expect(result.with(code: "review-overdue").isEmpty, "\(result.listing)")
    }

    @Test func everyOverdueOfferIsReportedAsOfTheGivenDay() throws {
        let result = ExampleRules().check(today: Day(iso: "2027-03-01")!)
        // Four offers are due 2027-02-28, one 2027-01-15.
        #expect(result.with(code: "review-overdue").count == 5, "\(result.listing)")
        #expect(result.errorCount == 0)
        #expect(result.ruleSet != nil)
    }

    @Test func offerNoTreeReaches() throws {
        var rules = ExampleRules()
        let text = try rules.text(offers)
        rules.files[offers] = text + """

              - id: sprachcafe
                name:
                  de: "Sprachcafé"
                  en: "Language café"
                summary:
                  de: "Deutsch üben mit Nachbarn."
                  en: "Practise German with neighbours."
                source: "Aushang im Rathaus"
                checked: 2026-02-10
                review_by: 2027-02-28

            """
        let result = rules.check()
        let d = try result.only("offer-not-reached")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "sprachcafe", in: offers))
        #expect(d.en == "offer 'sprachcafe' is not reached by any tree")
        #expect(d.de == "Angebot 'sprachcafe' wird von keinem Baum erreicht")
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.ruleSet != nil)
    }

    @Test func validFromAfterValidUntil() throws {
        var rules = ExampleRules()
        try rules.replace("    valid_until: 2026-02-08\n", with: "    valid_from: 2026-03-01\n    valid_until: 2026-02-08\n", in: offers)
        let result = rules.check()
        let d = try result.only("dates-inverted")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "id: integrationskurs_zulassung\n", plus: 4, in: offers))
        #expect(d.en == "valid_from (2026-03-01) is after valid_until (2026-02-08)")
        #expect(d.de == "valid_from (2026-03-01) liegt nach valid_until (2026-02-08)")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func validFromEqualToValidUntilIsOneDay() throws {
        var rules = ExampleRules()
        try rules.replace("    valid_until: 2026-02-08\n", with: "    valid_from: 2026-02-08\n    valid_until: 2026-02-08\n", in: offers)
        let result = rules.check()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let ruleSet = try #require(result.ruleSet)
        let offer = ruleSet.offers[try #require(ruleSet.offerIndex["integrationskurs_zulassung"])].definition
        #expect(offer.isValid(on: Day(iso: "2026-02-08")!))
        #expect(!offer.isValid(on: Day(iso: "2026-02-07")!))
        #expect(!offer.isValid(on: Day(iso: "2026-02-09")!))
    }

    @Test func verifiedContactWithoutSource() throws {
        var rules = ExampleRules()
        try rules.replace("    source: \"Bundesweite Notrufnummern\"\n", with: "", in: "bund/contacts.yaml")
        let result = rules.check()
        let d = try result.only("source-required")
        #expect(d.severity == .error)
        // At the contact: its first key.
        #expect(d.at == rules.position(of: "id: notruf", in: "bund/contacts.yaml"))
        #expect(d.en == "a contact with 'verified: true' needs a 'source'")
        #expect(d.de == "ein Kontakt mit 'verified: true' braucht eine Quelle ('source')")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func unverifiedContactNeedsNoSource() throws {
        var rules = ExampleRules()
        try rules.replace("""
                verified: true
                source: "Bundesweite Notrufnummern"
            """, with: """
                verified: false
            """, in: "bund/contacts.yaml")
        let result = rules.check()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
    }

    @Test func verifiedMustBeTrueOrFalse() throws {
        var rules = ExampleRules()
        try rules.replace("""
                verified: true
                source: "Bundesweite Notrufnummern"
            """, with: """
                verified: ja
                source: "Bundesweite Notrufnummern"
            """, in: "bund/contacts.yaml")
        let result = rules.check()
        let d = try result.only("invalid-value")
        #expect(d.at == rules.position(of: "ja\n", in: "bund/contacts.yaml"))
        #expect(d.en == "invalid value 'ja' for 'verified': expected true or false")
    }
}
