import ArgumentParser
import Foundation
import LotseCore

/// `lotse check [DIR]`: what staff run after every edit.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a deployment (a rules folder or a deployment file) and report every problem as file:line:column (exit 1 on errors).")

    @Argument(help: RuleLoading.rulesHelp)
    var rules = "rules"

    @Option(help: "Language of the messages: de or en (default: from LANG).")
    var lang: ToolLanguageOption?

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @Option(help: "Check review dates as of this day (YYYY-MM-DD; default: today).")
    var date: String?

    func run() throws {
        let result = RuleDirectory.load(rules, today: try Today.day(date))
        let language = lang?.value ?? RuleLoading.environmentLanguage
        switch format {
        case .text: print(CheckReport.text(result, language: language), terminator: "")
        case .json: print(CheckReport.json(result, language: language))
        }
        if result.errorCount > 0 { throw ExitCode(1) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct ToolLanguageOption: ExpressibleByArgument {
    let value: ToolLanguage

    init?(argument: String) {
        guard let v = ToolLanguage(rawValue: argument.lowercased()) else { return nil }
        value = v
    }

    static var allValueStrings: [String] { ToolLanguage.allCases.map(\.rawValue) }
}
