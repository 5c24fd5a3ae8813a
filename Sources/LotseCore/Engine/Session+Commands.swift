/// The commands that work at every prompt.
extension Session {
    /// A command given directly (the socket protocol's JSON commands), not typed as a word.
    public mutating func respond(to command: Lexicon.Command) -> [Event] {
        guard stage != .ended else { return [.error(code: .finished, message: message(.bye))] }
        return perform(command)
    }

    /// Switches to a language by code at once, keeping every answer; nil if not offered.
    public mutating func switchLanguage(to code: String) -> [Event]? {
        guard rules.languages.contains(where: { $0.code == code }) else { return nil }
        phrases = rules.phrasebook(code)
        if case .language(let returnTo) = stage { stage = returnTo ?? .menu }
        return [.ask(prompt(for: stage))]
    }

    /// The wording of one of the engine's messages in the session's language.
    public func text(of key: MessageKey) -> String { message(key) }

    mutating func perform(_ command: Lexicon.Command) -> [Event] {
        switch command {
        case .emergency:
            return [.contacts(heading: message(.emergency_heading), cards(rules.menu.emergencyContacts)), .ask(prompt(for: stage))]
        case .person:
            return [.contacts(heading: message(.person_heading), cards(rules.menu.personContacts)), .ask(prompt(for: stage))]
        case .help:
            return [.say(message(.help)), .ask(prompt(for: stage))]
        case .quit:
            stage = .ended
            return [.bye(message(.bye))]
        case .restart:
            facts = FactValues(count: facts.values.count)
            answered = Array(repeating: false, count: answered.count)
            undo = []
            lastTopic = nil
            var events: [Event] = [.reset, .say(message(.restarted))]
            if rules.languages.count > 1 {
                phrases = rules.phrasebook(rules.defaultLanguage)
                stage = .language(returnTo: nil)
            } else {
                stage = .menu
            }
            events.append(.ask(prompt(for: stage)))
            return events
        case .language:
            if case .language = stage { return [.ask(prompt(for: stage))] }
            stage = .language(returnTo: stage)
            return [.ask(prompt(for: stage))]
        case .back:
            guard let last = undo.popLast() else {
                return [.error(code: .nothingToUndo, message: message(.nothing_to_undo)), .ask(prompt(for: stage))]
            }
            facts = last.facts
            answered = last.answered
            stage = last.stage
            lastTopic = last.lastTopic
            return [.ask(prompt(for: stage))]
        case .change:
            let changeable = answered.indices.filter { answered[$0] }
            guard !changeable.isEmpty else {
                return [.error(code: .nothingToUndo, message: message(.nothing_to_undo)), .ask(prompt(for: stage))]
            }
            let back = resumeStage
            stage = .pickChange(facts: changeable, returnTo: back)
            return [.ask(prompt(for: stage))]
        }
    }

    /// Where to go back to after a side step (language, change): never into another side step.
    var resumeStage: Stage {
        switch stage {
        case .language(let r): r ?? .menu
        case .confirm(_, let q): q
        case .pickChange(_, let r), .changing(_, let r): r
        default: stage
        }
    }

    func cards(_ contacts: [Int]) -> [ContactCard] {
        contacts.map { phrases.contacts[$0] }
    }
}
