/// Turns parsed rule files into a checked `RuleSet`, collecting every problem on the way rather
/// than stopping at the first, so staff see all of them after one run.
public struct RuleSetCompiler {
    /// - Parameters:
    ///   - today: the date review deadlines are measured against (the core has no clock).
    ///   - version: an identifier of this edition, e.g. a hash of the file contents.
    ///   - priorDiagnostics: problems the loader already found; any error among them withholds the rule set.
    public static func compile(deployment: Deployment, layers: [Layer], today: Day, version: String,
                               priorDiagnostics: [Diagnostic] = []) -> CompileResult {
        var compiler = RuleSetCompiler(deployment: deployment, today: today)
        compiler.diagnostics = priorDiagnostics
        return compiler.run(layers, version: version)
    }

    let deployment: Deployment
    let today: Day
    var diagnostics: [Diagnostic] = []

    private init(deployment: Deployment, today: Day) {
        self.deployment = deployment
        self.today = today
    }

    private mutating func run(_ layers: [Layer], version: String) -> CompileResult {
        var composer = LayerComposer()
        let facts = composer.compose(.fact, layers, \.facts, id: \.id)
        let trees = composer.compose(.tree, layers, \.trees, id: \.id)
        let offers = composer.compose(.offer, layers, \.offers, id: \.id)
        let contacts = composer.compose(.contact, layers, \.contacts, id: \.id)
        let menu = composer.menu(layers)
        let messages = composer.merge(.messageKey, layers, \.messages, location: \.location)
        let vocabulary = composer.merge(.wordKey, layers, \.vocabulary, location: \.location)
        diagnostics += composer.diagnostics

        let table = FactTable(facts)
        let offerIndex = Self.index(offers.map(\.id.value))
        let contactIndex = Self.index(contacts.map(\.id.value))
        let treeIndex = Self.index(trees.map(\.id.value))

        let compiledTrees = trees.map { compileTree($0, table, offerIndex) }
        let compiledOffers = offers.map { compileOffer($0, table, contactIndex) }
        let compiledMenu = compileMenu(menu, treeIndex, contactIndex)
        for key in MessageKey.allCases where messages[key] == nil {
            diagnostics.append(.error(.missingMessage(key.rawValue), at: deployment.location))
        }
        for key in WordKey.allCases where vocabulary[key] == nil {
            diagnostics.append(.error(.missingWords(key.rawValue), at: deployment.location))
        }

        var analysis = TreeAnalysis(table: table, today: today)
        for tree in compiledTrees { analysis.analyse(tree) }
        diagnostics += analysis.diagnostics
        let reached = analysis.referredOffers
        for offer in offers where !reached.contains(offerIndex[offer.id.value] ?? -1) {
            diagnostics.append(.warning(.offerNotReached(offer.id.value), at: offer.id.location))
        }
        if let compiledMenu {
            let inMenu = Set(compiledMenu.topics)
            for (i, tree) in trees.enumerated() where !inMenu.contains(i) {
                diagnostics.append(.warning(.treeNotInMenu(tree.id.value), at: tree.id.location))
            }
        }

        var coverage = TranslationCoverage(languages: deployment.languages.map(\.value.code))
        coverage.visit(deployment: deployment, facts: facts, trees: trees, offers: offers, contacts: contacts,
                       messages: messages, vocabulary: vocabulary)
        diagnostics += coverage.diagnostics

        var stats = Statistics()
        stats.files = layers.reduce(1) { $0 + $1.files.count }
        stats.facts = facts.count
        stats.trees = trees.count
        stats.nodes = trees.reduce(0) { $0 + $1.nodes.count }
        stats.offers = offers.count
        stats.contacts = contacts.count
        stats.languages = deployment.languages.map(\.value.code)
        stats.translatable = coverage.translatable
        stats.translated = coverage.translated

        let hasErrors = diagnostics.contains { $0.severity == .error }
        var ruleSet: RuleSet?
        if !hasErrors, let compiledMenu, let finished = Self.finish(compiledTrees) {
            let built = RuleSet(deployment: deployment, facts: table, trees: finished, offers: compiledOffers.compactMap { $0 },
                                contacts: contacts, menu: compiledMenu, messages: messages, vocabulary: vocabulary, version: version)
            diagnostics += CommandShadowing(built).diagnostics
            ruleSet = built
        }
        diagnostics.sort { ($0.location, $0.problem.code) < ($1.location, $1.problem.code) }
        return CompileResult(ruleSet: ruleSet, diagnostics: diagnostics, statistics: stats)
    }

