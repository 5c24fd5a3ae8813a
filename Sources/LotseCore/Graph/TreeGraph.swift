import Foundation

/// Draws a decision tree as Graphviz DOT or Mermaid, so staff can see its shape. Labels are in
/// one language; edges carry the branch conditions as written.
public enum TreeGraph {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    struct Edge { var from: String; var to: String; var label: String }
    struct Box { var id: String; var label: String; var shape: Shape }
    enum Shape { case question, decision, information, referral }

    public static func render(_ tree: CompiledTree, in ruleSet: RuleSet, language: String, format: Format) -> String {
        let (boxes, edges) = layout(tree.definition, ruleSet, language)
        switch format {
        case .dot: return dot(tree.definition, boxes, edges, ruleSet, language)
        case .mermaid: return mermaid(boxes, edges)
        }
    }

    private static func layout(_ tree: Tree, _ rs: RuleSet, _ lang: String) -> ([Box], [Edge]) {
        let fallback = rs.defaultLanguage
        var boxes: [Box] = []
        var edges: [Edge] = []
        func route(_ id: String, _ r: Route) {
            if let n = r.next { edges.append(Edge(from: id, to: n.value, label: "")) }
            for b in r.branches { edges.append(Edge(from: id, to: b.goto.value, label: b.condition.text)) }
            if let o = r.otherwise { edges.append(Edge(from: id, to: o.value, label: "otherwise")) }
        }
        for node in tree.nodes {
            let id = node.id.value
            switch node.kind {
            case .ask(let fact, let r):
                let question = rs.facts.index[fact.value].map { rs.facts.facts[$0].question.text(in: lang, fallback: fallback) } ?? fact.value
                boxes.append(Box(id: id, label: "\(id)\n? \(shorten(question))\n[\(fact.value)]", shape: .question))
                route(id, r)
            case .decide(let r):
                boxes.append(Box(id: id, label: id, shape: .decision))
                route(id, r)
            case .say(let text, let next):
                boxes.append(Box(id: id, label: "\(id)\n\(shorten(text.text(in: lang, fallback: fallback)))", shape: .information))
                if let n = next { edges.append(Edge(from: id, to: n.value, label: "")) }
            case .refer(let offers, _):
                let names = offers.map { ref in
                    rs.offerIndex[ref.value].map { rs.offers[$0].definition.name.text(in: lang, fallback: fallback) } ?? ref.value
                }
                boxes.append(Box(id: id, label: "\(id)\n→ " + names.map { shorten($0) }.joined(separator: "\n→ "), shape: .referral))
            }
        }
        return (boxes, edges)
    }

    static func shorten(_ s: String, limit: Int = 48) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    private static func dot(_ tree: Tree, _ boxes: [Box], _ edges: [Edge], _ rs: RuleSet, _ lang: String) -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        var out = "digraph \(q(tree.id.value)) {\n"
        out += "  label=\(q(tree.title.text(in: lang, fallback: rs.defaultLanguage)));\n  labelloc=t;\n"
        out += "  node [fontname=\"DejaVu Sans\", fontsize=10];\n  edge [fontname=\"DejaVu Sans\", fontsize=9];\n"
        out += "  \"__start\" [shape=point];\n  \"__start\" -> \(q(tree.start.value));\n"
        for b in boxes {
            let style: String
            switch b.shape {
            case .question: style = "shape=box, style=rounded"
            case .decision: style = "shape=diamond"
            case .information: style = "shape=note"
            case .referral: style = "shape=box, style=\"filled,bold\", fillcolor=\"#e8f4e8\""
            }
            out += "  \(q(b.id)) [label=\(q(b.label)), \(style)];\n"
        }
        for e in edges {
            out += "  \(q(e.from)) -> \(q(e.to))" + (e.label.isEmpty ? "" : " [label=\(q(e.label))]") + ";\n"
        }
        return out + "}\n"
    }

    private static func mermaid(_ boxes: [Box], _ edges: [Edge]) -> String {
        // Mermaid reserves words such as "end"; a prefix keeps every id safe.
        func id(_ s: String) -> String { "n_" + s }
        func label(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: "<br/>") + "\""
        }
        var out = "flowchart TD\n"
        for b in boxes {
            switch b.shape {
            case .question: out += "  \(id(b.id))(\(label(b.label)))\n"
            case .decision: out += "  \(id(b.id)){\(label(b.label))}\n"
            case .information: out += "  \(id(b.id))[/\(label(b.label))/]\n"
            case .referral: out += "  \(id(b.id))[[\(label(b.label))]]\n"
            }
        }
        for e in edges {
            out += e.label.isEmpty ? "  \(id(e.from)) --> \(id(e.to))\n" : "  \(id(e.from)) -->|\(label(e.label))| \(id(e.to))\n"
        }
        return out
    }
}
