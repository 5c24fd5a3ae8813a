/// The question each stage shows, with its numbered options.
extension Session {
    func prompt(for stage: Stage) -> Prompt {
        switch stage {
        case .language:
            // Before a language is chosen nobody knows which one the newcomer reads: ask in all.
            let texts = rules.languages.map { rules.messages[.choose_language]?.text(in: $0.code, fallback: $0.code) ?? "" }
            var seen = Set<String>()
            let text = texts.filter { seen.insert($0).inserted }.joined(separator: "\n")
            let options = rules.languages.enumerated().map { Prompt.Option(number: $0 + 1, label: $1.name) }
            return Prompt(id: "language", kind: .language, text: text, options: options)
        case .menu:
            let options = rules.menu.topics.enumerated().map { i, tree in
                Prompt.Option(number: i + 1, label: text(rules.trees[tree].definition.title) ?? rules.trees[tree].id)
            }
            return Prompt(id: "topic", kind: .topic, text: message(.choose_topic), options: options)
        case .question(let tree, let node):
            guard case .ask(let fact, _) = rules.trees[tree].nodes[node].kind else { return prompt(for: .menu) }
            return factPrompt(fact)
        case .changing(let fact, _):
            return factPrompt(fact)
        case .confirm(let candidates, let question):
            let base = prompt(for: question)
            let options = candidates.enumerated().map { i, c in
                Prompt.Option(number: i + 1, label: base.options.first { $0.number == c + 1 }?.label ?? "")
            }
            return Prompt(id: "confirm", kind: .confirm, text: message(.confirm), options: options)
        case .pickChange(let facts, _):
            let options = facts.enumerated().map { i, f in
                Prompt.Option(number: i + 1, label: "\(text(rules.facts.facts[f].question) ?? "") → \(answerLabel(f))")
            }
            return Prompt(id: "change", kind: .change, text: message(.change_which), options: options)
        case .ended:
            return Prompt(id: "bye", kind: .topic, text: message(.bye), options: [])
        }
    }

    func factPrompt(_ index: Int) -> Prompt {
        let fact = rules.facts.facts[index]
        let id = fact.id.value
        let dontKnow = message(.dont_know)
        switch fact.kind {
        case .choice(let options):
            var list = options.enumerated().map { Prompt.Option(number: $0 + 1, label: text($1.label) ?? $1.value.value) }
            list.append(Prompt.Option(number: options.count + 1, label: dontKnow))
            return Prompt(id: id, kind: .choice, text: text(fact.question) ?? id, help: text(fact.help), options: list)
        case .yesNo:
            let list = [Prompt.Option(number: 1, label: message(.yes)), Prompt.Option(number: 2, label: message(.no)),
                        Prompt.Option(number: 3, label: dontKnow)]
            return Prompt(id: id, kind: .yesno, text: text(fact.question) ?? id, help: text(fact.help), options: list)
        case .number(let spec):
            let unit = spec.unit?.words(in: language).first ?? spec.unit?.words(in: rules.defaultLanguage).first
            let range = (spec.min ?? -Double.greatestFiniteMagnitude)...(spec.max ?? Double.greatestFiniteMagnitude)
            return Prompt(id: id, kind: .number, text: text(fact.question) ?? id, help: text(fact.help),
                          options: [Prompt.Option(number: 0, label: dontKnow)], unit: unit,
                          range: spec.min == nil && spec.max == nil ? nil : range)
        }
    }

    /// How the newcomer's answer to a fact reads back, for the "change" list.
    func answerLabel(_ index: Int) -> String {
        let fact = rules.facts.facts[index]
        switch facts[index] {
        case nil: return message(.dont_know)
        case .bool(let b)?: return message(b ? .yes : .no)
        case .number(let n)?:
            let unit = { () -> String in
                if case .number(let spec) = fact.kind, let u = spec.unit?.words(in: language).first { return " " + u }
                return ""
            }()
            return n.compact + unit
        case .choice(let o)?: return text(fact.options[o].label) ?? fact.options[o].value.value
        }
    }
}
