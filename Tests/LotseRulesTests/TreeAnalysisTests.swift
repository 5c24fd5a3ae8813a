import LotseCore
import LotseRules
import Testing

/// The whole-tree checks: unreachable nodes, dead ends, cycles and branches that can never be taken.
@Suite struct TreeAnalysisTests {
    let tree = "bund/deutsch_lernen.yaml"

    @Test func unreachableNodeIsAWarningAndTheRulesStillLoad() throws {
        var rules = ExampleRules()
        try rules.replace("      - id: unklar\n", with: """
                  - id: vergessen
                    say:
                      de: "Niemand kommt hierher."
                      en: "Nobody gets here."

                  - id: unklar

            """, in: tree)
        let result = rules.check()
        let d = try result.only("unreachable-node")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "vergessen", in: tree))
        #expect(d.en == "node 'vergessen' cannot be reached from the start of tree 'deutsch_lernen'")
        #expect(d.de == "Knoten 'vergessen' ist vom Start des Baums 'deutsch_lernen' aus nicht erreichbar")
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.ruleSet != nil, "warnings alone do not withhold the rule set")
    }

    @Test func deadEndNamesAnAssignmentThatGetsStuck() throws {
        var rules = ExampleRules()
        try rules.replace("        otherwise: ergebnis_zulassung\n", with: "", in: tree)
        let result = rules.check()
        let d = try result.only("dead-end")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "weiche\n", in: tree, occurrence: 2))
        #expect(d.en == "dead end: node 'weiche' has no way on when aufenthalt = gestattung; add 'otherwise'")
        #expect(d.de == "Sackgasse: Knoten 'weiche' hat keinen Weg weiter, wenn aufenthalt = gestattung; ergänzen Sie 'otherwise'")
        #expect(result.ruleSet == nil)
    }

    @Test func deadEndOnANumberNamesTheGap() throws {
        var rules = ExampleRules()
        try rules.replace("""
                    branches:
                      - if: aufenthalt == aufenthaltserlaubnis
                        goto: ergebnis_anspruch
                    otherwise: ergebnis_zulassung
            """, with: """
                    branches:
                      - if: monate_seit_erlaubnis < 12
                        goto: ergebnis_anspruch
                      - if: monate_seit_erlaubnis > 12 or not known(monate_seit_erlaubnis)
                        goto: ergebnis_zulassung
            """, in: tree)
        let result = rules.check()
        let d = try result.only("dead-end")
        #expect(d.en == "dead end: node 'weiche' has no way on when monate_seit_erlaubnis = 12; add 'otherwise'")
        #expect(result.errorCount == 1, "\(result.listing)")
    }

    @Test func deadEndAfterDontKnow() throws {
        var rules = ExampleRules()
        try rules.replace("        otherwise: unklar\n", with: "", in: tree)
        let result = rules.check()
        let d = try result.only("dead-end")
        #expect(d.at == rules.position(of: "frage_aufenthalt\n", in: tree, occurrence: 2))
        // "don't know" leaves the fact unknown, and no branch is true for it.
        #expect(d.en == "dead end: node 'frage_aufenthalt' has no way on when aufenthalt = ?; add 'otherwise'")
        // Without the otherwise the node 'unklar' is cut off, and with it its offer.
        #expect(try result.only("unreachable-node").en == "node 'unklar' cannot be reached from the start of tree 'deutsch_lernen'")
        #expect(try result.only("offer-not-reached").en == "offer 'fragen_integrationskurs' is not reached by any tree")
    }

    @Test func cycle() throws {
        var rules = ExampleRules()
        try rules.replace("""
                    ask: monate_seit_erlaubnis
                    next: frage_buergergeld
            """, with: """
                    ask: monate_seit_erlaubnis
                    next: frage_b1
            """, in: tree)
        let result = rules.check()
        let d = try result.only("cycle")
        #expect(d.severity == .error)
        #expect(d.at == rules.position(of: "frage_monate\n", in: tree, occurrence: 2))
        #expect(d.en == "cycle in the tree: frage_b1 → frage_aufenthalt → frage_monate → frage_b1")
        #expect(d.de == "Kreis im Baum: frage_b1 → frage_aufenthalt → frage_monate → frage_b1")
        #expect(result.errorCount == 1, "\(result.listing)")
        #expect(result.ruleSet == nil)
    }

    @Test func aNodeThatLeadsToItself() throws {
        var rules = ExampleRules()
        try rules.replace("""
                    ask: buergergeld
                    next: weiche
            """, with: """
                    ask: buergergeld
                    next: frage_buergergeld
            """, in: tree)
        let result = rules.check()
        let d = try result.only("cycle")
        #expect(d.en == "cycle in the tree: frage_buergergeld → frage_buergergeld")
    }

    @Test func branchShadowedByAnEarlierList() throws {
        var rules = ExampleRules()
        try rules.replace("""
                        goto: hinweis_zulassung
                    otherwise: unklar
            """, with: """
                        goto: hinweis_zulassung
                      - if: aufenthalt == duldung
                        goto: unklar
                    otherwise: unklar
            """, in: tree)
        let result = rules.check()
        let d = try result.only("branch-never-taken")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "frage_aufenthalt\n", in: tree, occurrence: 2))
        #expect(d.en == "branch 3 of 'frage_aufenthalt' can never be taken: earlier branches (2) always match first")
        #expect(d.de == "Zweig 3 von 'frage_aufenthalt' wird nie genommen: frühere Zweige (2) treffen immer vorher zu")
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.ruleSet != nil)
    }

    @Test func branchThatCanNeverBeTrue() throws {
        var rules = ExampleRules()
        try rules.replace("- if: aufenthalt == aufenthaltserlaubnis\n            goto: ergebnis_anspruch",
                          with: "- if: aufenthalt == duldung and aufenthalt == gestattung\n            goto: ergebnis_anspruch", in: tree)
        let result = rules.check()
        let d = try result.only("branch-never-taken")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "weiche\n", in: tree, occurrence: 2))
        #expect(d.en == "branch 1 of 'weiche' can never be taken: its condition can never be true")
    }

    /// Two number facts compared with each other: each can take any value, so `a < b` can be true.
    @Test func comparingTwoNumberFactsIsNotReportedAsNeverTrue() throws {
        var rules = ExampleRules()
        try rules.replace("""
              - id: buergergeld
                type: yesno
            """, with: """
              - id: monate_in_deutschland
                type: number
                question: {de: "Seit wie vielen Monaten sind Sie in Deutschland?", en: "For how many months have you been in Germany?"}
                min: 0
                max: 600

              - id: buergergeld
                type: yesno
            """, in: "bund/facts.yaml")
        try rules.replace("- if: aufenthalt == aufenthaltserlaubnis\n            goto: ergebnis_anspruch",
                          with: "- if: monate_seit_erlaubnis < monate_in_deutschland\n            goto: ergebnis_anspruch", in: tree)
        let result = rules.check()
        #expect(result.with(code: "branch-never-taken").isEmpty, "\(result.listing)")
    }

    @Test func branchOnTodayBeforeAndAfterADate() throws {
        var rules = ExampleRules()
        try rules.replace("- if: aufenthalt == aufenthaltserlaubnis\n            goto: ergebnis_anspruch",
                          with: "- if: today < 2026-02-09\n            goto: ergebnis_anspruch\n          - if: today >= 2026-02-09\n            goto: ergebnis_zulassung",
                          in: tree)
        try rules.replace("        otherwise: ergebnis_zulassung\n", with: "", in: tree)
        let result = rules.check()
        // Every day is on one side of the date: no dead end, no dead branch.
        #expect(result.with(code: "dead-end").isEmpty, "\(result.listing)")
        #expect(result.with(code: "branch-never-taken").isEmpty, "\(result.listing)")
    }

    @Test func askedFactNoBranchReads() throws {
        var rules = ExampleRules()
        try rules.replace("- if: deutsch_b1\n", with: "- if: buergergeld\n", in: tree)
        let result = rules.check()
        let d = try result.only("asked-fact-unused")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "frage_b1\n", in: tree, occurrence: 2))
        #expect(d.en == "node 'frage_b1' asks 'deutsch_b1' but none of its branch conditions reads it")
    }

    @Test func offerOnlyReferredByAnUnreachableNodeIsNotReached() throws {
        var rules = ExampleRules()
        try rules.replace("""
                    refer: [integrationskurs_zulassung, integrationskurs_zulassung_gestoppt, integrationskurs_jobcenter]
            """, with: """
                    refer: [integrationskurs_zulassung, integrationskurs_jobcenter]

                  - id: verwaist
                    refer: [integrationskurs_zulassung_gestoppt]
            """, in: tree)
        let result = rules.check()
        #expect(try result.only("unreachable-node").at == rules.position(of: "verwaist", in: tree))
        let d = try result.only("offer-not-reached")
        #expect(d.severity == .warning)
        #expect(d.at == rules.position(of: "id: integrationskurs_zulassung_gestoppt", plus: 4, in: "bund/offers.yaml"))
        #expect(d.en == "offer 'integrationskurs_zulassung_gestoppt' is not reached by any tree")
        #expect(result.ruleSet != nil)
    }
}
