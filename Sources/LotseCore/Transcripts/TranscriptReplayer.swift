/// What the kiosk showed after one input, and which offers it named.
public struct DriverReply: Sendable {
    public var text: String
    public var referred: [String]
    public var counsellor: [String]

    public init(text: String, referred: [String] = [], counsellor: [String] = []) {
        self.text = text
        self.referred = referred
        self.counsellor = counsellor
    }
}

/// Something a transcript can be replayed against: the engine in-process, or a live server.
public protocol ConversationDriver {
    mutating func start(language: String?, date: Day) throws -> DriverReply
    mutating func send(_ line: String) throws -> DriverReply
    /// What is known, where the driver can see it (in-process); nil over a socket.
    var knownFacts: [String: FactValue]? { get }
}

/// Drives the engine directly, recording the way through the trees.
public struct SessionDriver: ConversationDriver {
    let rules: RuleSet
    public private(set) var session: Session?

    public init(rules: RuleSet) { self.rules = rules }

    public mutating func start(language: String?, date: Day) -> DriverReply {
        var (s, events) = Session.start(rules: rules, today: date, language: language)
        s.trace = Trace()
        session = s
        return reply(events)
    }

    public mutating func send(_ line: String) -> DriverReply {
        reply(session?.respond(to: line) ?? [])
    }

    private func reply(_ events: [Event]) -> DriverReply {
        var out = DriverReply(text: TextRenderer(rules: rules, language: session?.language ?? rules.defaultLanguage).render(events))
        for case .refer(let r) in events {
            out.referred += r.eligible.map(\.id)
            out.counsellor += r.askCounsellor.map(\.id)
        }
        return out
    }

    public var knownFacts: [String: FactValue]? { session?.knownFacts }
    public var trace: Trace? { session?.trace }
}

public struct TranscriptResult: Sendable {
    public struct Mismatch: Sendable {
        /// The input line after which the output differed (nil: the opening).
        public var inputLine: Int?
        public var input: String?
        public var expectedStart: Int
        public var expected: [String]
        public var actual: [String]
    }

    public var mismatches: [Mismatch] = []
    public var assertionFailures: [(line: Int, message: String)] = []
    public var error: String?
    /// What the kiosk showed: the opening, then after each input (for --update).
    public var actualOpening = ""
    public var actualOutputs: [String] = []

    public var passed: Bool { mismatches.isEmpty && assertionFailures.isEmpty && error == nil }
}

public enum TranscriptReplayer {
    public static func replay<D: ConversationDriver>(_ t: Transcript, rules: RuleSet, driver: inout D) -> TranscriptResult {
        var result = TranscriptResult()
        var referred = Set<String>(), counsellor = Set<String>()
        do {
            let opening = try driver.start(language: t.language, date: t.date)
            result.actualOpening = opening.text
            compare(t.opening, result.actualOpening, input: nil, inputLine: nil, into: &result)
            for turn in t.turns {
                let reply = try driver.send(turn.input)
                referred.formUnion(reply.referred)
                counsellor.formUnion(reply.counsellor)
                let text = reply.text
                result.actualOutputs.append(text)
                compare(turn.output, text, input: turn.input, inputLine: turn.line, into: &result)
                for a in turn.assertions {
                    if let failure = check(a, referred: referred, counsellor: counsellor, known: driver.knownFacts, rules: rules) {
                        result.assertionFailures.append((a.line, failure))
                    }
                }
            }
        } catch {
            result.error = "\(error)"
        }
        return result
    }

    private static func compare(_ block: Transcript.Block, _ actual: String, input: String?, inputLine: Int?, into result: inout TranscriptResult) {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard block.text != Transcript.normalize(actualLines) else { return }
        var expected = block.lines
        while expected.last?.trimmingSpaces.isEmpty == true { expected.removeLast() }
        var got = actualLines
        while got.last?.trimmingSpaces.isEmpty == true { got.removeLast() }
        result.mismatches.append(.init(inputLine: inputLine, input: input, expectedStart: block.firstLine, expected: expected, actual: got))
    }

    private static func check(_ a: Transcript.Assertion, referred: Set<String>, counsellor: Set<String>,
                              known: [String: FactValue]?, rules: RuleSet) -> String? {
        switch a.kind {
        case .referred(let ids):
            let missing = ids.filter { !referred.contains($0) }
            return missing.isEmpty ? nil : "not referred: \(missing.joined(separator: ", ")) (referred: \(referred.sorted().joined(separator: ", ")))"
        case .notReferred(let ids):
            let present = ids.filter { referred.contains($0) }
            return present.isEmpty ? nil : "referred, but should not be: \(present.joined(separator: ", "))"
        case .counsellor(let ids):
            let missing = ids.filter { !counsellor.contains($0) }
            return missing.isEmpty ? nil : "not listed for a counsellor: \(missing.joined(separator: ", "))"
        case .known(let fact, let value):
            guard let known else { return nil } // not observable over a socket
            guard let index = rules.facts.index[fact] else { return "undefined fact '\(fact)'" }
            let actual = describe(known[fact], rules.facts.facts[index])
            return actual == value ? nil : "\(fact) is \(actual), expected \(value)"
        }
    }

    static func describe(_ value: FactValue?, _ fact: Fact) -> String {
        switch value {
        case nil: "?"
        case .bool(let b)?: b ? "true" : "false"
        case .number(let n)?: n.compact
        case .choice(let i)?: fact.options[i].value.value
        }
    }

    /// The transcript rewritten with what the kiosk shows now, keeping inputs and assertions.
    public static func updated(_ t: Transcript, with result: TranscriptResult) -> String {
        var assertions: [Int: [String]] = [:]
        var comments: [Int: [String]] = [-1: t.opening.comments]
        for (i, turn) in t.turns.enumerated() {
            assertions[i] = turn.assertions.map(TranscriptFormat.text(of:))
            comments[i] = turn.output.comments
        }
        let turns = zip(t.turns, result.actualOutputs).map { ($0.input, $1) }
        return TranscriptFormat.write(title: t.title, language: t.language, date: t.date, opening: result.actualOpening,
                                      turns: turns, assertions: assertions, comments: comments, header: t.header)
    }
}
