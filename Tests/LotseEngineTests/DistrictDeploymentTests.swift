import Foundation
import LotseCLI
import LotseCore
import Testing

/// One rules folder, two districts: Schleswig-Flensburg's deployment file reuses the federal and Land
/// layers of the folder's own lotse.yaml (Rendsburg-Eckernförde), and each deployment's results must
/// name its own Kreis' offices, never the other's.
@Suite struct DistrictDeploymentTests {
    struct District: Sendable, CustomTestStringConvertible {
        var path: String
        var layer: String
        var name: String
        var other: String
        var testDescription: String { name }
    }

    static let rendsburg = District(path: "rules", layer: "rendsburg-eckernfoerde",
                                    name: "Rendsburg-Eckernförde", other: "Schleswig-Flensburg")
    static let flensburg = District(path: "rules/schleswig-flensburg.lotse.yaml", layer: "schleswig-flensburg",
                                    name: "Schleswig-Flensburg", other: "Rendsburg-Eckernförde")
    static let districts = [rendsburg, flensburg]

    @Test(arguments: districts) func checksWithoutErrorsAndFullTranslations(_ d: District) throws {
        let result = RuleDirectory.load(Conversation.packageRoot + "/" + d.path, today: Day(iso: "2026-12-04")!)
        #expect(result.errorCount == 0, "\(result.diagnostics.map { "\($0.location): \($0.problem.message(.en))" })")
        #expect(result.statistics.languages.count == 7)
        for language in result.statistics.languages {
            #expect(result.statistics.coverage(language) == 100, "\(language)")
        }
        let rules = try #require(result.ruleSet)
        #expect(rules.deployment.district.text(in: "de", fallback: "de") == "Kreis " + d.name)
        #expect(rules.deployment.layers.map(\.value) == ["federal", "schleswig-holstein", d.layer])
    }

    @Test func theTwoDeploymentsAreDifferentEditions() {
        let versions = Set(Self.districts.map { Conversation.load($0.path).version })
        #expect(versions.count == 2)
    }

    /// The language course for a recognised refugee on Bürgergeld: the claim names the
    /// Ausländerbehörde, the obligation the Jobcenter — both the district's own.
    @Test(arguments: districts) func aLanguageCourseResultNamesTheDistrictsOwnOffices(_ d: District) throws {
        var c = Conversation(Conversation.load(d.path), today: "2026-12-04", language: "de")
        for answer in ["Integrationskurs", "4", "nein", "ja"] { c.say(answer) }
        let referral = try #require(c.referral)
        func contact(_ offer: String, _ id: String) throws -> ContactCard {
            let result = try #require(referral.eligible.first { $0.id == offer }, "\(offer) not eligible")
            return try #require(result.contacts.first { $0.id == id }, "\(offer) names no \(id)")
        }
        #expect(try contact("integrationskurs_anspruch", "auslaenderbehoerde").name == "Ausländerbehörde des Kreises " + d.name)
        let jobcenter = try contact("integrationskurs_verpflichtung_jobcenter", "jobcenter").name
        #expect(jobcenter.contains(d.name) && !jobcenter.contains(d.other), "\(jobcenter)")
        let shown = c.transcript.joined(separator: "\n")
        #expect(shown.contains(d.name))
        #expect(!shown.contains(d.other), "the \(d.name) conversation shows \(d.other)")
    }

    /// "Talk to a person" in Arabic: the district's own coordination office (KIT or KITZ).
    @Test(arguments: districts) func thePersonCommandNamesTheDistrictsCoordinationOffice(_ d: District) {
        var c = Conversation(Conversation.load(d.path), today: "2026-12-04", language: "ar")
        let text = c.say("شخص")
        #expect(text.contains(d == Self.flensburg ? "KITZ – مكتب تنسيق الاندماج في منطقة شليسفيغ-فلنسبورغ" : "KIT – مكتب تنسيق الاندماج في منطقة رندسبورغ-إكرنفورده"))
    }

    /// Each deployment runs the shared personas and those of its own layer, and they all pass.
    @Test(arguments: districts) func personasOfTheDeploymentPass(_ d: District) {
        let path = Conversation.packageRoot + "/" + d.path
        let rules = Conversation.load(d.path)
        let files = RuleDirectory.personaFiles(path, layers: rules.deployment.layers.map(\.value))
        #expect(files.contains { $0.hasSuffix("/rules/tests/language.yaml") })
        let own = files.filter { $0.contains("/rules/tests/schleswig-flensburg/") }
        #expect(d == Self.flensburg ? !own.isEmpty : own.isEmpty)
        let report = PersonaSuite.run(files: files, rules: rules, language: .en)
        #expect(report.failed == 0, "\(report.lines.joined(separator: "\n"))")
        #expect(report.passed > 0)
    }

    @Test func aFolderMeansItsLotseYamlAndAFileMeansThatDeployment() {
        let folder = RuleDirectory.Location("rules")
        #expect(folder.file == "rules/lotse.yaml" && folder.folder == "rules" && folder.isDefault)
        let file = RuleDirectory.Location("rules/schleswig-flensburg.lotse.yaml")
        #expect(file.file == "rules/schleswig-flensburg.lotse.yaml" && file.folder == "rules" && !file.isDefault)
        let bare = RuleDirectory.Location("missing.lotse.yaml")
        #expect(bare.file == "missing.lotse.yaml" && bare.folder == ".")
    }
}

extension DistrictDeploymentTests.District: Equatable {}
