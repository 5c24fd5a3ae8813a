import Foundation
import LotseCLI
import LotseCore
import LotseRules
import Testing

/// The report rendered in-process: coverage figures and singular/plural as staff read them.
@Suite struct CheckReportTests {
    @Test func coverageBelowOneHundredWithADecimalCommaInGerman() throws {
        let copy = try RulesCopy()
        try copy.replace("      en: \"Free of charge and in many languages.\"\n", with: "", in: "bund/contacts.yaml")
        let result = RuleDirectory.load(copy.path, today: Day(iso: "2026-11-23")!)
        let s = result.statistics
        #expect(s.translatable > 1)
        let en = (Double(s.translatable - 1) * 1000 / Double(s.translatable)).rounded(.down) / 10
        #expect(s.coverage("en") == en)
        #expect(en < 100)
        let english = CheckReport.text(result, language: .en).split(separator: "\n").map(String.init)
        #expect(english.contains("translations: de 100 %, en \(en) %"), "\(english)")
        #expect(english.last == "9 files, 4 facts, 10 nodes, 5 offers, 2 languages: 0 errors, 1 warning")
        let german = CheckReport.text(result, language: .de).split(separator: "\n").map(String.init)
        #expect(german.contains("Übersetzungen: de 100 %, en \(String(en).replacingOccurrences(of: ".", with: ",")) %"), "\(german)")
        #expect(german.last == "9 Dateien, 4 Fakten, 10 Knoten, 5 Angebote, 2 Sprachen: 0 Fehler, 1 Warnung")
    }

    @Test func oneErrorSingular() throws {
        let copy = try RulesCopy()
        try copy.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        let result = RuleDirectory.load(copy.path, today: Day(iso: "2026-11-23")!)
        #expect(CheckReport.summary(result, .en) == "9 files, 4 facts, 10 nodes, 5 offers, 2 languages: 1 error, 0 warnings")
        #expect(result.ruleSet == nil)
    }

    @Test func readingAFolderFindsYamlFilesInSubfoldersInPathOrder() throws {
        let copy = try RulesCopy()
        let sub = copy.root.appendingPathComponent("kreis/zusatz")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "contacts:\n  - id: beratung\n    name: \"Beratung\"\n    verified: false\n".write(
            to: sub.appendingPathComponent("beratung.yaml"), atomically: true, encoding: .utf8)
        try "not a rule file".write(to: copy.root.appendingPathComponent("kreis/notes.txt"), atomically: true, encoding: .utf8)
        let sources = try RuleDirectory.read(copy.path).get()
        let kreis = try #require(sources.layers["kreis"] ?? nil).map(\.path)
        #expect(kreis == ["contacts.yaml", "menu.yaml", "zusatz/beratung.yaml"].map { "\(copy.path)/kreis/\($0)" })
        let result = RuleSetLoader.load(sources, today: Day(iso: "2026-11-23")!)
        #expect(result.statistics.contacts == 7)
        #expect(result.errorCount == 0)
    }
}
