import Foundation
import LotseCLI
import LotseCore
import Testing

/// `lotse check`: what staff run after every edit. Exit 0 without errors, 1 with errors;
/// one `path:line:column: severity: message` line per finding and a summary line last.
@Suite struct CheckCommandTests {
    /// The summary expected for the example, counted from the files themselves.
    static func exampleSummary() throws -> String {
        let fm = FileManager.default
        let root = LotseProcess.exampleRules
        let layers = try fm.contentsOfDirectory(atPath: root.path).filter {
            var d: ObjCBool = false
            return fm.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &d) && d.boolValue
        }
        let layerFiles = try layers.flatMap { try fm.contentsOfDirectory(atPath: root.appendingPathComponent($0).path) }
            .filter { $0.hasSuffix(".yaml") }
        let deployment = try String(contentsOf: root.appendingPathComponent("lotse.yaml"), encoding: .utf8)
        let languages = deployment.components(separatedBy: "\n").filter { $0.hasPrefix("  - code:") }.count
        let ruleSet = try #require(RuleDirectory.load(root.path, today: Day(iso: "2026-11-23")!).ruleSet)
        let nodes = ruleSet.trees.map(\.nodes.count).reduce(0, +)
        return "\(1 + layerFiles.count) files, \(ruleSet.facts.facts.count) facts, \(nodes) nodes, "
            + "\(ruleSet.offers.count) offers, \(languages) languages: 0 errors, 0 warnings"
    }

    @Test func theExamplePassesWithExitZeroAndASummary() throws {
        let out = try LotseProcess.run(["check", "docs/example-rules", "--date", "2026-11-23"])
        #expect(out.exitedNormally)
        #expect(out.status == 0, "\(out.text)\(out.stderr)")
        let expected = try Self.exampleSummary()
        #expect(expected == "9 files, 4 facts, 10 nodes, 5 offers, 2 languages: 0 errors, 0 warnings")
        #expect(out.lines.last == expected)
        #expect(out.lines == ["translations: de 100 %, en 100 %",
                              "unverified contacts (verified: false; newcomers see a notice with them): auslaenderbehoerde, jobcenter, kit",
                              expected])
    }

    @Test func aBrokenCopyExitsOneAndPointsAtTheMistake() throws {
        let copy = try RulesCopy()
        try copy.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23"])
        #expect(out.exitedNormally)
        #expect(out.status == 1, "\(out.text)")
        let place = try copy.place(of: "jobcentre", in: "bund/offers.yaml")
        #expect(out.lines.first == "\(place): error: undefined contact 'jobcentre' – did you mean 'jobcenter'?")
        #expect(out.lines.last == "9 files, 4 facts, 10 nodes, 5 offers, 2 languages: 1 error, 0 warnings")
    }

    @Test func aYAMLErrorIsAnErrorLineToo() throws {
        let copy = try RulesCopy()
        try copy.replace("    type: yesno\n    question:\n      de: \"Bekommen", with: "   type: yesno\n    question:\n      de: \"Bekommen",
                         in: "bund/facts.yaml")
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23"])
        #expect(out.status == 1)
        let place = try copy.place(of: "type: yesno\n    question:\n      de: \"Bekommen", in: "bund/facts.yaml")
        #expect(out.lines.contains { $0.hasPrefix("\(place): error: YAML syntax error: ") }, "\(out.text)")
    }

    @Test func warningsAloneExitZero() throws {
        let copy = try RulesCopy()
        try copy.replace("review_by: 2027-01-15", with: "review_by: 2026-11-22", in: "bund/offers.yaml")
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23"])
        #expect(out.status == 0, "\(out.text)")
        let place = try copy.place(of: "2026-11-22", in: "bund/offers.yaml")
        #expect(out.lines.first == "\(place): warning: offer 'integrationskurs_zulassung_gestoppt' was due for review on 2026-11-22 (today: 2026-11-23)")
        #expect(out.lines.last?.hasSuffix(": 0 errors, 1 warning") == true, "\(out.text)")
    }

    @Test func aLayerFolderThatIsMissingOnDisk() throws {
        let copy = try RulesCopy()
        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("kreis"))
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23"])
        #expect(out.status == 1)
        let place = try copy.place(of: "kreis]", in: "lotse.yaml")
        #expect(out.lines.contains("\(place): error: undefined layer 'kreis'"), "\(out.text)")
    }

    @Test func aRulesFolderWithoutLotseYaml() throws {
        let copy = try RulesCopy()
        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("lotse.yaml"))
        let out = try LotseProcess.run(["check", copy.path])
        #expect(out.status == 1)
        #expect(out.lines.first?.hasPrefix("\(copy.path)/lotse.yaml:1:1: error: cannot read file: ") == true, "\(out.text)")
    }

    @Test func germanWithLangDe() throws {
        let out = try LotseProcess.run(["check", "docs/example-rules", "--date", "2026-11-23", "--lang", "de"])
        #expect(out.status == 0)
        #expect(out.lines == ["Übersetzungen: de 100 %, en 100 %",
                              "nicht bestätigte Kontakte (verified: false; Neuankömmlinge sehen dazu einen Hinweis): auslaenderbehoerde, jobcenter, kit",
                              "9 Dateien, 4 Fakten, 10 Knoten, 5 Angebote, 2 Sprachen: 0 Fehler, 0 Warnungen"])
    }

    @Test func aContactThatBecomesVerifiedIsNoLongerListed() throws {
        let copy = try RulesCopy()
        // The district's Ausländerbehörde gets a source and is marked verified.
        try copy.replace("Immigration office of the Beispielkreis\"\n    verified: false",
                         with: "Immigration office of the Beispielkreis\"\n    verified: true\n    source: \"Telefonat mit dem Kreishaus\"",
                         in: "kreis/contacts.yaml")
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23"])
        #expect(out.status == 0, "\(out.text)")
        #expect(out.lines.contains("unverified contacts (verified: false; newcomers see a notice with them): jobcenter, kit"), "\(out.text)")
    }

    @Test func germanMessagesForABrokenCopy() throws {
        let copy = try RulesCopy()
        try copy.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23", "--lang", "de"])
        #expect(out.status == 1)
        let place = try copy.place(of: "jobcentre", in: "bund/offers.yaml")
        #expect(out.lines.first == "\(place): error: Kontakt 'jobcentre' ist nicht definiert – meinten Sie 'jobcenter'?")
        #expect(out.lines.last == "9 Dateien, 4 Fakten, 10 Knoten, 5 Angebote, 2 Sprachen: 1 Fehler, 0 Warnungen")
    }

    @Test func germanFromTheLocale() throws {
        let out = try LotseProcess.run(["check", "docs/example-rules", "--date", "2026-11-23"], environment: ["LANG": "de_DE.UTF-8"])
        #expect(out.lines.last == "9 Dateien, 4 Fakten, 10 Knoten, 5 Angebote, 2 Sprachen: 0 Fehler, 0 Warnungen")
    }

    @Test func aDateThatIsNoDateIsRefused() throws {
        let out = try LotseProcess.run(["check", "docs/example-rules", "--date", "2026-02-30"])
        #expect(out.exitedNormally)
        #expect(out.status != 0)
        #expect(out.stderr.contains("'2026-02-30' is not a date of the form YYYY-MM-DD"), "\(out.stderr)")
        #expect(out.text.isEmpty, "no report for a date that is not one")
    }

    /// A long but flat condition (thousands of `and`) is nothing like deep nesting; the checker
    /// must accept it or report it, never crash.
    @Test func aVeryLongConditionDoesNotCrashTheChecker() throws {
        let copy = try RulesCopy()
        let long = Array(repeating: "buergergeld", count: 5_000).joined(separator: " and ")
        try copy.replace("- when: buergergeld\n", with: "- when: \(long)\n", in: "bund/offers.yaml")
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23"])
        let exitedNormally = out.exitedNormally
        #expect(exitedNormally, "lotse check was killed by signal \(out.status)")
        #expect([0, 1].contains(out.status), "\(out.stderr.prefix(300))")
        #expect(out.lines.last?.hasPrefix("9 files, 4 facts, 10 nodes, 5 offers, 2 languages: ") == true)
    }
}
