import LotseCore
import LotseRules
import Testing

/// A later layer adds to or replaces an earlier one by id; that is not a duplicate.
@Suite struct LayerOverrideTests {
    @Test func aDistrictContactWithAFederalIDReplacesTheFederalOneWhole() throws {
        let result = ExampleRules().check()
        #expect(result.with(code: "duplicate-id").isEmpty, "\(result.listing)")
        let ruleSet = try #require(result.ruleSet)
        let i = try #require(ruleSet.contactIndex["auslaenderbehoerde"])
        let contact = ruleSet.contacts[i]
        #expect(contact.name.text(in: "de", fallback: "de") == "Ausländerbehörde des Beispielkreises")
        #expect(contact.id.location.file == "kreis/contacts.yaml")
        // Replaced whole: the federal note is gone, the district's is there.
        #expect(contact.note?.text(in: "en", fallback: "de") == "Ask at the information desk of the district office for the immigration office.")
        // The replacement keeps the federal position, a new id comes after.
        #expect(ruleSet.contacts.map(\.id.value) == ["bamf_buergerservice", "notruf", "hilfetelefon", "auslaenderbehoerde", "jobcenter", "kit"])
    }

    @Test func aDistrictMessageReplacesOnlyThatKey() throws {
        let ruleSet = try #require(ExampleRules().check().ruleSet)
        #expect(ruleSet.messages[.welcome]?.text(in: "en", fallback: "de")
                == "Welcome to the Beispielkreis! I am Lotse. I help you find offers that suit you.")
        #expect(ruleSet.messages[.welcome]?.location.file == "kreis/menu.yaml")
        #expect(ruleSet.messages[.bye]?.text(in: "de", fallback: "de") == "Auf Wiedersehen! Ihre Antworten werden nicht gespeichert.")
    }

    @Test func aDistrictFactReplacesTheFederalFact() throws {
        var rules = ExampleRules()
        rules.add("kreis/facts.yaml", """
            facts:
              - id: buergergeld
                type: yesno
                question:
                  de: "Bekommen Sie Bürgergeld oder Sozialhilfe?"
                  en: "Do you receive Bürgergeld or social assistance?"

            """, layer: "kreis")
        let result = rules.check()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let ruleSet = try #require(result.ruleSet)
        let i = try #require(ruleSet.facts.index["buergergeld"])
        #expect(ruleSet.facts.facts[i].question.text(in: "en", fallback: "de") == "Do you receive Bürgergeld or social assistance?")
        #expect(ruleSet.facts.facts.count == 4)
    }

    @Test func aLaterMenuReplacesTheEarlierOne() throws {
        var rules = ExampleRules()
        rules.add("bund/menu.yaml", """
            menu:
              topics: [deutsch_lernen]
              emergency_contacts: [notruf]
              person_contacts: [bamf_buergerservice]

            """, layer: "bund")
        let result = rules.check()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let ruleSet = try #require(result.ruleSet)
        #expect(ruleSet.menu.personContacts.map { ruleSet.contacts[$0].id.value } == ["kit", "bamf_buergerservice"])
        #expect(ruleSet.menu.emergencyContacts.map { ruleSet.contacts[$0].id.value } == ["notruf", "hilfetelefon"])
    }

    /// Replaced whole, type included: conditions are checked against the district's fact.
    @Test func aReplacedFactIsCheckedWithItsNewType() throws {
        var rules = ExampleRules()
        rules.add("kreis/facts.yaml", """
            facts:
              - id: buergergeld
                type: choice
                question: {de: "Welche Leistung bekommen Sie?", en: "Which benefit do you receive?"}
                options:
                  - {value: buergergeld, label: {de: "Bürgergeld", en: "Bürgergeld"}}
                  - {value: keine, label: {de: "Keine", en: "None"}}

            """, layer: "kreis")
        let result = rules.check()
        let d = try result.only("condition-type")
        #expect(d.at == rules.position(of: "- when: buergergeld", plus: 8, in: "bund/offers.yaml"))
        #expect(d.en == "type error: a yes/no condition is expected here, not the choice fact 'buergergeld'")
        #expect(result.ruleSet == nil)
    }
}
