/// The checks that need a whole tree: what cannot be reached, what loops, where a path stops
/// without a referral or information, and which branch can never be taken.
struct TreeAnalysis {
    let table: FactTable
    let today: Day
    var diagnostics: [Diagnostic] = []
    /// Offers referred by a node that can be reached.
    var referredOffers = Set<Int>()

    /// Above this many combinations of fact values a branch list is not enumerated.
    static let combinationLimit = 50_000

    init(table: FactTable, today: Day) {
        self.table = table
        self.today = today
    }

    mutating func analyse(_ tree: RuleSetCompiler.DraftTree) {
        guard let start = tree.start else { return }
        let reachable = reachableNodes(tree, from: start)
        for (i, node) in tree.nodes.enumerated() where !reachable.contains(i) && tree.nodeIndex[node.id] == i {
            diagnostics.append(.warning(.unreachableNode(node.id, tree: tree.definition.id.value), at: node.location))
        }
        findCycles(tree, from: start)
        for i in reachable.sorted() {
            let node = tree.nodes[i]
            switch node.kind {
            case .refer(let offers, _)?: referredOffers.formUnion(offers)
            case _ where !node.valid: break // its own errors are reported; guessing further would mislead
            case .ask(let fact, let route)?: analyseBranches(node, route, asked: fact, tree: tree)
            case .decide(let route)?: analyseBranches(node, route, asked: nil, tree: tree)
            default: break
            }
        }
    }

    private func reachableNodes(_ tree: RuleSetCompiler.DraftTree, from start: Int) -> Set<Int> {
        var seen: Set<Int> = [start]
        var stack = [start]
        while let n = stack.popLast() {
            for s in tree.nodes[n].successors where seen.insert(s).inserted { stack.append(s) }
        }
        return seen
    }

    /// Reports each cycle once, as the path from where it closes back to itself.
    private mutating func findCycles(_ tree: RuleSetCompiler.DraftTree, from start: Int) {
        enum Mark { case open, done }
        var marks: [Int: Mark] = [:]
        var path: [Int] = []
        // Iterative DFS: a tree of thousands of nodes must not exhaust the stack.
        var stack: [(node: Int, next: Int)] = [(start, 0)]
        marks[start] = .open
        path.append(start)
        while var top = stack.popLast() {
            let successors = tree.nodes[top.node].successors
            if top.next < successors.count {
                let s = successors[top.next]
                top.next += 1
                stack.append(top)
                switch marks[s] {
                case .open?:
                    let from = path.firstIndex(of: s) ?? 0
                    let names = path[from...].map { tree.nodes[$0].id } + [tree.nodes[s].id]
                    diagnostics.append(.error(.cycle(names), at: tree.nodes[top.node].location))
                case .done?: break
                case nil:
                    marks[s] = .open
                    path.append(s)
                    stack.append((s, 0))
                }
            } else {
                marks[top.node] = .done
                path.removeLast()
            }
        }
    }

    // MARK: Branches

    private mutating func analyseBranches(_ node: RuleSetCompiler.DraftNode, _ route: CompiledRoute, asked: Int?,
                                          tree: RuleSetCompiler.DraftTree) {
        guard route.next == nil, !route.branches.isEmpty else { return }
        var read = Set<Int>()
        for b in route.branches { read.formUnion(b.condition.factsRead) }
        if let asked, !read.contains(asked) {
            diagnostics.append(.warning(.askedFactUnused(fact: table.facts[asked].id.value, node: node.id), at: node.location))
        }
        if let asked { read.insert(asked) }
        let usesToday = route.branches.contains { $0.condition.readsToday }
        let domains = read.sorted().map { ($0, domain(of: $0, in: route.branches.map(\.condition))) }
        let days = usesToday ? dayPoints(route.branches.map(\.condition)) : [today]
        let combinations = domains.reduce(days.count) { $0.multipliedReportingOverflow(by: $1.1.count).partialValue }
        guard combinations <= Self.combinationLimit, combinations > 0 else {
            diagnostics.append(.warning(.branchAnalysisSkipped(node: node.id, combinations: combinations), at: node.location))
            return
        }
        let n = route.branches.count
        var canBeTaken = Array(repeating: false, count: n)
        var shadowers = Array(repeating: Set<Int>(), count: n)
        var uncovered: (FactValues, Day)?
        var facts = FactValues(count: table.facts.count)
        var counters = Array(repeating: 0, count: domains.count)
        var dayIndex = 0
        while true {
            for (k, (fact, values)) in domains.enumerated() { facts[fact] = values[counters[k]] }
            let day = days[dayIndex]
            var firstTrue: Int?
            var trueSoFar: [Int] = []
            for (i, b) in route.branches.enumerated() where b.condition.evaluate(facts, today: day) == .yes {
                if firstTrue == nil { firstTrue = i; canBeTaken[i] = true } else { shadowers[i].formUnion(trueSoFar) }
                trueSoFar.append(i)
            }
            if firstTrue == nil, uncovered == nil { uncovered = (facts, day) }
            // Next combination (odometer).
            var k = 0
            while k < counters.count {
                counters[k] += 1
                if counters[k] < domains[k].1.count { break }
                counters[k] = 0
                k += 1
            }
            if k == counters.count {
                dayIndex += 1
                if dayIndex == days.count { break }
            }
        }
        for i in 0..<n where !canBeTaken[i] {
            diagnostics.append(.warning(.branchNeverTaken(index: i + 1, node: node.id, shadowedBy: shadowers[i].sorted().map { $0 + 1 }),
                                        at: node.location))
        }
        if route.otherwise == nil, let (facts, day) = uncovered {
            diagnostics.append(.error(.deadEnd(node: node.id, example: describe(facts, read: read.sorted(), day: usesToday ? day : nil)),
                                      at: node.location))
        }
    }

