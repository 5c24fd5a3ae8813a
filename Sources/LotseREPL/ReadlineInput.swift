import CReadline
import Glibc
import LotseCore
import Synchronization

/// GNU readline in its callback mode, driven by `poll`, so that an idle timeout and Ctrl-C can
/// interrupt a half-typed line without killing the process or leaving the terminal raw.
public final class ReadlineInput: LineInput {
    public init() {
        Self.configureLocale()
        lotse_rl_configure(completer)
        InterruptPipe.install()
    }

    /// The Swift runtime never calls setlocale; without it readline edits UTF-8 byte by byte.
    static func configureLocale() {
        if let current = setlocale(LC_CTYPE, ""), let name = String(validatingCString: current), name != "C", name != "POSIX" { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }

    public func readLine(prompt: String, timeout: Double?) -> InputResult {
        ReadlineState.result.withLock { $0 = nil }
        rl_callback_handler_install(prompt, lineHandler)
        defer {
            rl_callback_handler_remove()
            // Stay in readline's terminal mode between lines: in the kernel's cooked mode a Ctrl-D
            // typed while a reply is printed would be swallowed as end-of-file.
            rl_prep_terminal(0)
        }
        var deadline = timeout.map { Self.now() + $0 }
        while true {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: InterruptPipe.readEnd, events: Int16(POLLIN), revents: 0)]
            let wait = deadline.map { Int32(max(0, ($0 - Self.now()) * 1000)) } ?? -1
            let n = poll(&fds, nfds_t(fds.count), wait)
            if n < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            if n == 0 {
                lotse_rl_discard_line()
                print("")
                return .timeout
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                InterruptPipe.drain()
                // Ctrl-C throws away everything typed, also what is still unread.
                tcflush(STDIN_FILENO, TCIFLUSH)
                lotse_rl_discard_line()
                print("")
                return .interrupt
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                rl_callback_read_char()
                if let result = ReadlineState.result.withLock({ r -> InputResult? in defer { r = nil }; return r }) {
                    return result
                }
                if fds[0].revents & Int16(POLLIN) == 0 { return .endOfInput }
                if let t = timeout { deadline = Self.now() + t }
            }
        }
    }

    public func finish() {
        rl_deprep_terminal()
    }

    public func remember(_ line: String) {
        guard !line.isEmpty else { return }
        add_history(line)
    }

    public func forgetHistory() {
        clear_history()
    }

    public func setCompletions(_ words: [String]) {
        ReadlineState.completions.withLock { $0 = words }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// State the C callbacks reach: they cannot capture context.
enum ReadlineState {
    static let result = Mutex<InputResult?>(nil)
    static let completions = Mutex<[String]>([])
    static let matches = Mutex<(candidates: [String], index: Int)>(([], 0))
}

private let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { pointer in
    guard let pointer else {
        ReadlineState.result.withLock { $0 = .endOfInput }
        return
    }
    let line = String(cString: pointer)
    free(pointer)
    ReadlineState.result.withLock { $0 = .line(line) }
}

private let completer: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
    lotse_rl_completion_over()
    let typed = TextNormalizer.normalize(text.map { String(cString: $0) } ?? "")
    let candidates = ReadlineState.completions.withLock { words in
        words.filter { TextNormalizer.normalize($0).hasPrefix(typed) }
    }
    ReadlineState.matches.withLock { $0 = (candidates, 0) }
    return rl_completion_matches(text, generator)
}

private let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, _ in
    ReadlineState.matches.withLock { state -> UnsafeMutablePointer<CChar>? in
        guard state.index < state.candidates.count else { return nil }
        defer { state.index += 1 }
        return strdup(state.candidates[state.index])
    }
}

/// Ctrl-C becomes a byte on a pipe that the poll loop sees (the self-pipe trick).
enum InterruptPipe {
    nonisolated(unsafe) static var readEnd: Int32 = -1
    nonisolated(unsafe) static var writeEnd: Int32 = -1

    static func install() {
        guard readEnd < 0 else { return }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        readEnd = fds[0]
        writeEnd = fds[1]
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(writeEnd, F_SETFL, fcntl(writeEnd, F_GETFL) | O_NONBLOCK)
        // A parent may have blocked SIGINT (the mask survives exec); Ctrl-C must reach us.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        signal(SIGINT) { _ in
            var byte: UInt8 = 1
            _ = write(InterruptPipe.writeEnd, &byte, 1)
        }
    }

    static func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }
}
