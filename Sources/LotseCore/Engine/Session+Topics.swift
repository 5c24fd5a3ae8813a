/// Walking a topic's tree: known facts pass through, questions stop, leaves give the result.
extension Session {
    mutating func startTopic(_ tree: Int, showIntro: Bool = true) -> [Event] {
        lastTopic = tree
        var events: [Event] = []
        if showIntro, let intro = text(rules.trees[tree].definition.intro) { events.append(.say(intro)) }
        return events + walk(tree, from: rules.trees[tree].start)
    }

    mutating func continueTopic(_ tree: Int, from node: Int) -> [Event] {
        guard case .ask(_, let route) = rules.trees[tree].nodes[node].kind,
              let next = follow(route, tree: tree, node: node) else { return finishTopic() }
        return walk(tree, from: next)
    }

    /// The next node, recording the way taken when tracing.
    private mutating func follow(_ route: CompiledRoute, tree: Int, node: Int) -> Int? {
        guard let (target, edge) = route.choose(facts, today: today) else { return nil }
        trace?.edges.insert(Trace.EdgeRef(tree: tree, node: node, edge: edge))
        return target
    }

    private mutating func walk(_ tree: Int, from start: Int) -> [Event] {
        let nodes = rules.trees[tree].nodes
        var events: [Event] = []
        var current = start
        // The checker rejects cycles; the bound only guards against rules loaded without it.
        for _ in 0...nodes.count {
            trace?.nodes.insert(Trace.NodeRef(tree: tree, node: current))
            switch nodes[current].kind {
            case .ask(let fact, let route):
                if !answered[fact] {
                    stage = .question(tree: tree, node: current)
                    return events + [.ask(factPrompt(fact))]
                }
                guard let next = follow(route, tree: tree, node: current) else { return events + finishTopic() }
                current = next
            case .decide(let route):
                guard let next = follow(route, tree: tree, node: current) else { return events + finishTopic() }
                current = next
            case .say(let t, let next):
                events.append(.say(text(t) ?? ""))
                guard let next else { return events + finishTopic() }
                current = next
            case .refer(let offers, let intro):
                events.append(.refer(referral(tree, offers, intro: text(intro))))
                return events + finishTopic()
            }
        }
        return events + finishTopic()
    }

    private mutating func finishTopic() -> [Event] {
        stage = .menu
        return [.say(message(.topic_done)), .ask(prompt(for: .menu))]
    }

    /// Evaluates the offers for this newcomer as of `today`.
    func referral(_ tree: Int, _ offers: [Int], intro: String?) -> Referral {
        var eligible: [OfferResult] = [], ask: [OfferResult] = [], notEligible: [String] = [], notEligibleIDs: [String] = []
        for index in offers {
            let offer = rules.offers[index]
            guard offer.definition.isValid(on: today) else { continue }
            let results = offer.conditions.map { $0.evaluate(facts, today: today) }
            let texts = phrases.offers[index]
            if results.contains(.no) {
                notEligible.append(texts.name)
                notEligibleIDs.append(offer.id)
                continue
            }
            var reasons: [String] = []
            for (reason, result) in zip(texts.reasons, results) where result == .yes {
                if let reason { reasons.append(reason) }
            }
            var open: [String] = [], openFacts: [String] = []
            for (condition, result) in zip(offer.conditions, results) where result == .unknown {
                for f in condition.factsRead.sorted() where facts[f] == nil {
                    let q = phrases.facts[f].text
                    if !open.contains(q) {
                        open.append(q)
                        openFacts.append(rules.facts.facts[f].id.value)
                    }
                }
            }
            let result = OfferResult(id: offer.id, name: texts.name, summary: texts.summary, reasons: reasons,
                                     openQuestions: open, openFacts: openFacts, steps: texts.steps, bring: texts.bring, contacts: texts.contacts,
                                     note: texts.note, basis: offer.definition.basis, checked: offer.definition.checked)
            if results.contains(.unknown) { ask.append(result) } else { eligible.append(result) }
        }
        return Referral(topic: rules.trees[tree].id, intro: intro, eligible: eligible, askCounsellor: ask,
                        notEligible: notEligible, notEligibleIDs: notEligibleIDs, disclaimer: message(.disclaimer), asOf: today)
    }
}
