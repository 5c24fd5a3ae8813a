import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LotseStats
import LotseTestSupport
import Testing

/// `lotse stats` as staff run it, on a real SQLite file and a real PostgreSQL.
@Suite struct StatsCommandTests {
    @Test(arguments: StatsBackend.tested)
    func textReportInEnglishAndGerman(_ backend: StatsBackend) async throws {
        let location = try await StatsFixtures.filled(backend)
        let en = try LotseProcess.stats(["--stats", StatsFixtures.argument(location), "--lang", "en"] + StatsFixtures.range)
        #expect(en.status == 0, "\(en)")
        let lines = en.lines
        #expect(lines.first == "Lotse – usage statistics 2026-11-01 … 2026-11-30")
        #expect(lines.contains("Conversations by language and door"))
        #expect(lines.contains("  ar          < 5    < 5"))
        #expect(lines.contains("  de           12     12"))
        #expect(lines.contains("  total      ≥ 12   ≥ 12"), "12 would give the 3 away")
        #expect(lines.contains("  language    9"))
        #expect(lines.contains("  health    < 5"))
        #expect(lines.contains { $0.hasPrefix("  bik") && $0.hasSuffix("6                 0             0") })
        #expect(lines.contains("Emergency numbers shown: 5"))
        #expect(!en.text.contains("40"), "October is outside the range")

        let de = try LotseProcess.stats(["--stats", StatsFixtures.argument(location), "--lang", "de"] + StatsFixtures.range)
        #expect(de.lines.first == "Lotse – Nutzungsstatistik 2026-11-01 … 2026-11-30")
        #expect(de.lines.contains("Gespräche nach Sprache und Tür"))
        #expect(de.lines.contains("Notrufnummern gezeigt: 5"))
    }

    @Test func theRangeSelectsTheDays() async throws {
        let location = try await StatsFixtures.filled(.sqlite)
        let october = try LotseProcess.stats(["--stats", StatsFixtures.argument(location), "--from", "2026-10-01", "--to", "2026-10-31"])
        #expect(october.lines.contains("  de           40     40"), "\(october)")
        let both = try LotseProcess.stats(["--stats", StatsFixtures.argument(location), "--from", "2026-10-01", "--to", "2026-11-30"])
        #expect(both.lines.contains("  de           52     52"), "\(both)")
    }

    @Test func csvAndJSONCarryTheSameCellsAsText() async throws {
        let location = try await StatsFixtures.filled(.sqlite)
        let csv = try LotseProcess.stats(["--stats", StatsFixtures.argument(location), "--format", "csv"] + StatsFixtures.range)
        #expect(csv.lines.first == "section,item,detail,count")
        for line in ["topics,language,,9", "topics,health,,<5", "offers,bik,eligible,6", "conversations,ar,kiosk,<5",
                     "conversations,,,>=12", "open_questions,age,,7", "abandoned,age,,<5"] {
            #expect(csv.lines.contains(line), "\(line) in \(csv.text)")
        }
        let json = try LotseProcess.stats(["--stats", StatsFixtures.argument(location), "--format", "json"] + StatsFixtures.range)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let topics = try #require(object["topics"] as? [[String: Any]])
        #expect(topics.first?["id"] as? String == "language")
        #expect(topics.first?["count"] as? Int == 9)
        #expect(topics.last?["count"] as? String == "<5")
        #expect(object["conversations_total"] as? String == ">=12")
        #expect(object["emergency"] as? Int == 5)
    }

    @Test func svgIsWellFormedAndHidesSmallCounts() async throws {
        let location = try await StatsFixtures.filled(.sqlite)
        let svg = try LotseProcess.stats(["--stats", StatsFixtures.argument(location), "--format", "svg", "--lang", "de"] + StatsFixtures.range)
        #expect(svg.status == 0)
        let parser = XMLParser(data: svg.stdout)
        #expect(parser.parse(), "\(svg.text.prefix(400))")
        #expect(svg.text.contains("<rect"))
        #expect(svg.text.contains(">&lt; 5</text>"))
        #expect(svg.text.contains(">Gewählte Themen</text>"))
    }

    @Test func wrongInputGetsOneLineAndAnExitStatus() throws {
        let file = try StatsBackend.sqlite.freshLocation().description
        let badDay = try LotseProcess.stats(["--stats", file, "--from", "2026-13-01"])
        #expect(badDay.status == 64)
        #expect(badDay.stderr.contains("'2026-13-01' is not a date of the form YYYY-MM-DD"), "\(badDay)")
        let badDayDe = try LotseProcess.stats(["--stats", file, "--from", "gestern"], environment: ["LANG": "de_DE.UTF-8"])
        #expect(badDayDe.stderr.contains("'gestern' ist kein Datum der Form JJJJ-MM-TT"), "\(badDayDe)")
        let reversed = try LotseProcess.stats(["--stats", file, "--from", "2026-11-30", "--to", "2026-11-01"])
        #expect(reversed.status == 64)

        let missing = try LotseProcess.stats(["--stats", file])
        #expect(missing.status == 1)
        #expect(missing.stderr == "lotse stats: statistics file \(file) does not exist\n")

        let badURL = try LotseProcess.stats(["--stats", "postgres://secret@/"])
        #expect(badURL.status == 64, "\(badURL)")

        let unreachable = try LotseProcess.stats(["--stats", "postgres://lotse:secret@127.0.0.1:1/lotse"], environment: ["LANG": "de_DE.UTF-8"])
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.hasPrefix("lotse stats: Statistik-Speicher postgres://lotse@127.0.0.1:1/lotse nicht erreichbar"), "\(unreachable)")
        #expect(unreachable.stderr.split(separator: "\n").count == 1)
        #expect(!unreachable.stderr.contains("secret"))
    }
}
