/// Understanding an answer at the current stage.
extension Session {
    mutating func answer(_ input: String) -> [Event] {
        switch stage {
        case .language(let returnTo):
            switch AnswerMatcher.match(input, terms: rules.lexicon.languageTerms, optionCount: rules.languages.count) {
            case .option(let i):
                phrases = rules.phrasebook(rules.languages[i].code)
                let next = returnTo ?? .menu
                stage = next
                var events: [Event] = []
                if returnTo == nil { events.append(.say(message(.welcome))) }
                return events + [.ask(prompt(for: next))]
            default:
                return notUnderstood()
            }
        case .menu:
            let terms = rules.lexicon.topicTerms[language] ?? []
            switch AnswerMatcher.match(input, terms: terms, optionCount: rules.menu.topics.count, shortestWord: 2) {
            case .option(let i):
                return chooseTopic(i)
            case .ambiguous(let c):
                stage = .confirm(candidates: c, question: .menu)
                return [.ask(prompt(for: stage))]
            case .none:
                return notUnderstood()
            }
        case .question(let tree, let node):
            guard case .ask(let fact, _) = rules.trees[tree].nodes[node].kind else { return notUnderstood() }
            return answerFact(fact, input) { session in session.continueTopic(tree, from: node) }
        case .changing(let fact, let returnTo):
            return answerFact(fact, input) { session in
                if let topic = session.lastTopic { return session.startTopic(topic, showIntro: false) }
                session.stage = returnTo
                return [.ask(session.prompt(for: returnTo))]
            }
        case .confirm(let candidates, let question):
            if case .option(let i) = AnswerMatcher.match(input, terms: [], optionCount: candidates.count) {
                stage = question
                return choose(candidates[i], at: question)
            }
            // Not a number: try the answer again against the original question.
            stage = question
            return answer(input)
        case .pickChange(let list, let returnTo):
            let terms = list.enumerated().map { (TextNormalizer.normalize(phrases.facts[$1].text), $0) }
            guard case .option(let i) = AnswerMatcher.match(input, terms: terms, optionCount: list.count) else {
                return notUnderstood()
            }
            saveUndo()
            stage = .changing(fact: list[i], returnTo: returnTo)
            return [.ask(prompt(for: stage))]
        case .ended:
            return [.error(code: .finished, message: message(.bye))]
        }
    }

    /// A confirmed option (after "did you mean …?").
    private mutating func choose(_ option: Int, at question: Stage) -> [Event] {
        switch question {
        case .menu:
            return chooseTopic(option)
        default:
            guard let p = Optional(prompt(for: question)), let label = p.options.first(where: { $0.number == option + 1 }) else {
                return notUnderstood()
            }
            return answer(String(label.number))
        }
    }

    /// A topic picked from the menu (directly or after "did you mean …?").
    private mutating func chooseTopic(_ option: Int) -> [Event] {
        saveUndo()
        topicChoices += 1
        return startTopic(rules.menu.topics[option])
    }

    func notUnderstood() -> [Event] {
        [.error(code: .notUnderstood, message: message(.not_understood)), .ask(prompt(for: stage))]
    }

    /// Interprets an answer to a fact question; on success records it and calls `then`.
    private mutating func answerFact(_ fact: Int, _ input: String, then: (inout Session) -> [Event]) -> [Event] {
        let lexicon = rules.lexicon
        let value: FactValue?
        if lexicon.matches(input, lexicon.dontKnow, language: language) {
            value = nil
        } else {
            switch rules.facts.facts[fact].kind {
            case .yesNo:
                if lexicon.matches(input, lexicon.yes, language: language) || input == "1" {
                    value = .bool(true)
                } else if lexicon.matches(input, lexicon.no, language: language) || input == "2" {
                    value = .bool(false)
                } else if input == "3" {
                    value = nil
                } else {
                    switch AnswerMatcher.match(input, terms: lexicon.yesNoTerms[language] ?? [], optionCount: 0) {
                    case .option(0): value = .bool(true)
                    case .option(1): value = .bool(false)
                    case .option: value = nil
                    case .ambiguous(let c) where c.count > 1 && !c.contains(2):
                        stage = .confirm(candidates: c, question: stage)
                        return [.ask(prompt(for: stage))]
                    default: return notUnderstood()
                    }
                }
            case .choice(let options):
                switch AnswerMatcher.match(input, terms: lexicon.optionTerms[fact][language] ?? [], optionCount: options.count + 1) {
                case .option(let i): value = i < options.count ? .choice(i) : nil
                case .ambiguous(let c):
                    stage = .confirm(candidates: c, question: stage)
                    return [.ask(prompt(for: stage))]
                case .none: return notUnderstood()
                }
            case .number(let spec):
                guard let n = AnswerMatcher.number(in: input), !lexicon.mentionsOtherUnit(input, fact: fact, language: language) else {
                    return notUnderstood()
                }
                if let min = spec.min, n < min { return outOfRange() }
                if let max = spec.max, n > max { return outOfRange() }
                value = .number(n)
            }
        }
        saveUndo()
        facts[fact] = value
        answered[fact] = true
        return then(&self)
    }

    private func outOfRange() -> [Event] {
        [.error(code: .outOfRange, message: message(.not_understood)), .ask(prompt(for: stage))]
    }
}
