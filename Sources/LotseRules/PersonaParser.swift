import LotseCore
import Yams

/// Reads `rules/tests/*.yaml`: personas and the outcomes staff expect for them.
public enum PersonaParser {
    public static let personaKeys = ["name", "as_of", "facts", "eligible", "not_eligible", "ask_counsellor", "reasons", "language", "note"]

    public static func parse(_ file: SourceFile) -> ([Persona], [Diagnostic]) {
        let root: Node
        switch YAMLDocument.compose(file) {
        case .failure(let d): return ([], [d])
        case .success(nil): return ([], [])
        case .success(let node?): root = node
        }
        var r = NodeReader(file: file.path, text: file.text)
        guard let top = r.fields(root, file.path, allowed: ["personas"], required: ["personas"]) else { return ([], r.diagnostics) }
        var personas: [Persona] = []
        var names: [String: SourceLocation] = [:]
        for node in r.list(top["personas"], "personas") {
            guard let f = r.fields(node, "personas", allowed: personaKeys, required: ["name", "as_of"]),
                  let name = r.scalar(f["name"], "name"), let asOf = r.date(f["as_of"], "as_of") else { continue }
            if let first = names[name.value] {
                r.diagnostics.append(.error(.duplicateID(.section, name.value, first: first), at: name.location))
            }
            names[name.value] = name.location
            var facts: [(fact: Located<String>, value: Located<String>)] = []
            if let factsNode = f["facts"] {
                if case .mapping(let mapping) = factsNode {
                    for (k, v) in mapping {
                        guard let fact = r.scalar(k, "facts"), let value = r.scalar(v, fact.value) else { continue }
                        facts.append((fact, value))
                    }
                } else {
                    r.error(.wrongKind(key: "facts", expected: .mapping), factsNode)
                }
            }
            var reasons: [(offer: Located<String>, text: String)] = []
            if let reasonsNode = f["reasons"] {
                if case .mapping(let mapping) = reasonsNode {
                    for (k, v) in mapping {
                        guard let offer = r.id(k, "reasons"), let text = r.string(v, offer.value) else { continue }
                        reasons.append((offer, text))
                    }
                } else {
                    r.error(.wrongKind(key: "reasons", expected: .mapping), reasonsNode)
                }
            }
            personas.append(Persona(name: name, asOf: asOf.value, facts: facts, eligible: r.idList(f["eligible"], "eligible"),
                                    notEligible: r.idList(f["not_eligible"], "not_eligible"),
                                    askCounsellor: r.idList(f["ask_counsellor"], "ask_counsellor"),
                                    reasons: reasons, language: r.string(f["language"], "language")))
        }
        return (personas, r.diagnostics)
    }
}
