import ArgumentParser
import Foundation
import LotseCore

/// `lotse test`: runs the eligibility personas against the rules (transcripts come next).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run eligibility tests (personas in rules/tests/*.yaml); prints 'N passed, N failed', exit 1 on failure.")

    @Argument(help: "Test files or folders (default: the tests folder of the rules).")
    var paths: [String] = []

    @Option(help: "The rules folder (with lotse.yaml).")
    var rules = "rules"

    @Option(help: "Language of the messages: de or en (default: from LANG).")
    var lang: ToolLanguageOption?

    func run() throws {
        let language = lang?.value ?? RuleLoading.environmentLanguage
        // Review dates do not matter for tests; the personas carry their own dates.
        let ruleSet = try RuleLoading.ruleSet(rules, today: try Today.day(nil), language: language)
        let files = PersonaSuite.files(paths.isEmpty ? [RuleDirectory.join(rules, "tests")] : paths)
        let report = PersonaSuite.run(files: files, rules: ruleSet, language: language)
        for line in report.lines { print(line) }
        print("\(report.passed) passed, \(report.failed) failed")
        if report.failed > 0 { throw ExitCode(1) }
    }
}
