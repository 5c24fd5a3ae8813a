import LotseCore
import LotseRules
import Testing

/// `lotse.yaml`: the layers and languages of a deployment.
@Suite struct DeploymentTests {
    @Test func layerFolderNamedButMissing() throws {
        var rules = ExampleRules()
        try rules.replace("layers: [bund, kreis]", with: "layers: [bund, land, kreis]", in: "lotse.yaml")
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "land", in: "lotse.yaml"))
        #expect(d.en == "undefined layer 'land'")
        #expect(d.de == "Ebene 'land' ist nicht definiert")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func layerFolderMissingOnDiskIsReportedEvenWhenItsItemsAreNeeded() throws {
        var rules = ExampleRules()
        rules.layers["kreis"] = nil
        let result = rules.check()
        let d = try #require(result.with(code: "undefined-reference").first { $0.en == "undefined layer 'kreis'" }, "\(result.listing)")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "kreis]", in: "lotse.yaml"))
        #expect(result.ruleSet == nil)
    }

    @Test func defaultLanguageMustBeOffered() throws {
        var rules = ExampleRules()
        try rules.replace("default_language: de", with: "default_language: fr", in: "lotse.yaml")
        let result = rules.check()
        let d = try result.only("unknown-language")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "default_language: fr", plus: 18, in: "lotse.yaml"))
        #expect(d.en == "language 'fr' is not offered in lotse.yaml")
        #expect(result.ruleSet == nil)
    }

    @Test func formatVersionMustBeOne() throws {
        var rules = ExampleRules()
        try rules.replace("lotse: 1", with: "lotse: 2", in: "lotse.yaml")
        let result = rules.check()
        let d = try result.only("invalid-value")
        #expect(d.at == rules.position(of: "lotse: 2", plus: 7, in: "lotse.yaml"))
        #expect(d.en == "invalid value '2' for 'lotse': expected format version 1")
        #expect(result.ruleSet == nil)
    }

    @Test func layerNamedTwice() throws {
        var rules = ExampleRules()
        try rules.replace("layers: [bund, kreis]", with: "layers: [bund, kreis, bund]", in: "lotse.yaml")
        let result = rules.check()
        let d = try result.only("duplicate-id")
        #expect(d.at == rules.position(of: "bund]", in: "lotse.yaml"))
        #expect(d.en == "duplicate layer 'bund' (first defined at \(rules.position(of: "bund,", in: "lotse.yaml")))")
    }

    @Test func directionMustBeLtrOrRtl() throws {
        var rules = ExampleRules()
        try rules.replace("direction: ltr", with: "direction: left", in: "lotse.yaml")
        let result = rules.check()
        let d = try result.only("invalid-value")
        #expect(d.at == rules.position(of: "left", in: "lotse.yaml"))
        #expect(d.en == "invalid value 'left' for 'direction': expected ltr or rtl")
    }

    @Test func unknownKeyInTheDeployment() throws {
        var rules = ExampleRules()
        try rules.replace("default_language: de", with: "default_langauge: de", in: "lotse.yaml")
        let result = rules.check()
        let u = try result.only("unknown-key")
        #expect(u.at == rules.position(of: "default_langauge", in: "lotse.yaml"))
        #expect(u.en.hasPrefix("unknown key 'default_langauge' – did you mean 'default_language'?"), "\(u.en)")
        let m = try result.only("missing-key")
        #expect(m.en == "required key 'default_language' is missing")
        #expect(m.at == rules.position(of: "lotse: 1", in: "lotse.yaml"))
        #expect(result.ruleSet == nil)
    }
}
