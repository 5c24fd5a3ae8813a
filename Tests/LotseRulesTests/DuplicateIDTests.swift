import LotseCore
import LotseRules
import Testing

/// Within one layer an id may appear once per kind; the second one is an error that points at it
/// and names where the first is.
@Suite struct DuplicateIDTests {
    @Test func aContactDefinedTwiceInOneFile() throws {
        var rules = ExampleRules()
        try rules.replace("""
              - id: jobcenter
                name:
                  de: "Jobcenter an Ihrem Wohnort"
            """, with: """
              - id: notruf
                name:
                  de: "Jobcenter an Ihrem Wohnort"
            """, in: "bund/contacts.yaml")
        let result = rules.check()
        let d = try result.only("duplicate-id")
        let first = rules.position(of: "notruf", in: "bund/contacts.yaml")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "notruf", in: "bund/contacts.yaml", occurrence: 2))
        #expect(d.en == "duplicate contact 'notruf' (first defined at \(first))")
        #expect(d.de == "Kontakt 'notruf' ist doppelt definiert (zuerst in \(first))")
        #expect(result.ruleSet == nil)
    }

    @Test func aFactDefinedInTwoFilesOfTheSameLayer() throws {
        var rules = ExampleRules()
        rules.add("bund/zusatz.yaml", """
            # more facts
            facts:
              - id: buergergeld
                type: yesno
                question: {de: "Bürgergeld?", en: "Bürgergeld?"}

            """, layer: "bund")
        let result = rules.check()
        let d = try result.only("duplicate-id")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "buergergeld", in: "bund/zusatz.yaml"))
        #expect(d.en == "duplicate fact 'buergergeld' (first defined at \(rules.position(of: "buergergeld\n", in: "bund/facts.yaml")))")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func aNodeDefinedTwiceInOneTree() throws {
        var rules = ExampleRules()
        try rules.replace("      - id: unklar\n", with: """
                  - id: weiche
                    say: {de: "x", en: "x"}

                  - id: unklar

            """, in: "bund/deutsch_lernen.yaml")
        let result = rules.check()
        let d = try result.only("duplicate-id")
        let path = "bund/deutsch_lernen.yaml"
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "weiche", in: path, occurrence: 3))
        #expect(d.en == "duplicate node 'weiche' (first defined at \(rules.position(of: "weiche", in: path, occurrence: 2)))")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func aMessageDefinedInTwoFilesOfTheSameLayer() throws {
        var rules = ExampleRules()
        rules.add("kreis/more_messages.yaml", """
            messages:
              bye: {de: "Tschüss", en: "Bye"}

            """, layer: "kreis")
        rules.add("kreis/welcome.yaml", """
            messages:
              welcome: {de: "Hallo", en: "Hello"}

            """, layer: "kreis")
        let result = rules.check()
        let d = try result.only("duplicate-id")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "{de: \"Hallo\"", in: "kreis/welcome.yaml"))
        #expect(d.en.hasPrefix("duplicate message 'welcome' (first defined at kreis/menu.yaml:"))
        // bye once in kreis overrides bund: no error for it.
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func sameIDInALaterLayerIsNoError() throws {
        // The example itself overrides two federal contacts in the district layer.
        let result = ExampleRules().check()
        #expect(result.errorCount == 0, "\(result.listing)")
        #expect(result.ruleSet != nil)
    }
}
