import LotseCore

/// What the kiosk shows after a line, however the conversation is held.
public struct ChatOutput {
    /// For the screen (may carry colour).
    public var text: String
    /// For a recorded transcript: 80 columns, no colour.
    public var plain: String
    /// Everything was forgotten: clear the screen and the history.
    public var reset = false
    public var finished = false
}

/// The conversation behind the kiosk: the engine in this process, or a Lotse server.
public protocol ChatBackend: AnyObject {
    /// A fresh conversation.
    func start() throws -> ChatOutput
    func send(_ line: String) throws -> ChatOutput
    /// Words for tab completion: the current options and the commands.
    var completions: [String] { get }
    /// "Are you still there?" in the conversation's language.
    var stillThere: String { get }
    /// The kiosk program ends: a conversation still running ends with it.
    func finish()
}

extension ChatBackend {
    public func finish() {}
}

/// The engine in-process: `lotse chat`.
public final class LocalBackend: ChatBackend {
    let rules: RuleSet
    let today: Day
    let language: String?
    let width: Int
    let color: Bool
    private var session: Session
    /// Where the anonymous usage events go (nil: statistics off), and this conversation's tracker.
    private let usage: (any UsageSink)?
    private var tracker = UsageTracker()
    private var running = false

    public init(rules: RuleSet, today: Day, language: String?, width: Int = 80, color: Bool = false, usage: (any UsageSink)? = nil) {
        self.rules = rules
        self.today = today
        self.language = language
        self.width = width
        self.color = color
        self.usage = usage
        session = Session.start(rules: rules, today: today, language: language).0
    }

    public func start() -> ChatOutput {
        // A kiosk reset (idle, Ctrl-C, Ctrl-D, after quit) ends the conversation before it.
        finish()
        let (fresh, events) = Session.start(rules: rules, today: today, language: language)
        session = fresh
        tracker = UsageTracker()
        running = true
        return output(events)
    }

    public func send(_ line: String) -> ChatOutput {
        guard let usage else { return output(session.respond(to: line)) }
        let before = tracker.before(session)
        let events = session.respond(to: line)
        usage.record(tracker.turn(before, events, session), day: today)
        return output(events)
    }

    public func finish() {
        guard running else { return }
        running = false
        usage?.record(tracker.end(session), day: today)
    }

    private func output(_ events: [Event]) -> ChatOutput {
        let screen = TextRenderer(rules: rules, language: session.language, width: width, color: color).render(events)
        // The transcript's layout (80 columns, no colour) is laid out again only when the screen's differs.
        let plain = width == 80 && !color ? screen : TextRenderer(rules: rules, language: session.language).render(events)
        return ChatOutput(text: screen, plain: plain, reset: events.contains(.reset), finished: session.isFinished)
    }

    public var completions: [String] { session.completions }
    public var stillThere: String { session.text(of: .still_there) }
}

/// A Lotse server: `lotse chat --connect HOST:PORT`. The server renders; this shows its text.
public final class RemoteBackend: ChatBackend {
    let address: String
    let language: String?
    /// The "as of" date to ask the server for; nil: the server's own day.
    let date: Day?
    private var client: RemoteClient?
    private var lastReply: RemoteClient.Reply?
    private var sessionLanguage: String?

    public init(address: String, language: String?, date: Day? = nil) throws {
        self.address = address
        self.language = language
        self.date = date
        client = try RemoteClient(address: address)
    }

    public func start() throws -> ChatOutput {
        // The first time, the server's opening is waiting; later a start command begins anew
        // (and a lost connection is made again, as a kiosk must keep going).
        if let client, lastReply == nil {
            return try show(try afterOpening(client))
        }
        do {
            guard let client else { throw RemoteClient.Failure(description: "not connected") }
            try client.send(command: startCommand)
            return try show(try client.readReply(), reset: true)
        } catch {
            let fresh = try RemoteClient(address: address)
            client = fresh
            return try show(try afterOpening(fresh), reset: true)
        }
    }

    private var startCommand: [String: String] { RemoteClient.startCommand(language: language, date: date) }

    private func afterOpening(_ client: RemoteClient) throws -> RemoteClient.Reply {
        let opening = try client.readReply()
        guard language != nil || date != nil else { return opening }
        try client.send(command: startCommand)
        return try client.readReply()
    }

    public func send(_ line: String) throws -> ChatOutput {
        guard let client else { throw RemoteClient.Failure(description: "not connected") }
        try client.send(line)
        return try show(try client.readReply())
    }

    private func show(_ reply: RemoteClient.Reply, reset: Bool = false) throws -> ChatOutput {
        lastReply = reply
        if let l = reply.language { sessionLanguage = l }
        let text = reply.display
        return ChatOutput(text: text, plain: text, reset: reset || reply.contains("reset"), finished: reply.type == "bye")
    }

    public var completions: [String] {
        let ask = lastReply?.messages.last { $0["type"] as? String == "ask" }
        return (ask?["options"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
    }

    public var stillThere: String {
        let texts = client?.hello["still_there"] as? [String: String] ?? [:]
        return texts[sessionLanguage ?? ""] ?? texts[client?.hello["default_language"] as? String ?? ""] ?? "?"
    }
}
