/// A recorded conversation: what the newcomer typed and exactly what the kiosk showed, plus
/// assertions that survive rewording. The format is in transcripts/README.md.
public struct Transcript: Sendable {
    public var path: String
    public var title: String
    /// The language the conversation starts in (like `lotse chat --lang`); nil: it starts by asking.
    public var language: String?
    /// The "as of" date.
    public var date: Day
    /// What the kiosk showed before the first input, and after each.
    public var opening: Block
    public var turns: [Turn]

    public struct Turn: Sendable {
        public var input: String
        public var line: Int
        public var output: Block
        /// Checked after this turn.
        public var assertions: [Assertion]
    }

    /// The header as written (with its comments), kept by `--update`.
    public var header: [String] = []

    public struct Block: Sendable {
        public var lines: [String]
        /// The transcript line of the first expected line (or where it would be).
        public var firstLine: Int
        /// Comment lines written in this part, kept by `--update`.
        public var comments: [String] = []
        public var text: String { Transcript.normalize(lines) }
    }

    public struct Assertion: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case referred([String])
            case notReferred([String])
            case counsellor([String])
            case known(fact: String, value: String)
        }

        public var kind: Kind
        public var line: Int
    }

    /// Text compared without trailing blank lines or trailing spaces, so hand-written
    /// transcripts need not reproduce invisible whitespace.
    static func normalize(_ lines: [String]) -> String {
        var l = lines.map { line -> String in
            var s = line
            while s.last == " " { s.removeLast() }
            return s
        }
        while l.last == "" { l.removeLast() }
        return l.joined(separator: "\n")
    }
}

public struct TranscriptError: Error, Sendable, Hashable {
    public var line: Int
    public var message: String
}
