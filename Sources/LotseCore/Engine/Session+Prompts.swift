/// The question each stage shows, with its numbered options.
extension Session {
    func prompt(for stage: Stage) -> Prompt {
        switch stage {
        case .language:
            return rules.languagePrompt
        case .menu:
            return phrases.menu
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
                Prompt.Option(number: i + 1, label: "\(phrases.facts[f].text) → \(answerLabel(f))")
            }
            return Prompt(id: "change", kind: .change, text: message(.change_which), options: options)
        case .ended:
            return Prompt(id: "bye", kind: .topic, text: message(.bye), options: [])
        }
    }

    func factPrompt(_ index: Int) -> Prompt {
        phrases.facts[index]
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
        case .choice(let o)?: return phrases.facts[index].options[o].label
        }
    }
}