    /// The values worth trying for a fact: every option, yes and no, or numbers on each side of
    /// every constant the conditions compare it with; always also "unknown".
    private func domain(of fact: Int, in conditions: [Condition]) -> [FactValue?] {
        switch table.facts[fact].kind {
        case .yesNo: return [.bool(true), .bool(false), nil]
        case .choice(let options): return options.indices.map { .choice($0) } + [nil]
        case .number(let spec):
            var constants = Set<Double>()
            for c in conditions { c.collectConstants(of: fact, into: &constants) }
            let sorted = constants.sorted()
            var points = Set<Double>()
            for (i, c) in sorted.enumerated() {
                points.insert(c)
                points.insert(i + 1 < sorted.count ? (c + sorted[i + 1]) / 2 : c + 1)
                if i == 0 { points.insert(c - 1) }
            }
            // Compared with another fact, a single sample could never make "a < b" true.
            let base = spec.min ?? 0
            if sorted.isEmpty { points.insert(base) }
            if conditions.contains(where: { $0.comparesFacts(fact) }) { points.formUnion([base, base + 1, base + 2]) }
            let inRange = points.filter { p in (spec.min.map { p >= $0 } ?? true) && (spec.max.map { p <= $0 } ?? true) }
            return inRange.sorted().map { .number($0) } + [nil]
        }
    }

    private func dayPoints(_ conditions: [Condition]) -> [Day] {
        var days = Set<Day>()
        for c in conditions { c.collectDates(into: &days) }
        var points = Set<Day>()
        for d in days { points.formUnion([d.adding(days: -1), d, d.adding(days: 1)]) }
        return points.isEmpty ? [today] : points.sorted()
    }

    private func describe(_ facts: FactValues, read: [Int], day: Day?) -> String {
        var parts = read.map { i -> String in
            let f = table.facts[i]
            switch facts[i] {
            case nil: return "\(f.id.value) = ?"
            case .bool(let b)?: return "\(f.id.value) = \(b)"
            case .number(let n)?: return "\(f.id.value) = \(n.compact)"
            case .choice(let o)?: return "\(f.id.value) = \(f.options[o].value.value)"
            }
        }
        if let day { parts.append("today = \(day)") }
        return parts.joined(separator: ", ")
    }
}

extension Condition {
    /// Whether the fact is compared with another fact somewhere in this condition.
    func comparesFacts(_ fact: Int) -> Bool {
        switch self {
        case .not(let c): c.comparesFacts(fact)
        case .and(let a, let b), .or(let a, let b): a.comparesFacts(fact) || b.comparesFacts(fact)
        case .compare(.fact(let x), _, .fact(let y)): x == fact || y == fact
        default: false
        }
    }

    func collectConstants(of fact: Int, into out: inout Set<Double>) {
        switch self {
        case .not(let c): c.collectConstants(of: fact, into: &out)
        case .and(let a, let b), .or(let a, let b):
            a.collectConstants(of: fact, into: &out)
            b.collectConstants(of: fact, into: &out)
        case .compare(.fact(fact), _, .number(let n)), .compare(.number(let n), _, .fact(fact)): out.insert(n)
        default: break
        }
    }

    func collectDates(into out: inout Set<Day>) {
        switch self {
        case .not(let c): c.collectDates(into: &out)
        case .and(let a, let b), .or(let a, let b):
            a.collectDates(into: &out)
            b.collectDates(into: &out)
        case .compare(.date(let d), _, _), .compare(_, _, .date(let d)): out.insert(d)
        default: break
        }
    }
}
