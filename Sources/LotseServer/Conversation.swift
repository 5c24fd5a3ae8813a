import LotseCore

/// One client's conversation on the server: turns protocol lines into engine turns and events
/// into JSON lines. No sockets here, so it is tested line by line in memory.
public struct Conversation: Sendable {
    /// The rules of the conversation now running; a new one (`start`) takes `latestRules()`.
    public private(set) var rules: RuleSet
    private(set) var session: Session
    let today: Day
    let latestRules: @Sendable () -> RuleSet
    /// Shared by all conversations of a server: lines sent before are not laid out again.
    let replies: ReplyCache?
    /// The usage statistics of this conversation, when the server records them.
    private var usage: Usage?

    struct Usage: Sendable {
        var tracker = UsageTracker()
        let sink: any UsageSink
    }

    /// Starts a conversation: the hello line, then the first question.
    public static func open(rules: @escaping @Sendable () -> RuleSet, today: Day, replies: ReplyCache? = nil,
                            usage: (any UsageSink)? = nil) -> (Conversation, [String]) {
        let current = rules()
        let (session, events) = Session.start(rules: current, today: today)
        let conversation = Conversation(rules: current, session: session, today: today, latestRules: rules, replies: replies,
                                        usage: usage.map { Usage(sink: $0) })
        return (conversation, [ServerMessages.hello(current)] + conversation.encode(events))
    }

    public static func open(rules: RuleSet, today: Day, replies: ReplyCache? = nil, usage: (any UsageSink)? = nil) -> (Conversation, [String]) {
        open(rules: { rules }, today: today, replies: replies, usage: usage)
    }

    public var isFinished: Bool { session.isFinished }

    /// The language the conversation is in now.
    public var language: String { session.language }

    /// What one line from the client produces. A line starting with `{` is a JSON command;
    /// anything else is the newcomer's answer exactly as typed.
    public mutating func receive(_ line: String) -> [String] {
        var text = line
        if text.hasSuffix("\r") { text.removeLast() }
        if text.first == "{" { return command(text) }
        // Two statements: in one, `self` would be copied for `encode` before `respond` changes it.
        let before = usage?.tracker.before(session)
        let events = session.respond(to: text)
        if let before { track(before, events) }
        return encode(events)
    }

    /// The connection ended (closed, idle, shutdown): a question left open is counted.
    public mutating func end() {
        guard let events = usage?.tracker.end(session) else { return }
        usage?.sink.record(events, day: today)
    }

    private mutating func track(_ before: UsageTracker.Before, _ events: [Event]) {
        guard let usage = usage?.tracker.turn(before, events, session) else { return }
        self.usage?.sink.record(usage, day: today)
    }

    /// A protocol-level error (line too long, not UTF-8 …) in the session's language, then the question again.
    public func protocolError(_ code: String, _ key: MessageKey) -> [String] {
        [ServerMessages.error(code, session.text(of: key))] + repeatQuestion()
    }

    /// Said before an idle connection is closed.
    public func idleWarning() -> [String] {
        [ServerMessages.error("idle", session.text(of: .still_there))]
    }

    private func repeatQuestion() -> [String] {
        session.currentPrompt.map { encode([.ask($0)]) } ?? []
    }

    private mutating func command(_ text: String) -> [String] {
        guard let object = CommandObject.parse(text), let name = object["cmd"] else {
            return protocolError("bad_command", .unknown_command)
        }
        let language = object["language"]
        switch name {
        case "start":
            if let language, !latestRules().languages.contains(where: { $0.code == language }) {
                return protocolError("unknown_language", .unknown_command)
            }
            var day = today
            if let text = object["date"] {
                guard let d = Day(iso: text) else { return protocolError("bad_date", .unknown_command) }
                day = d
            }
            // A new conversation gets the rules in force now; a reloaded edition is announced.
            let latest = latestRules()
            let announce = latest.version != rules.version ? [ServerMessages.hello(latest)] : []
            rules = latest
            let (fresh, events) = Session.start(rules: rules, today: day, language: language)
            end()
            session = fresh
            usage?.tracker = UsageTracker()
            return announce + encode([.reset] + events)
        case "language":
            let before = usage?.tracker.before(session)
            guard let language else {
                let events = session.respond(to: .language)
                if let before { track(before, events) }
                return encode(events)
            }
            guard let events = session.switchLanguage(to: language) else { return protocolError("unknown_language", .unknown_command) }
            if let before { track(before, events) }
            return encode(events)
        default:
            guard let c = Lexicon.Command(rawValue: name) else { return protocolError("unknown_command", .unknown_command) }
            let before = usage?.tracker.before(session)
            let events = session.respond(to: c)
            if let before { track(before, events) }
            return encode(events)
        }
    }

    func encode(_ events: [Event]) -> [String] {
        // Only these two into the closure: capturing `self` would copy the whole conversation.
        let renderer = TextRenderer(rules: rules, language: session.language)
        let replies = self.replies
        return events.map { ServerMessages.encode($0, renderer: renderer, cache: replies) }
    }
}
