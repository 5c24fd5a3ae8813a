import Foundation
import LotseCore
import LotseRules

/// Finds persona files and runs them, producing the report lines `lotse test` prints.
public enum PersonaSuite {
    public struct Report: Sendable {
        public var passed = 0
        public var failed = 0
        public var lines: [String] = []
    }

    /// The `*.yaml` files among `paths` (files, or folders searched recursively), sorted.
    public static func files(_ paths: [String]) -> [String] {
        RuleDirectory.files(paths, suffixes: RuleDirectory.yamlSuffixes, keepMissing: true)
    }

    public static func run(files: [String], rules: RuleSet, language l: ToolLanguage) -> Report {
        var report = Report()
        for path in files {
            guard let text = RuleDirectory.readText(path) else {
                report.failed += 1
                report.lines.append("\(path):1:1: error: " + Problem.fileUnreadable(path).message(l))
                continue
            }
            let (personas, diagnostics) = PersonaParser.parse(SourceFile(path: path, text: text))
            for d in diagnostics { report.lines.append("\(d.location): \(d.severity.rawValue): \(d.problem.message(l))") }
            if diagnostics.contains(where: { $0.severity == .error }) { report.failed += 1 }
            for persona in personas {
                let failures = PersonaRunner.run(persona, on: rules)
                if failures.isEmpty {
                    report.passed += 1
                } else {
                    report.failed += 1
                    for f in failures {
                        report.lines.append("\(f.location): " + l.pick("Persona", "persona") + " '\(persona.name.value)': " + f.message(l))
                    }
                }
            }
        }
        return report
    }
}
