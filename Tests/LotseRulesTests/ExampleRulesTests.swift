import LotseCore
import LotseRules
import Testing

/// The example rule set is the base of every fixture: it must pass the checker untouched.
@Suite struct ExampleRulesTests {
    @Test func theExamplePassesWithoutAnyDiagnostic() throws {
        let result = ExampleRules().check()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let ruleSet = try #require(result.ruleSet)
        #expect(ruleSet.trees.map(\.id) == ["deutsch_lernen"])
        #expect(ruleSet.defaultLanguage == "de")
        #expect(ruleSet.languages.map(\.code) == ["de", "en"])
    }

    @Test func statisticsCountWhatTheFilesDefine() throws {
        let rules = ExampleRules()
        let result = rules.check()
        let s = result.statistics
        // lotse.yaml plus every layer file.
        #expect(s.files == 1 + rules.layers.values.map(\.count).reduce(0, +))
        #expect(s.files == 9)
        #expect(s.facts == 4)
        #expect(s.trees == 1)
        #expect(s.nodes == 10)
        #expect(s.offers == 5)
        // 5 federal contacts, 2 of them replaced by the district, 1 new one.
        #expect(s.contacts == 6)
        #expect(s.languages == ["de", "en"])
        #expect(s.translatable > 0)
        #expect(s.coverage("de") == 100)
        #expect(s.coverage("en") == 100)
    }

    @Test func theVersionLabelCarriesAContentHash() throws {
        var rules = ExampleRules()
        let first = try #require(rules.check().ruleSet).version
        #expect(first.hasPrefix("beispiel-2026-11+"))
        #expect(try #require(rules.check().ruleSet).version == first, "the same files give the same version")
        try rules.replace("Wir fangen von vorn an.", with: "Wir beginnen neu.", in: "bund/messages.yaml")
        #expect(try #require(rules.check().ruleSet).version != first, "changed text, changed version")
    }
}
