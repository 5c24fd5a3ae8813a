import Glibc
import LotseCore

/// The kiosk conversation: reads lines, passes them to the backend (engine or server), prints
/// what comes back. In kiosk mode it never exits: quitting, Ctrl-C, Ctrl-D and a long idle all
/// reset it to a fresh conversation, wiping answers, history and the screen.
public final class ChatLoop {
    public struct Options: Sendable {
        public var kiosk = false
        /// Seconds without input before asking whether the newcomer is still there.
        public var idleSeconds: Double = 180
        /// Seconds after that question before the reset.
        public var graceSeconds: Double = 30
        /// Whether output goes to a terminal (clearing the screen makes sense).
        public var terminal = false

        public init() {}
    }

    let backend: ChatBackend
    let options: Options
    let input: LineInput
    let output: (String) -> Void
    /// With `--record`: called after every turn with what the kiosk showed, as a transcript
    /// renders it, so a crash or kill loses nothing.
    public var onRecord: ((_ opening: String, _ turns: [(input: String, output: String)]) -> Void)?
    private var recording: (opening: String, turns: [(input: String, output: String)])?

    public init(backend: ChatBackend, options: Options, input: LineInput, output: @escaping (String) -> Void) {
        self.backend = backend
        self.options = options
        self.input = input
        self.output = output
    }

    /// Runs until the newcomer quits (not in kiosk mode) or the input ends. Returns the exit status.
    public func run() -> Int32 {
        defer {
            backend.finish()
            input.finish()
        }
        do {
            try start(clear: false)
            while true {
                input.setCompletions(backend.completions)
                var result = input.readLine(prompt: "> ", timeout: options.kiosk ? options.idleSeconds : nil)
                if result == .timeout {
                    output(backend.stillThere + "\n")
                    result = input.readLine(prompt: "> ", timeout: options.graceSeconds)
                    if result == .timeout { try start(clear: true); continue }
                }
                switch result {
                case .line(let line):
                    input.remember(line)
                    let reply = try backend.send(line)
                    if reply.reset { wipe() }
                    output(reply.text)
                    if recording != nil {
                        recording?.turns.append((line, reply.plain))
                        onRecord?(recording!.opening, recording!.turns)
                    }
                    if reply.finished {
                        if !options.kiosk { return 0 }
                        try start(clear: true)
                    }
                case .endOfInput:
                    if !options.kiosk { return 0 }
                    try start(clear: true)
                case .interrupt:
                    if !options.kiosk { return 130 }
                    try start(clear: true)
                case .timeout:
                    continue
                }
            }
        } catch {
            output("lotse: \(error)\n")
            return 1
        }
    }

    /// A fresh conversation; on a reset everything of the previous one is wiped first.
    private func start(clear: Bool) throws {
        if clear { wipe() }
        let opening = try backend.start()
        output(opening.text)
        if onRecord != nil, recording == nil { recording = (opening.plain, []) }
    }

    private func wipe() {
        input.forgetHistory()
        // Clear the screen and the scrollback: the next newcomer must not see the last one's answers.
        if options.terminal { output("\u{1B}[H\u{1B}[2J\u{1B}[3J") }
    }
}