    static func index(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private mutating func resolve(_ ref: Located<String>, _ kind: ItemKind, in index: [String: Int]) -> Int? {
        if let i = index[ref.value] { return i }
        let suggestion = Suggestions.closest(to: ref.value, in: index.keys.sorted())
        diagnostics.append(.error(.undefinedReference(kind, ref.value, suggestion: suggestion), at: ref.location))
        return nil
    }

    private mutating func condition(_ source: ConditionSource, _ table: FactTable) -> Condition? {
        do {
            return try table.compile(source.text)
        } catch {
            diagnostics.append(.error(.condition(error.problem), at: source.location(ofOffset: error.offset)))
            return nil
        }
    }

    // MARK: Trees

    /// A tree whose references may be unresolved: analyses still run on what resolved.
    struct DraftTree {
        var definition: Tree
        var start: Int?
        var nodes: [DraftNode]
        var nodeIndex: [String: Int]
    }

    struct DraftNode {
        var id: String
        var location: SourceLocation
        var kind: CompiledNode.Kind?
        var successors: [Int]
        var valid: Bool
    }

    private mutating func compileTree(_ tree: Tree, _ table: FactTable, _ offerIndex: [String: Int]) -> DraftTree {
        var nodeIndex: [String: Int] = [:]
        for (i, node) in tree.nodes.enumerated() {
            if let first = nodeIndex[node.id.value] {
                diagnostics.append(.error(.duplicateID(.node, node.id.value, first: tree.nodes[first].id.location), at: node.id.location))
            } else {
                nodeIndex[node.id.value] = i
            }
        }
        let start = resolve(tree.start, .node, in: nodeIndex)
        let nodes = tree.nodes.map { compileNode($0, table, nodeIndex, offerIndex) }
        return DraftTree(definition: tree, start: start, nodes: nodes, nodeIndex: nodeIndex)
    }

    private mutating func compileNode(_ node: TreeNode, _ table: FactTable, _ nodeIndex: [String: Int],
                                      _ offerIndex: [String: Int]) -> DraftNode {
        var valid = true
        // Targets of branches whose condition failed still count for reachability, so one
        // typo in a condition does not also report the nodes behind it as unreachable.
        var orphanedTargets: [Int] = []
        func target(_ ref: Located<String>?, _ me: inout RuleSetCompiler) -> Int? {
            guard let ref else { return nil }
            let r = me.resolve(ref, .node, in: nodeIndex)
            if r == nil { valid = false }
            return r
        }
        func route(_ r: Route, _ me: inout RuleSetCompiler) -> CompiledRoute {
            let next = target(r.next, &me)
            var branches: [CompiledBranch] = []
            for b in r.branches {
                let c = me.condition(b.condition, table)
                let t = target(b.goto, &me)
                if let c, let t { branches.append(CompiledBranch(condition: c, target: t)) } else { valid = false }
                if c == nil, let t { orphanedTargets.append(t) }
            }
            return CompiledRoute(next: next, branches: branches, otherwise: target(r.otherwise, &me))
        }
        let kind: CompiledNode.Kind?
        switch node.kind {
        case .ask(let fact, let r):
            let f = resolve(fact, .fact, in: table.index)
            let compiled = route(r, &self)
            if let f {
                kind = .ask(fact: f, compiled)
            } else {
                // Still a way on for reachability: one misspelt fact is one message, not a cascade.
                kind = nil
                valid = false
                orphanedTargets += compiled.targets
            }
        case .decide(let r):
            kind = .decide(route(r, &self))
        case .say(let text, let next):
            kind = .say(text, next: target(next, &self))
        case .refer(let refs, let say):
            let resolved = refs.compactMap { resolve($0, .offer, in: offerIndex) }
            if resolved.count != refs.count { valid = false }
            kind = .refer(resolved, say: say)
        }
        let successors = (kind?.successors ?? []) + orphanedTargets
        return DraftNode(id: node.id.value, location: node.id.location, kind: kind, successors: successors, valid: valid)
    }

    private static func finish(_ drafts: [DraftTree]) -> [CompiledTree]? {
        var out: [CompiledTree] = []
        for d in drafts {
            guard let start = d.start else { return nil }
            var nodes: [CompiledNode] = []
            for n in d.nodes {
                guard n.valid, let kind = n.kind else { return nil }
                nodes.append(CompiledNode(id: n.id, location: n.location, kind: kind))
            }
            out.append(CompiledTree(definition: d.definition, start: start, nodes: nodes, nodeIndex: d.nodeIndex))
        }
        return out
    }

    // MARK: Offers and menu

    private mutating func compileOffer(_ offer: Offer, _ table: FactTable, _ contactIndex: [String: Int]) -> CompiledOffer? {
        var ok = true
        var conditions: [Condition] = []
        for part in offer.eligibleIf {
            if let c = condition(part.condition, table) { conditions.append(c) } else { ok = false }
        }
        let contacts = offer.contacts.compactMap { resolve($0, .contact, in: contactIndex) }
        if contacts.count != offer.contacts.count { ok = false }
        if let from = offer.validFrom, let until = offer.validUntil, from > until {
            diagnostics.append(.error(.datesInverted(from: from, until: until), at: offer.id.location))
        }
        if offer.reviewBy.value < today {
            diagnostics.append(.warning(.reviewOverdue(id: offer.id.value, date: offer.reviewBy.value, today: today), at: offer.reviewBy.location))
        }
        return ok ? CompiledOffer(definition: offer, conditions: conditions, contacts: contacts) : nil
    }

    private mutating func compileMenu(_ menu: Menu?, _ treeIndex: [String: Int], _ contactIndex: [String: Int]) -> CompiledMenu? {
        guard let menu else {
            diagnostics.append(.error(.missingKey("menu"), at: deployment.location))
            return nil
        }
        let topics = menu.topics.compactMap { resolve($0, .tree, in: treeIndex) }
        let emergency = menu.emergencyContacts.compactMap { resolve($0, .contact, in: contactIndex) }
        let person = menu.personContacts.compactMap { resolve($0, .contact, in: contactIndex) }
        return CompiledMenu(topics: topics, emergencyContacts: emergency, personContacts: person)
    }
}
