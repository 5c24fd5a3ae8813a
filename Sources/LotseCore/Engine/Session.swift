/// One conversation, as a value: the rule set it started with, the language, what is known,
/// where it stands and how to undo. `respond(to:)` is the whole engine: same session and same
/// line give the same next session and the same events.
public struct Session: Sendable {
    public let rules: RuleSet
    /// The "as of" date: offers are evaluated for this day.
    public let today: Day
    /// The session's language, with every text of the rules in it.
    var phrases: Phrasebook
    public var language: String { phrases.language }
    var facts: FactValues
    /// Facts the newcomer has answered, "don't know" included: such a question is not asked again.
    var answered: [Bool]
    var stage: Stage
    var undo: [Snapshot] = []
    /// The topic last walked, so a changed answer can recompute its result.
    var lastTopic: Int?
    /// How often a topic was picked from the menu; "back" does not lower it, so the usage
    /// statistics can tell a new choice from a recomputed result.
    var topicChoices = 0
    /// Set to a `Trace` to record the nodes and branches this conversation passes.
    public var trace: Trace?

    indirect enum Stage: Sendable, Equatable {
        case language(returnTo: Stage?)
        case menu
        case question(tree: Int, node: Int)
        /// A typed answer was close to several options: which one was meant?
        case confirm(candidates: [Int], question: Stage)
        /// "change": which earlier answer?
        case pickChange(facts: [Int], returnTo: Stage)
        /// Re-asking one earlier answer.
        case changing(fact: Int, returnTo: Stage)
        case ended
    }

    struct Snapshot: Sendable {
        var facts: FactValues
        var answered: [Bool]
        var stage: Stage
        var lastTopic: Int?
    }

    /// Starts a conversation. With a `language` (e.g. from `--lang`) the language question is skipped.
    public static func start(rules: RuleSet, today: Day, language: String? = nil) -> (Session, [Event]) {
        let chosen = language.flatMap { code in rules.languages.contains { $0.code == code } ? code : nil }
        var session = Session(rules: rules, today: today, phrases: rules.phrasebook(chosen ?? rules.defaultLanguage),
                              facts: FactValues(count: rules.facts.facts.count),
                              answered: Array(repeating: false, count: rules.facts.facts.count),
                              stage: .menu)
        if chosen != nil || rules.languages.count == 1 {
            return (session, [.say(session.message(.welcome)), .ask(session.prompt(for: .menu))])
        }
        session.stage = .language(returnTo: nil)
        return (session, [.ask(session.prompt(for: session.stage))])
    }

    public var isFinished: Bool { stage == .ended }

    /// What is known, by fact id (for transcripts' assertions and tests).
    public var knownFacts: [String: FactValue] {
        var out: [String: FactValue] = [:]
        for (i, f) in rules.facts.facts.enumerated() { if let v = facts[i] { out[f.id.value] = v } }
        return out
    }

    /// Whether the newcomer answered this fact, "don't know" included.
    public func hasAnswered(_ factID: String) -> Bool {
        rules.facts.index[factID].map { answered[$0] } ?? false
    }

    /// The question now waiting for an answer.
    public var currentPrompt: Prompt? {
        stage == .ended ? nil : prompt(for: stage)
    }

    /// What tab completion offers: the current options and the command words.
    public var completions: [String] {
        var words = currentPrompt?.options.map(\.label) ?? []
        for key in [WordKey.back, .change, .restart, .language, .help, .person, .quit] {
            words += rules.vocabulary[key]?.words(in: language).prefix(1) ?? []
        }
        return words
    }

    /// One turn.
    public mutating func respond(to line: String) -> [Event] {
        guard stage != .ended else { return [.error(code: .finished, message: message(.bye))] }
        let input = TextNormalizer.normalize(line)
        if input.isEmpty { return [.ask(prompt(for: stage))] }
        if let command = rules.lexicon.command(input, language: language) {
            return perform(command)
        }
        return answer(input)
    }

    func message(_ key: MessageKey) -> String {
        phrases.message(key)
    }

    func text(_ t: LocalizedText?) -> String? {
        t?.text(in: language, fallback: rules.defaultLanguage)
    }

    mutating func saveUndo() {
        undo.append(Snapshot(facts: facts, answered: answered, stage: stage, lastTopic: lastTopic))
    }
}
