/// Derives the usage events of one conversation from what its turns produce. A value kept by
/// the door beside the session, fresh for each conversation; it holds three flags, nothing of
/// the answers. `started` is counted at the first turn that knows the language (or at the end),
/// so a connection refused or closed before its first line costs nothing.
public struct UsageTracker: Sendable {
    /// The `started` event waits until the language is known.
    private var started = false
    /// A topic was chosen: leaving at the menu afterwards is not abandoning (the topic ended
    /// in a result or a piece of advice).
    private var topicChosen = false
    private var ended = false

    /// What `turn` needs from the session before the turn, taken without copying the session.
    public struct Before: Sendable {
        let openQuestion: String?
        let topicChoices: Int
        let language: String?
    }

    public init() {}

    public func before(_ session: Session) -> Before {
        Before(openQuestion: Self.openQuestion(session), topicChoices: session.topicChoices, language: Self.chosenLanguage(session))
    }

    /// One turn: `events` took the session from `before` to `after`.
    public mutating func turn(_ before: Before, _ events: [Event], _ after: Session) -> [UsageEvent] {
        guard !ended else { return [] }
        var out: [UsageEvent] = []
        let rules = after.rules
        let language = after.language
        if events.contains(.reset) {
            // Restart: the old conversation ends here, a new one begins.
            out += finish(before.openQuestion, language: before.language)
            self = UsageTracker()
            return out + startedIfKnown(after)
        }
        out += startedIfKnown(after)
        if after.topicChoices > before.topicChoices, let tree = after.lastTopic {
            topicChosen = true
            out.append(UsageEvent(.topic, key: rules.trees[tree].id, language: language))
        }
        for event in events {
            switch event {
            case .refer(let referral):
                out += Self.result(referral, rules: rules, language: language)
            case .contacts(let heading, _) where heading == after.text(of: .emergency_heading):
                out.append(UsageEvent(.emergency, language: language))
            default:
                break
            }
        }
        if after.isFinished { out += finish(before.openQuestion, language: before.language) }
        return out
    }

    /// The conversation ended without a quit (connection closed, idle reset, kiosk wipe, shutdown).
    public mutating func end(_ session: Session) -> [UsageEvent] {
        guard !ended else { return [] }
        return finish(Self.openQuestion(session), language: Self.chosenLanguage(session))
    }

    private mutating func startedIfKnown(_ session: Session) -> [UsageEvent] {
        guard !started, !session.isFinished, let language = Self.chosenLanguage(session) else { return [] }
        started = true
        return [UsageEvent(.started, language: language)]
    }

    /// The conversation's language once chosen (or given by the door); nil at the opening language question.
    private static func chosenLanguage(_ session: Session) -> String? {
        session.stage == .language(returnTo: nil) ? nil : session.language
    }

    /// `language` nil: ended before one was chosen, counted as a conversation without a language ("").
    private mutating func finish(_ openQuestion: String?, language: String?) -> [UsageEvent] {
        ended = true
        var out: [UsageEvent] = []
        if !started {
            started = true
            out.append(UsageEvent(.started, language: language ?? ""))
        }
        let leftAt = openQuestion == "topic" && topicChosen ? nil : openQuestion
        if let leftAt { out.append(UsageEvent(.abandoned, key: leftAt, language: language ?? "")) }
        return out
    }

    /// The question a newcomer leaving now would leave open, as a rule-set id.
    private static func openQuestion(_ session: Session) -> String? {
        if session.stage == .language(returnTo: nil) { return "language" }
        switch session.resumeStage {
        case .question(let tree, let node):
            guard case .ask(let fact, _) = session.rules.trees[tree].nodes[node].kind else { return nil }
            return session.rules.facts.facts[fact].id.value
        case .menu:
            return "topic"
        default:
            return nil
        }
    }

    /// Offers by outcome and the facts that kept an offer open. Only ids the rule set knows are
    /// counted, so nothing else can ever reach the store.
    private static func result(_ r: Referral, rules: RuleSet, language: String) -> [UsageEvent] {
        var out: [UsageEvent] = []
        func offer(_ kind: UsageEvent.Kind, _ id: String) {
            if rules.offerIndex[id] != nil { out.append(UsageEvent(kind, key: id, language: language)) }
        }
        for o in r.eligible { offer(.eligible, o.id) }
        for o in r.askCounsellor {
            offer(.askCounsellor, o.id)
            for f in o.openFacts where rules.facts.index[f] != nil {
                out.append(UsageEvent(.openQuestion, key: f, language: language))
            }
        }
        for id in r.notEligibleIDs { offer(.notEligible, id) }
        return out
    }
}
