import ArgumentParser
import Foundation
import LotseCore
import LotseREPL

/// `lotse test`: replays transcripts and runs the eligibility personas.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Replay transcripts (*.transcript) and run eligibility personas (rules/tests/*.yaml).",
        discussion: "Prints a diff for every transcript that no longer matches and ends with 'N passed, N failed'; exit 1 on any failure.")

    @Argument(help: "Transcript and persona files or folders (default: transcripts/ for the folder's lotse.yaml; the personas in tests/*.yaml; personas and transcripts in tests/LAYER/ for each layer of the deployment).")
    var paths: [String] = []

    @Option(help: RuleLoading.rulesHelp)
    var rules = "rules"

    @Flag(help: "Rewrite the expected text of transcripts that differ (after an intended rule change) and list them.")
    var update = false

    @Flag(help: "Report which tree nodes, branches and offers the transcripts reach, and list what they do not.")
    var coverage = false

    @Option(help: "Language of the messages: de or en (default: from LANG).")
    var lang: ToolLanguageOption?

    @Option(help: "Replay the transcripts against a running server (HOST:PORT) instead of in-process.")
    var connect: String?

    func run() throws {
        let language = lang?.value ?? RuleLoading.environmentLanguage
        // Review dates do not matter here; transcripts and personas carry their own dates.
        let ruleSet = try RuleLoading.ruleSet(rules, today: Today.now, language: language)
        let layers = ruleSet.deployment.layers.map(\.value)
        // transcripts/ was recorded on the folder's own lotse.yaml; any deployment also replays the
        // transcripts in the test folders of its layers.
        let transcriptRoots = paths.isEmpty
            ? (RuleDirectory.Location(rules).isDefault ? ["transcripts"] : []) + RuleDirectory.layerTestFolders(rules, layers: layers)
            : paths
        let transcriptFiles = TranscriptSuite.files(transcriptRoots)
        let transcripts: TranscriptSuite.Report
        if let connect {
            transcripts = TranscriptSuite.run(files: transcriptFiles, rules: ruleSet, update: update) { try RemoteDriver(address: connect) }
        } else {
            transcripts = TranscriptSuite.run(files: transcriptFiles, rules: ruleSet, update: update) { SessionDriver(rules: ruleSet) }
        }
        let personaFiles = paths.isEmpty
            ? RuleDirectory.personaFiles(rules, layers: layers)
            : PersonaSuite.files(paths.filter { !$0.hasSuffix(".transcript") && !isTranscriptFolder($0) })
        let personas = PersonaSuite.run(files: personaFiles, rules: ruleSet, language: language)
        for line in transcripts.lines + personas.lines { print(line) }
        if update {
            print(transcripts.updated.isEmpty ? "no transcript changed" : "updated:\n" + transcripts.updated.map { "  \($0)" }.joined(separator: "\n"))
        }
        if coverage {
            if connect != nil { print("coverage is measured in-process only; run without --connect") }
            else { print(Coverage(rules: ruleSet, trace: transcripts.trace).report()) }
        }
        let passed = transcripts.passed + personas.passed, failed = transcripts.failed + personas.failed
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    /// A folder holding transcripts only is not searched for persona files.
    private func isTranscriptFolder(_ path: String) -> Bool {
        !TranscriptSuite.files([path]).isEmpty && PersonaSuite.files([path]).isEmpty
    }
}
