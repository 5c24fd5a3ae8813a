import Foundation
import LotseCLI
import LotseCore
import Testing

/// `lotse graph`: pictures of the trees for staff, as Graphviz DOT or Mermaid.
@Suite struct GraphCommandTests {
    static let dot = URL(fileURLWithPath: "/usr/bin/dot")

    static func example() throws -> RuleSet {
        try #require(RuleDirectory.load(LotseProcess.exampleRules.path, today: Day(iso: "2026-11-23")!).ruleSet)
    }

    @Test func dotRendersToAPNG() throws {
        let out = try LotseProcess.run(["graph", "--rules", "docs/example-rules", "--format", "dot"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.text.hasPrefix("digraph \"deutsch_lernen\" {"))
        guard FileManager.default.isExecutableFile(atPath: Self.dot.path) else {
            Issue.record("Graphviz is not installed (/usr/bin/dot missing), so the DOT output could not be rendered; CI installs it (apt-get install graphviz)")
            return
        }
        let png = try LotseProcess.launch(Self.dot, ["-Tpng"], input: out.stdout)
        #expect(png.status == 0, "dot -Tpng failed: \(png.stderr)")
        #expect(png.stderr.isEmpty, "dot warned: \(png.stderr)")
        #expect(Array(png.stdout.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG")
        #expect(png.stdout.count > 1_000)
    }

    @Test func dotHasAnEdgeForEveryBranch() throws {
        let out = try LotseProcess.run(["graph", "--rules", "docs/example-rules", "--format", "dot"])
        let ruleSet = try Self.example()
        var expected = 0
        for tree in ruleSet.trees {
            #expect(out.text.contains("\"__start\" -> \"\(tree.definition.start.value)\";"))
            for node in tree.definition.nodes {
                guard case .ask(_, let route) = node.kind, !route.branches.isEmpty else {
                    if case .decide(let route) = node.kind {
                        for b in route.branches {
                            expected += 1
                            #expect(out.text.contains("\"\(node.id.value)\" -> \"\(b.goto.value)\" [label=\"\(b.condition.text)\"];"))
                        }
                    }
                    continue
                }
                for b in route.branches {
                    expected += 1
                    #expect(out.text.contains("\"\(node.id.value)\" -> \"\(b.goto.value)\" [label=\"\(b.condition.text)\"];"))
                }
            }
        }
        #expect(expected == 4, "the example has four branches")
    }

    @Test func mermaidStartsWithFlowchartAndHasEveryEdge() throws {
        let out = try LotseProcess.run(["graph", "--rules", "docs/example-rules", "--format", "mermaid"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.lines.first == "flowchart TD")
        let ruleSet = try Self.example()
        var edges: [String] = []
        func label(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "#quot;") + "\"" }
        func add(_ from: String, _ route: Route) {
            if let n = route.next { edges.append("  n_\(from) --> n_\(n.value)") }
            for b in route.branches { edges.append("  n_\(from) -->|\(label(b.condition.text))| n_\(b.goto.value)") }
            if let o = route.otherwise { edges.append("  n_\(from) -->|\"otherwise\"| n_\(o.value)") }
        }
        var branches = 0
        for tree in ruleSet.trees {
            for node in tree.definition.nodes {
                switch node.kind {
                case .ask(_, let r), .decide(let r): add(node.id.value, r); branches += r.branches.count
                case .say(_, let next?): edges.append("  n_\(node.id.value) --> n_\(next.value)")
                default: break
                }
            }
        }
        #expect(branches == 4)
        for edge in edges {
            #expect(out.lines.contains(edge), "missing edge: \(edge)")
        }
        #expect(out.lines.filter { $0.contains("-->") }.count == edges.count, "no edges beyond the tree's")
    }

    @Test func mermaidLabelsInTheChosenLanguage() throws {
        let out = try LotseProcess.run(["graph", "--rules", "docs/example-rules", "--format", "mermaid", "--lang", "en"])
        #expect(out.status == 0)
        #expect(out.text.contains("? Which residence document do you have?"))
        let de = try LotseProcess.run(["graph", "--rules", "docs/example-rules", "--format", "mermaid"])
        #expect(de.text.contains("? Welches Aufenthaltspapier haben Sie?"), "the default language of the deployment")
    }

    @Test func unknownTopicIsRefused() throws {
        let out = try LotseProcess.run(["graph", "--rules", "docs/example-rules", "--topic", "deutsch"])
        #expect(out.status != 0)
        #expect(out.stderr.contains("unknown topic 'deutsch' (available: deutsch_lernen)"), "\(out.stderr)")
    }

    @Test func brokenRulesGiveNoGraphButTheReport() throws {
        let copy = try RulesCopy()
        try copy.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        let out = try LotseProcess.run(["graph", "--rules", copy.path])
        #expect(out.status == 1)
        #expect(out.text.isEmpty)
        #expect(out.stderr.contains("\(try copy.place(of: "jobcentre", in: "bund/offers.yaml")): error: undefined contact 'jobcentre'"), "\(out.stderr)")
    }
}
