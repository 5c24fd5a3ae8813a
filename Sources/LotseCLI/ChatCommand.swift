import ArgumentParser
import Foundation
import Dispatch
import Glibc
import Synchronization
import LotseCore
import Logging
import LotseREPL
import LotseStats

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

    @OptionGroup(title: "Usage statistics") var usage: UsageOptions

    func validate() throws {
        guard idle > 0, grace > 0 else { throw ValidationError("--idle and --grace must be positive") }
        // A kiosk keeps nothing a newcomer types.
        if record != nil && kiosk { throw ValidationError("--record cannot be used with --kiosk") }
        // Held on a server, the conversation is counted there.
        if connect != nil && usage.stats != nil && !usage.noStats {
            throw ValidationError("--stats cannot be used with --connect (the server records the statistics)")
        }
    }

    func run() throws {
        let today = try Today.day(date)
        let terminal = isatty(STDOUT_FILENO) == 1
        let backend: ChatBackend
        let recorder = try Self.blocking { try await usage.recorder(defaultDoor: "kiosk", logger: Self.statsLogger()) }
        defer { if let recorder { Self.blocking { await recorder.close() } } }
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
            backend = LocalBackend(rules: ruleSet, today: today, language: lang, width: min(80, Self.terminalWidth() ?? 80), color: color,
                                   usage: recorder)
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

    /// Statistics problems go to standard error, never between the conversation's lines.
    static func statsLogger() -> Logger {
        var logger = Logger(label: "lotse.stats") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .notice
        return logger
    }

    /// Runs async work from this synchronous command (the recorder opens and closes its store).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let r: Result<T, any Error>
            do { r = .success(try await work()) } catch { r = .failure(error) }
            result.withLock { $0 = r }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }

    static func blocking(_ work: @escaping @Sendable () async -> Void) {
        _ = try? blocking { () async throws -> Bool in await work(); return true }
    }

    static func terminalWidth() -> Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
