/// Which nodes, branches and offers of each topic the transcripts reach — and which they do
/// not, with the rule file line, so staff see which paths no conversation tests.
public struct Coverage: Sendable {
    public struct Topic: Sendable {
        public var id: String
        public var nodes: (reached: Int, total: Int)
        public var branches: (reached: Int, total: Int)
        public var offers: (reached: Int, total: Int)
        /// "file:line: what" for everything not reached.
        public var unreached: [String]
    }

    public var topics: [Topic] = []

    public init(rules: RuleSet, trace: Trace) {
        for (t, tree) in rules.trees.enumerated() {
            var topic = Topic(id: tree.id, nodes: (0, 0), branches: (0, 0), offers: (0, 0), unreached: [])
            var offersHere: [Int: (reached: Bool, location: SourceLocation)] = [:]
            for (n, node) in tree.nodes.enumerated() {
                let visited = trace.nodes.contains(Trace.NodeRef(tree: t, node: n))
                topic.nodes.total += 1
                if visited { topic.nodes.reached += 1 } else { topic.unreached.append("\(node.location): node '\(node.id)'") }
                let definition = tree.definition.nodes[n]
                switch node.kind {
                case .ask(_, let route), .decide(let route):
                    guard route.next == nil else { break }
                    let routeDef: Route? = {
                        switch definition.kind {
                        case .ask(_, let r), .decide(let r): r
                        default: nil
                        }
                    }()
                    for (i, _) in route.branches.enumerated() {
                        topic.branches.total += 1
                        if trace.edges.contains(Trace.EdgeRef(tree: t, node: n, edge: i)) { topic.branches.reached += 1 } else {
                            let at = routeDef?.branches[i].condition.location ?? node.location
                            topic.unreached.append("\(at): branch \(i + 1) of '\(node.id)' (\(routeDef?.branches[i].condition.text ?? ""))")
                        }
                    }
                    if route.otherwise != nil {
                        topic.branches.total += 1
                        if trace.edges.contains(Trace.EdgeRef(tree: t, node: n, edge: CompiledRoute.Edge.otherwise)) {
                            topic.branches.reached += 1
                        } else {
                            let at = routeDef?.otherwise?.location ?? node.location
                            topic.unreached.append("\(at): 'otherwise' of '\(node.id)'")
                        }
                    }
                case .refer(let offers, _):
                    for o in offers {
                        let previous = offersHere[o]?.reached ?? false
                        offersHere[o] = (previous || visited, rules.offers[o].definition.id.location)
                    }
                case .say: break
                }
            }
            for (o, state) in offersHere.sorted(by: { $0.key < $1.key }) {
                topic.offers.total += 1
                if state.reached { topic.offers.reached += 1 } else { topic.unreached.append("\(state.location): offer '\(rules.offers[o].id)'") }
            }
            topics.append(topic)
        }
    }

    public var totals: (nodes: (Int, Int), branches: (Int, Int), offers: (Int, Int)) {
        topics.reduce(((0, 0), (0, 0), (0, 0))) { acc, t in
            ((acc.0.0 + t.nodes.reached, acc.0.1 + t.nodes.total),
             (acc.1.0 + t.branches.reached, acc.1.1 + t.branches.total),
             (acc.2.0 + t.offers.reached, acc.2.1 + t.offers.total))
        }
    }

    public static func percent(_ pair: (Int, Int)) -> String {
        guard pair.1 > 0 else { return "100 %" }
        let value = (Double(pair.0) * 1000 / Double(pair.1)).rounded(.down) / 10
        return (value == value.rounded() ? String(Int(value)) : String(value)) + " %"
    }

    public func report() -> String {
        var lines: [String] = []
        for t in topics {
            lines.append("\(t.id): nodes \(Self.percent(t.nodes)) (\(t.nodes.reached)/\(t.nodes.total)), "
                + "branches \(Self.percent(t.branches)) (\(t.branches.reached)/\(t.branches.total)), "
                + "offers \(Self.percent(t.offers)) (\(t.offers.reached)/\(t.offers.total))")
            lines += t.unreached.map { "  not reached: \($0)" }
        }
        let s = totals
        lines.append("coverage: nodes \(Self.percent(s.nodes)) (\(s.nodes.0)/\(s.nodes.1)), branches \(Self.percent(s.branches)) "
            + "(\(s.branches.0)/\(s.branches.1)), offers \(Self.percent(s.offers)) (\(s.offers.0)/\(s.offers.1))")
        return lines.joined(separator: "\n")
    }
}
