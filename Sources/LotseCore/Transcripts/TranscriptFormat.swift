/// Reading and writing the transcript text format.
///
/// ```
/// title: Recognised refugee, language course
/// language: de
/// date: 2026-03-01
///
/// <what the kiosk showed first>
/// > 1
/// <what it showed after "1">
/// ? referred: integrationskurs_anspruch
/// ```
/// Lines starting with `>` are the newcomer's input, `?` assertions, `#` comments; every other
/// line is expected output. An output line that itself starts with `>`, `?`, `#` or `\` is
/// written with a leading `\`.
public enum TranscriptFormat {
    public static let headerKeys = ["title", "language", "date"]

    public static func parse(_ text: String, path: String) throws(TranscriptError) -> Transcript {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        var header: [String: String] = [:]
        var i = 0
        while i < lines.count, !lines[i].trimmingSpaces.isEmpty {
            let line = lines[i]
            i += 1
            if line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw TranscriptError(line: i, message: "expected 'key: value' in the header (keys: \(headerKeys.joined(separator: ", ")))")
            }
            let key = String(line[..<colon]).trimmingSpaces
            guard headerKeys.contains(key) else {
                throw TranscriptError(line: i, message: "unknown header key '\(key)' (keys: \(headerKeys.joined(separator: ", ")))")
            }
            header[key] = String(line[line.index(after: colon)...]).trimmingSpaces
        }
        guard let title = header["title"], !title.isEmpty else { throw TranscriptError(line: 1, message: "the header needs 'title: …'") }
        guard let dateText = header["date"], let date = Day(iso: dateText) else {
            throw TranscriptError(line: 1, message: "the header needs 'date: YYYY-MM-DD' (the \"as of\" date)")
        }
        i += 1 // the blank line after the header
        var opening = Transcript.Block(lines: [], firstLine: i + 1)
        var turns: [Transcript.Turn] = []
        while i < lines.count {
            let line = lines[i]
            let number = i + 1
            i += 1
            if line.hasPrefix(">") {
                let input = line.dropFirst().hasPrefix(" ") ? String(line.dropFirst(2)) : String(line.dropFirst())
                turns.append(Transcript.Turn(input: input, line: number, output: Transcript.Block(lines: [], firstLine: number + 1), assertions: []))
            } else if line.hasPrefix("?") {
                let assertion = try parseAssertion(String(line.dropFirst()), line: number)
                guard !turns.isEmpty else { throw TranscriptError(line: number, message: "an assertion needs an input ('> …') before it") }
                turns[turns.count - 1].assertions.append(assertion)
            } else if line.hasPrefix("#") {
                if turns.isEmpty { opening.comments.append(line) } else { turns[turns.count - 1].output.comments.append(line) }
            } else {
                let content = line.hasPrefix("\\") ? String(line.dropFirst()) : line
                if turns.isEmpty { opening.lines.append(content) } else { turns[turns.count - 1].output.lines.append(content) }
            }
        }
        // The file's final newline is not an output line.
        if turns.isEmpty { if opening.lines.last == "" { opening.lines.removeLast() } }
        else if turns[turns.count - 1].output.lines.last == "" { turns[turns.count - 1].output.lines.removeLast() }
        let language = header["language"].flatMap { $0.isEmpty ? nil : $0 }
        var transcript = Transcript(path: path, title: title, language: language, date: date, opening: opening, turns: turns)
        transcript.header = Array(lines.prefix(while: { !$0.trimmingSpaces.isEmpty }))
        return transcript
    }

    private static func parseAssertion(_ text: String, line: Int) throws(TranscriptError) -> Transcript.Assertion {
        guard let colon = text.firstIndex(of: ":") else {
            throw TranscriptError(line: line, message: "expected '? referred: …', '? not referred: …', '? counsellor: …' or '? known: fact = value'")
        }
        let key = String(text[..<colon]).trimmingSpaces
        let value = String(text[text.index(after: colon)...]).trimmingSpaces
        let list = value.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        switch key {
        case "referred": return .init(kind: .referred(list), line: line)
        case "not referred": return .init(kind: .notReferred(list), line: line)
        case "counsellor": return .init(kind: .counsellor(list), line: line)
        case "known":
            let parts = value.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2 else { throw TranscriptError(line: line, message: "expected '? known: fact = value' (value '?' for not known)") }
            return .init(kind: .known(fact: parts[0], value: parts[1]), line: line)
        default:
            throw TranscriptError(line: line, message: "unknown assertion '\(key)' (referred, not referred, counsellor, known)")
        }
    }

    /// An assertion as written after `? ` — the inverse of the parsing above.
    static func text(of assertion: Transcript.Assertion) -> String {
        switch assertion.kind {
        case .referred(let ids): "referred: " + ids.joined(separator: ", ")
        case .notReferred(let ids): "not referred: " + ids.joined(separator: ", ")
        case .counsellor(let ids): "counsellor: " + ids.joined(separator: ", ")
        case .known(let fact, let value): "known: \(fact) = \(value)"
        }
    }

    /// Writes a transcript; `turns` are the inputs with the text shown after each.
    public static func write(title: String, language: String?, date: Day, opening: String, turns: [(input: String, output: String)],
                             assertions: [Int: [String]] = [:], comments: [Int: [String]] = [:], header: [String]? = nil) -> String {
        var out: String
        if let header {
            out = header.joined(separator: "\n") + "\n\n"
        } else {
            out = "title: \(title)\n"
            if let language { out += "language: \(language)\n" }
            out += "date: \(date)\n\n"
        }
        // Comments of the opening are under index -1.
        for c in comments[-1] ?? [] { out += c + "\n" }
        out += escape(opening)
        for (i, turn) in turns.enumerated() {
            out += "> \(turn.input)\n"
            for c in comments[i] ?? [] { out += c + "\n" }
            out += escape(turn.output)
            for a in assertions[i] ?? [] { out += "? \(a)\n" }
        }
        return out
    }

    static func escape(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            if let first = line.first, ">?#\\".contains(first) { return "\\" + line }
            return line
        }.map { $0 + "\n" }.joined()
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
