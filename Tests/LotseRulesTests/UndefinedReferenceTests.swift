import LotseCore
import LotseRules
import Testing

/// Every id that refers to something else must name something that exists; a misspelling gets a
/// "did you mean" with the closest existing id.
@Suite struct UndefinedReferenceTests {
    let tree = "bund/deutsch_lernen.yaml"

    @Test func factInAsk() throws {
        var rules = ExampleRules()
        try rules.replace("ask: buergergeld", with: "ask: buergergelt", in: tree)
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "buergergelt", in: tree))
        #expect(d.en == "undefined fact 'buergergelt' – did you mean 'buergergeld'?")
        #expect(d.de == "Fakt 'buergergelt' ist nicht definiert – meinten Sie 'buergergeld'?")
        #expect(result.ruleSet == nil)
    }

    /// One typo, one message: the nodes after the node with the misspelt fact are still reached
    /// through its `next`, so they must not be reported as unreachable too.
    @Test func factInAskDoesNotCascade() throws {
        var rules = ExampleRules()
        try rules.replace("ask: buergergeld", with: "ask: buergergelt", in: tree)
        let result = rules.check()
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.with(code: "unreachable-node").isEmpty, "\(result.listing)")
        #expect(result.with(code: "offer-not-reached").isEmpty, "\(result.listing)")
    }

    @Test func nodeInGoto() throws {
        var rules = ExampleRules()
        try rules.replace("goto: schon_b1", with: "goto: schon_b2", in: tree)
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "schon_b2", in: tree))
        #expect(d.en == "undefined node 'schon_b2' – did you mean 'schon_b1'?")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func nodeInNext() throws {
        var rules = ExampleRules()
        try rules.replace("next: weiche", with: "next: weichen", in: tree)
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.at == rules.position(of: "weichen", in: tree))
        #expect(d.en == "undefined node 'weichen' – did you mean 'weiche'?")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func nodeInStart() throws {
        var rules = ExampleRules()
        try rules.replace("start: frage_b1", with: "start: frage_1", in: tree)
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "frage_1", in: tree))
        #expect(d.en == "undefined node 'frage_1' – did you mean 'frage_b1'?")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func nodeInOtherwise() throws {
        var rules = ExampleRules()
        try rules.replace("otherwise: unklar", with: "otherwise: unklaar", in: tree)
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.at == rules.position(of: "unklaar", in: tree))
        #expect(d.en == "undefined node 'unklaar' – did you mean 'unklar'?")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func offerInRefer() throws {
        var rules = ExampleRules()
        try rules.replace("refer: [fragen_integrationskurs]", with: "refer: [fragen_integrationkurs]", in: tree)
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "fragen_integrationkurs", in: tree))
        #expect(d.en == "undefined offer 'fragen_integrationkurs' – did you mean 'fragen_integrationskurs'?")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func contactInOffer() throws {
        var rules = ExampleRules()
        try rules.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "jobcentre", in: "bund/offers.yaml"))
        #expect(d.en == "undefined contact 'jobcentre' – did you mean 'jobcenter'?")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func contactInMenu() throws {
        var rules = ExampleRules()
        try rules.replace("person_contacts: [kit, bamf_buergerservice]", with: "person_contacts: [kit, bamf_buergerservic]",
                          in: "kreis/menu.yaml")
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "bamf_buergerservic]", in: "kreis/menu.yaml"))
        #expect(d.en == "undefined contact 'bamf_buergerservic' – did you mean 'bamf_buergerservice'?")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func emergencyContactInMenu() throws {
        var rules = ExampleRules()
        try rules.replace("emergency_contacts: [notruf, hilfetelefon]", with: "emergency_contacts: [notruf, hilfe]",
                          in: "kreis/menu.yaml")
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.at == rules.position(of: "hilfe]", in: "kreis/menu.yaml"))
        #expect(d.en == "undefined contact 'hilfe'")
        #expect(result.ruleSet == nil)
    }

    @Test func treeInMenu() throws {
        var rules = ExampleRules()
        try rules.replace("topics: [deutsch_lernen]", with: "topics: [deutsch_lerne]", in: "kreis/menu.yaml")
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.at == rules.position(of: "deutsch_lerne]", in: "kreis/menu.yaml"))
        #expect(d.en == "undefined tree 'deutsch_lerne' – did you mean 'deutsch_lernen'?")
        #expect(result.errorCount == 1, "\(result.listing)")
        // The tree is no longer in the menu: a warning says so.
        let w = try result.only("tree-not-in-menu")
        #expect(w.severity == .warning)
        #expect(w.at == rules.position(of: "deutsch_lernen\n", in: tree))
    }

    @Test func unknownFactInACondition() throws {
        var rules = ExampleRules()
        try rules.replace("- when: buergergeld", with: "- when: buergergelt", in: "bund/offers.yaml")
        let result = rules.check()
        let d = try result.only("undefined-reference")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "buergergelt", in: "bund/offers.yaml"))
        #expect(d.en == "unknown fact 'buergergelt' – did you mean 'buergergeld'?")
        #expect(result.ruleSet == nil)
    }
}
