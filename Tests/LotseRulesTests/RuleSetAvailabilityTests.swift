import LotseCore
import LotseRules
import Testing

/// Warnings inform staff; only errors withhold the rule set (the chat keeps the old one).
@Suite struct RuleSetAvailabilityTests {
    @Test func onlyWarningsStillGiveARuleSet() throws {
        var rules = ExampleRules()
        try rules.replace("review_by: 2027-01-15", with: "review_by: 2026-01-15", in: "bund/offers.yaml")
        try rules.replace("      en: \"Free of charge and in many languages.\"\n", with: "", in: "bund/contacts.yaml")
        let result = rules.check()
        #expect(result.warningCount == 2, "\(result.listing)")
        #expect(result.errorCount == 0, "\(result.listing)")
        #expect(result.ruleSet != nil)
    }

    @Test func oneErrorAmongWarningsGivesNone() throws {
        var rules = ExampleRules()
        try rules.replace("review_by: 2027-01-15", with: "review_by: 2026-01-15", in: "bund/offers.yaml")
        try rules.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        let result = rules.check()
        #expect(result.warningCount == 1, "\(result.listing)")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func diagnosticsAreSortedByFileLineAndColumn() throws {
        var rules = ExampleRules()
        try rules.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        try rules.replace("goto: schon_b1", with: "goto: schon_b2", in: "bund/deutsch_lernen.yaml")
        try rules.replace("person_contacts: [kit, bamf_buergerservice]", with: "person_contacts: [kitt, bamf_buergerservice]", in: "kreis/menu.yaml")
        let result = rules.check()
        let places = result.diagnostics.map(\.location)
        #expect(places == places.sorted(), "\(result.listing)")
        #expect(result.errorCount == 3, "\(result.listing)")
    }
}
