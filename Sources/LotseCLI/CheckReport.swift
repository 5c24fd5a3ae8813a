import Foundation
import LotseCore

/// How `lotse check` prints its findings: `file:line:column: severity: message` lines and a
/// summary, or one JSON document for tools.
public enum CheckReport {
    public static func text(_ result: CompileResult, language l: ToolLanguage) -> String {
        var lines = result.diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.problem.message(l))" }
        let s = result.statistics
        if !s.languages.isEmpty {
            let figures = s.languages.map { "\($0) \(percent(s.coverage($0), l))" }.joined(separator: ", ")
            lines.append(l == .de ? "Übersetzungen: \(figures)" : "translations: \(figures)")
        }
        let unverified = unverifiedContacts(result)
        if !unverified.isEmpty {
            let ids = unverified.joined(separator: ", ")
            lines.append(l == .de ? "nicht bestätigte Kontakte (verified: false; Neuankömmlinge sehen dazu einen Hinweis): \(ids)"
                                  : "unverified contacts (verified: false; newcomers see a notice with them): \(ids)")
        }
        lines.append(summary(result, l))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func summary(_ result: CompileResult, _ l: ToolLanguage) -> String {
        let s = result.statistics
        let e = result.errorCount, w = result.warningCount
        if l == .de {
            return "\(s.files) \(s.files == 1 ? "Datei" : "Dateien"), \(s.facts) Fakten, \(s.nodes) Knoten, \(s.offers) Angebote, "
                + "\(s.languages.count) Sprachen: \(e) Fehler, \(w) \(w == 1 ? "Warnung" : "Warnungen")"
        }
        return "\(s.files) \(s.files == 1 ? "file" : "files"), \(s.facts) facts, \(s.nodes) nodes, \(s.offers) offers, "
            + "\(s.languages.count) languages: \(e) \(e == 1 ? "error" : "errors"), \(w) \(w == 1 ? "warning" : "warnings")"
    }

    /// The contacts in force (after every layer's overrides) whose data no source confirms.
    static func unverifiedContacts(_ result: CompileResult) -> [String] {
        (result.ruleSet?.contacts ?? []).filter { !$0.verified }.map(\.id.value).sorted()
    }

    static func percent(_ value: Double, _ l: ToolLanguage) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return (l == .de ? text.replacingOccurrences(of: ".", with: ",") : text) + " %"
    }

    public static func json(_ result: CompileResult, language l: ToolLanguage) -> String {
        struct Entry: Encodable {
            var file: String, line: Int, column: Int, severity: String, code: String, message: String
        }
        struct Summary: Encodable {
            var files: Int, facts: Int, trees: Int, nodes: Int, offers: Int, contacts: Int
            var languages: [String], errors: Int, warnings: Int, coverage: [String: Double]
            var unverifiedContacts: [String]
            enum CodingKeys: String, CodingKey {
                case files, facts, trees, nodes, offers, contacts, languages, errors, warnings, coverage
                case unverifiedContacts = "unverified_contacts"
            }
        }
        struct Report: Encodable { var diagnostics: [Entry]; var summary: Summary; var version: String? }
        let s = result.statistics
        let report = Report(
            diagnostics: result.diagnostics.map {
                Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                      severity: $0.severity.rawValue, code: $0.problem.code, message: $0.problem.message(l))
            },
            summary: Summary(files: s.files, facts: s.facts, trees: s.trees, nodes: s.nodes, offers: s.offers, contacts: s.contacts,
                             languages: s.languages, errors: result.errorCount, warnings: result.warningCount,
                             coverage: Dictionary(uniqueKeysWithValues: s.languages.map { ($0, s.coverage($0)) }),
                             unverifiedContacts: unverifiedContacts(result)),
            version: result.ruleSet?.version)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? String(data: encoder.encode(report), encoding: .utf8) ?? "{}") ?? "{}"
    }
}
