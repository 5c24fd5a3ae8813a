import LotseCore
import Yams

/// Reads Yams nodes into model values, reporting every wrong kind, unknown key and missing key
/// at its file:line:column and carrying on, so one run shows all problems.
struct NodeReader {
    let file: String
    let text: String
    var diagnostics: [Diagnostic] = []
    /// Where each line starts, found once and only when a condition needs a position mapped.
    private var lineStarts: [String.Index]?
    private var rows: [Int: [Unicode.Scalar]] = [:]

    init(file: String, text: String = "") {
        self.file = file
        self.text = text
    }

    /// Line `index` (0-based) as Unicode scalars, without its line break; nil past the end.
    private mutating func scalars(ofLine index: Int) -> [Unicode.Scalar]? {
        if let cached = rows[index] { return cached }
        if lineStarts == nil {
            var starts = [text.startIndex]
            var i = text.utf8.startIndex
            while let newline = text.utf8[i...].firstIndex(of: UInt8(ascii: "\n")) {
                i = text.utf8.index(after: newline)
                starts.append(i)
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, index < starts.count else { return nil }
        let end = index + 1 < starts.count ? text.utf8.index(before: starts[index + 1]) : text.endIndex
        var line = text[starts[index]..<end]
        if line.hasSuffix("\r") { line = line.dropLast() }
        let scalars = Array(line.unicodeScalars)
        rows[index] = scalars
        return scalars
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ problem: Problem, _ node: Node) {
        diagnostics.append(.error(problem, at: location(node)))
    }

    /// A mapping's entries by key, after checking its keys against the allowed and required ones.
    struct Fields {
        let node: Node
        let location: SourceLocation
        var entries: [String: (key: Node, value: Node)]

        subscript(_ key: String) -> Node? { entries[key]?.value }
        func has(_ key: String) -> Bool { entries[key] != nil }
    }

    mutating func fields(_ node: Node, _ key: String, allowed: [String], required: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(.wrongKind(key: key, expected: .mapping), node)
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (k, v) in mapping {
            guard let name = k.scalar?.string else { error(.wrongKind(key: key, expected: .string), k); continue }
            if allowed.contains(name) {
                entries[name] = (k, v)
            } else {
                error(.unknownKey(name, allowed: allowed), k)
            }
        }
        for r in required where entries[r] == nil { error(.missingKey(r), node) }
        return Fields(node: node, location: location(node), entries: entries)
    }

    mutating func scalar(_ node: Node?, _ key: String) -> Located<String>? {
        guard let node else { return nil }
        guard case .scalar(let s) = node else { error(.wrongKind(key: key, expected: .string), node); return nil }
        return Located(s.string, at: location(node))
    }

    mutating func string(_ node: Node?, _ key: String) -> String? { scalar(node, key)?.value }

    mutating func id(_ node: Node?, _ key: String) -> Located<String>? {
        guard let s = scalar(node, key) else { return nil }
        guard Self.isIdentifier(s.value) else {
            diagnostics.append(.error(.invalidValue(key: key, value: s.value, expected: .identifier), at: s.location))
            return nil
        }
        return s
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    mutating func idList(_ node: Node?, _ key: String) -> [Located<String>] {
        guard let node else { return [] }
        guard case .sequence(let seq) = node else { error(.wrongKind(key: key, expected: .list), node); return [] }
        return seq.compactMap { id($0, key) }
    }

    mutating func bool(_ node: Node?, _ key: String) -> Bool? {
        guard let s = scalar(node, key) else { return nil }
        switch s.value {
        case "true": return true
        case "false": return false
        default:
            diagnostics.append(.error(.invalidValue(key: key, value: s.value, expected: .boolean), at: s.location))
            return nil
        }
    }

    mutating func number(_ node: Node?, _ key: String) -> Double? {
        guard let s = scalar(node, key) else { return nil }
        guard let d = Double(s.value), d.isFinite else {
            diagnostics.append(.error(.invalidValue(key: key, value: s.value, expected: .number), at: s.location))
            return nil
        }
        return d
    }

    mutating func date(_ node: Node?, _ key: String) -> Located<Day>? {
        guard let s = scalar(node, key) else { return nil }
        guard let d = Day(iso: s.value) else {
            diagnostics.append(.error(.invalidValue(key: key, value: s.value, expected: .date), at: s.location))
            return nil
        }
        return Located(d, at: s.location)
    }

    mutating func text(_ node: Node?, _ key: String) -> LocalizedText? {
        guard let node else { return nil }
        switch node {
        case .scalar(let s):
            return LocalizedText(.neutral(s.string), at: location(node))
        case .mapping(let mapping):
            var out: [String: String] = [:]
            for (k, v) in mapping {
                guard let code = k.scalar?.string else { error(.wrongKind(key: key, expected: .text), k); continue }
                guard case .scalar(let s) = v else { error(.wrongKind(key: "\(key).\(code)", expected: .string), v); continue }
                out[code] = s.string
            }
            return LocalizedText(.translations(out), at: location(node))
        default:
            error(.wrongKind(key: key, expected: .text), node)
            return nil
        }
    }

    mutating func textList(_ node: Node?, _ key: String) -> [LocalizedText] {
        guard let node else { return [] }
        guard case .sequence(let seq) = node else { error(.wrongKind(key: key, expected: .list), node); return [] }
        return seq.compactMap { text($0, key) }
    }

    mutating func words(_ node: Node?, _ key: String) -> LocalizedWords? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else { error(.wrongKind(key: key, expected: .words), node); return nil }
        var out: [String: [String]] = [:]
        var places: [String: SourceLocation] = [:]
        for (k, v) in mapping {
            guard let code = k.scalar?.string else { error(.wrongKind(key: key, expected: .words), k); continue }
            places[code] = location(k)
            switch v {
            case .scalar(let s): out[code] = [s.string]
            case .sequence(let seq):
                out[code] = seq.compactMap { scalar($0, "\(key).\(code)")?.value }
            default: error(.wrongKind(key: "\(key).\(code)", expected: .list), v)
            }
        }
        return LocalizedWords(out, at: location(node), languageLocations: places)
    }

    /// A condition with the location of its first character (inside the quotes, if quoted), and
    /// a map from offsets in the condition to places in the file, through escapes and folded lines.
    mutating func condition(_ node: Node?, _ key: String) -> ConditionSource? {
        guard let node else { return nil }
        guard case .scalar(let s) = node else { error(.wrongKind(key: key, expected: .condition), node); return nil }
        let start = location(node)
        let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
        let decoded = s.string.unicodeScalars.count
        var places: [SourceLocation] = []
        places.reserveCapacity(decoded + 1)
        var line = start.line - 1, column = start.column - 1 + (quoted ? 1 : 0)
        for _ in 0...decoded {
            places.append(SourceLocation(file: file, line: line + 1, column: column + 1))
            guard let row = scalars(ofLine: line) else { continue }
            if column >= row.count {
                // A folded line break reads as one space; the next line's indentation is skipped.
                line += 1
                column = 0
                if let next = scalars(ofLine: line) {
                    while column < next.count, next[column] == " " || next[column] == "\t" { column += 1 }
                }
                continue
            }
            let c = row[column]
            if s.style == .doubleQuoted, c == "\\" {
                let next: Unicode.Scalar? = column + 1 < row.count ? row[column + 1] : nil
                switch next {
                case "x": column += 4
                case "u": column += 6
                case "U": column += 10
                default: column += 2
                }
            } else if s.style == .singleQuoted, c == "'", column + 1 < row.count, row[column + 1] == "'" {
                column += 2
            } else {
                column += 1
            }
        }
        return ConditionSource(s.string, at: places[0], places: places)
    }

    /// The items of a list section, each a mapping.
    mutating func list(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let seq) = node else { error(.wrongKind(key: key, expected: .list), node); return [] }
        return Array(seq)
    }
}
