/// Where the kiosk's lines come from: readline on a terminal, plain standard input otherwise.
public enum InputResult: Sendable, Equatable {
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C.
    case interrupt
    /// No input for the given time.
    case timeout
}

public protocol LineInput: AnyObject {
    /// Reads one line. `timeout` counts from the last key pressed; nil waits for ever.
    func readLine(prompt: String, timeout: Double?) -> InputResult
    func remember(_ line: String)
    /// Forgets every line typed so far (a kiosk reset).
    func forgetHistory()
    func setCompletions(_ words: [String])
    /// Restores the terminal before the program ends.
    func finish()
}

extension LineInput {
    public func finish() {}
}

/// Piped standard input: no echo, no editing, no history.
public final class PlainInput: LineInput {
    public init() {}

    public func readLine(prompt: String, timeout: Double?) -> InputResult {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    public func remember(_ line: String) {}
    public func forgetHistory() {}
    public func setCompletions(_ words: [String]) {}
}
