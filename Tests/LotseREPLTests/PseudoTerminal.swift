import Foundation
import Glibc
import LotseTestSupport

/// Runs a program on a real pseudo-terminal, as a kiosk terminal would: it gets a controlling
/// terminal (so Ctrl-C raises SIGINT), readline sees a TTY, and the test types and reads the screen.
final class PseudoTerminal {
    let pid: pid_t
    let master: Int32
    private(set) var screen = ""
    private var consumed = 0

    init(_ arguments: [String], environment: [String: String] = [:], columns: UInt16 = 80) throws {
        var env = ["TERM=xterm", "LANG=C.UTF-8", "NO_COLOR=1", "INPUTRC=\(PseudoTerminal.inputrc)", "HOME=/tmp"]
        env += environment.map { "\($0)=\($1)" }
        // Everything the child needs is allocated before fork: after it only exec runs.
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            // The test runner may block signals; a kiosk program must start with them as a login shell would.
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw POSIXError(.EAGAIN) }
        pid = child
        master = fd
    }

    static let inputrc: String = {
        let path = NSTemporaryDirectory() + "lotse-test-inputrc"
        try? "set enable-bracketed-paste off\nset bell-style none\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until `text` appears in the output not yet consumed; returns that output and consumes it.
    @discardableResult
    func expect(_ text: String, timeout: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let fresh = String(screen.dropFirst(consumed))
            if let range = fresh.range(of: text) {
                consumed += fresh.distance(from: fresh.startIndex, to: range.upperBound)
                return String(fresh[..<range.upperBound])
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || !pump(timeout: min(left, 0.2)) && exited != nil { return nil }
        }
    }

    /// Everything that arrives within `seconds`, consumed.
    func drain(for seconds: Double) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while deadline.timeIntervalSinceNow > 0 { _ = pump(timeout: deadline.timeIntervalSinceNow) }
        let fresh = String(screen.dropFirst(consumed))
        consumed = screen.count
        return fresh
    }

    private func pump(timeout: Double) -> Bool {
        var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, Int32(timeout * 1000)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        screen += String(decoding: buffer[0..<n], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return true
    }

    private var status: Int32?

    var exited: Int32? {
        if status == nil {
            var s: Int32 = 0
            if waitpid(pid, &s, WNOHANG) == pid { status = (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f) }
        }
        return status
    }

    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            _ = pump(timeout: 0.05)
            if let s = exited { return s }
        }
        return nil
    }

    deinit {
        if exited == nil { kill(pid, SIGKILL); var s: Int32 = 0; waitpid(pid, &s, 0) }
        close(master)
    }
}

enum Lotse {
    static let packageRoot = Repository.root

    /// The `lotse` built beside the test bundle.
    static var executable: String { Repository.lotseExecutable?.path ?? packageRoot + "/.build/debug/lotse" }

    static func chat(_ arguments: [String], rules: String = "docs/example-rules") throws -> PseudoTerminal {
        try PseudoTerminal([executable, "chat", "--rules", packageRoot + "/" + rules, "--date", "2026-11-23"] + arguments)
    }
}
