import ArgumentParser
import Foundation
import Glibc
import LotseCore
import LotseREPL

/// `lotse chat`: the newcomer's conversation at a terminal or kiosk.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Hold a conversation on the rules (readline on a terminal, plain lines when piped).",
        discussion: """
            Exit status: 0 when the newcomer quits or the input ends, 1 when the rules do not load \
            (the checker's messages go to standard error), 130 after Ctrl-C outside kiosk mode. \
            In --kiosk mode the program does not exit by itself: quit, Ctrl-C, Ctrl-D and a long idle \
            start a fresh conversation. Nothing typed is written to disk or to a log.
            """)

    @Option(help: RuleLoading.rulesHelp)
    var rules = "rules"

    @Option(help: "Start in this language (a code from lotse.yaml, e.g. de, ar) instead of asking.")
    var lang: String?

    @Option(help: "Evaluate offers as of this day (YYYY-MM-DD; default: today).")
    var date: String?

    @Flag(help: "Kiosk mode: never exit; Ctrl-C, Ctrl-D, quit and idle reset the conversation.")
    var kiosk = false

    @Option(help: "Kiosk mode: seconds without input before asking whether someone is still there.")
    var idle: Double = 180

    @Option(help: "Kiosk mode: seconds after that question before the reset.")
    var grace: Double = 30

    @Option(help: "Hold the conversation on a Lotse server (HOST:PORT) instead of the local rules.")
    var connect: String?

    @Option(help: "Staff only: write this conversation to FILE as a transcript (not allowed with --kiosk).")
    var record: String?

    @Option(help: "The title written into the recorded transcript (default: the file name).")
    var title: String?

    func validate() throws {
        guard idle > 0, grace > 0 else { throw ValidationError("--idle and --grace must be positive") }
        // A kiosk keeps nothing a newcomer types.
        if record != nil && kiosk { throw ValidationError("--record cannot be used with --kiosk") }
    }

    func run() throws {
        let today = try Today.day(date)
        let terminal = isatty(STDOUT_FILENO) == 1
        let backend: ChatBackend
        if let connect {
            do {
                backend = try RemoteBackend(address: connect, language: lang, date: date == nil ? nil : today)
            } catch {
                FileHandle.standardError.write(Data("lotse: \(error)\n".utf8))
                throw ExitCode(1)
            }
        } else {
            let ruleSet = try RuleLoading.ruleSet(rules, today: today)
            if let lang, !ruleSet.languages.contains(where: { $0.code == lang }) {
                throw ValidationError("unknown language '\(lang)' (offered: \(ruleSet.languages.map(\.code).joined(separator: ", ")))")
            }
            let color = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            backend = LocalBackend(rules: ruleSet, today: today, language: lang, width: min(80, Self.terminalWidth() ?? 80), color: color)
        }
        var options = ChatLoop.Options()
        options.kiosk = kiosk
        options.idleSeconds = idle
        options.graceSeconds = grace
        options.terminal = terminal
        let input: LineInput = isatty(STDIN_FILENO) == 1 ? ReadlineInput() : PlainInput()
        let loop = ChatLoop(backend: backend, options: options, input: input) { text in
            // Unbuffered: a test or kiosk reading a pipe sees each reply at once.
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        if let record {
            let title = self.title ?? URL(fileURLWithPath: record).deletingPathExtension().lastPathComponent
            let language = lang
            loop.onRecord = { opening, turns in
                let text = TranscriptFormat.write(title: title, language: language, date: today, opening: opening, turns: turns)
                try? FileReplacement.write(text, to: record)
            }
            guard FileManager.default.createFile(atPath: record, contents: nil) else {
                throw ValidationError("cannot write \(record)")
            }
        }
        let status = loop.run()
        if status != 0 { throw ExitCode(status) }
    }

    static func terminalWidth() -> Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
