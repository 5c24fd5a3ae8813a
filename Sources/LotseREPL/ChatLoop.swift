import Glibc
import LotseCore

/// The kiosk conversation: reads lines, turns them through the engine, prints the rendered
/// events. In kiosk mode it never exits: quitting, Ctrl-C, Ctrl-D and a long idle all reset it
/// to a fresh conversation, wiping answers, history and the screen.
public final class ChatLoop {
    public struct Options: Sendable {
        public var kiosk = false
        /// Seconds without input before asking whether the newcomer is still there.
        public var idleSeconds: Double = 180
        /// Seconds after that question before the reset.
        public var graceSeconds: Double = 30
        public var language: String?
        public var color = false
        public var width = 80
        /// Whether output goes to a terminal (clearing the screen makes sense).
        public var terminal = false

        public init() {}
    }

    let rules: RuleSet
    let today: Day
    let options: Options
    let input: LineInput
    let output: (String) -> Void
    private var session: Session
    /// With `--record`: what the kiosk showed, as a transcript renders it (80 columns, no colour).
    public private(set) var recording: (opening: String, turns: [(input: String, output: String)])?
    /// Called after every turn with the recording so far, so a crash or kill loses nothing.
    public var onRecord: ((_ opening: String, _ turns: [(input: String, output: String)]) -> Void)?

    public init(rules: RuleSet, today: Day, options: Options, input: LineInput, output: @escaping (String) -> Void) {
        self.rules = rules
        self.today = today
        self.options = options
        self.input = input
        self.output = output
        session = Session.start(rules: rules, today: today, language: options.language).0
    }

    /// Runs until the newcomer quits (not in kiosk mode) or the input ends. Returns the exit status.
    public func run() -> Int32 {
        defer { input.finish() }
        start(clear: false)
        while true {
            input.setCompletions(session.completions)
            var result = input.readLine(prompt: "> ", timeout: options.kiosk ? options.idleSeconds : nil)
            if result == .timeout {
                show([.say(session.messageText(.still_there))])
                result = input.readLine(prompt: "> ", timeout: options.graceSeconds)
                if result == .timeout { start(clear: true); continue }
            }
            switch result {
            case .line(let line):
                input.remember(line)
                let events = session.respond(to: line)
                if events.contains(.reset) { wipe() }
                show(events)
                if recording != nil {
                    recording?.turns.append((line, plain(events)))
                    onRecord?(recording!.opening, recording!.turns)
                }
                if session.isFinished {
                    if !options.kiosk { return 0 }
                    start(clear: true)
                }
            case .endOfInput:
                if !options.kiosk { return 0 }
                start(clear: true)
            case .interrupt:
                if !options.kiosk { return 130 }
                start(clear: true)
            case .timeout:
                continue
            }
        }
    }

    /// A fresh conversation; on a reset everything of the previous one is wiped first.
    private func start(clear: Bool) {
        if clear { wipe() }
        let (fresh, events) = Session.start(rules: rules, today: today, language: options.language)
        session = fresh
        show(events)
        if onRecord != nil, recording == nil { recording = (plain(events), []) }
    }

    private func wipe() {
        input.forgetHistory()
        // Clear the screen and the scrollback: the next newcomer must not see the last one's answers.
        if options.terminal { output("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
    }

    private func plain(_ events: [Event]) -> String {
        TextRenderer(rules: rules, language: session.language).render(events)
    }

    private func show(_ events: [Event]) {
        let renderer = TextRenderer(rules: rules, language: session.language, width: options.width, color: options.color)
        output(renderer.render(events))
    }
}

extension Session {
    func messageText(_ key: MessageKey) -> String {
        rules.messages[key]?.text(in: language, fallback: rules.defaultLanguage) ?? ""
    }
}
