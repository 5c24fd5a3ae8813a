import ArgumentParser
import Foundation
import LotseCore

/// What every door does first: load the rules, or print the checker's report to standard error
/// and exit 1.
enum RuleLoading {
    static let rulesHelp: ArgumentHelp = "The rules folder (its lotse.yaml) or a deployment file in it, e.g. rules/schleswig-flensburg.lotse.yaml."

    static var environmentLanguage: ToolLanguage { ToolLanguage(locale: ProcessInfo.processInfo.environment["LANG"]) }

    static func ruleSet(_ path: String, today: Day, language: ToolLanguage = environmentLanguage) throws -> RuleSet {
        let result = RuleDirectory.load(path, today: today)
        guard let ruleSet = result.ruleSet else {
            FileHandle.standardError.write(Data(CheckReport.text(result, language: language).utf8))
            throw ExitCode(1)
        }
        return ruleSet
    }
}
