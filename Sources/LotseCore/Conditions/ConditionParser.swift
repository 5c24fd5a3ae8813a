/// Recursive-descent parser for the condition language (grammar in docs/rule-format.md).
public struct ConditionParser {
    private var tokens: [ConditionLexer.Token]
    private var position = 0
    /// Guards against stack exhaustion on hostile input such as ten thousand "(".
    private var depth = 0
    static let maximumDepth = 64
    /// A condition is a sentence, not a program: a bound on its length keeps evaluation and
    /// analysis (which recurse over `and`/`or` chains) far from the stack's limit.
    static let maximumTokens = 1000

    public static func parse(_ text: String) throws(ConditionError) -> ConditionSyntax {
        let tokens = try ConditionLexer.tokenize(text)
        var parser = ConditionParser(tokens: tokens)
        guard parser.current.kind != .end else { throw ConditionError(.empty, at: 0) }
        let result = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw ConditionError(.unexpectedToken(parser.current.kind.display, expected: .operatorOrEnd), at: parser.current.offset)
        }
        // Parsing chains is iterative, but compiling and evaluating recurse along them.
        if tokens.count > maximumTokens { throw ConditionError(.tooLong(maximumTokens), at: tokens[maximumTokens].offset) }
        return result
    }

    private init(tokens: [ConditionLexer.Token]) { self.tokens = tokens }

    private var current: ConditionLexer.Token { tokens[position] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isKeyword(_ word: String) -> Bool {
        if case .name(let n) = current.kind { return n == word }
        return false
    }

    private mutating func parseOr() throws(ConditionError) -> ConditionSyntax {
        var left = try parseAnd()
        while isKeyword("or") {
            let at = current.offset
            advance()
            left = .or(left, try parseAnd(), at: at)
        }
        return left
    }

    private mutating func parseAnd() throws(ConditionError) -> ConditionSyntax {
        var left = try parseNot()
        while isKeyword("and") {
            let at = current.offset
            advance()
            left = .and(left, try parseNot(), at: at)
        }
        return left
    }

    private mutating func parseNot() throws(ConditionError) -> ConditionSyntax {
        if isKeyword("not") {
            let at = current.offset
            advance()
            depth += 1
            defer { depth -= 1 }
            guard depth < Self.maximumDepth else { throw ConditionError(.tooDeep, at: at) }
            return .not(try parseNot(), at: at)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ConditionError) -> ConditionSyntax {
        let left = try parseOperand()
        if case .op(let op) = current.kind {
            let at = current.offset
            advance()
            return .compare(op, left, try parseOperand(), at: at)
        }
        if isKeyword("in") {
            let at = current.offset
            advance()
            return .membership(left, try parseList(), negated: false, at: at)
        }
        if isKeyword("not"), position + 1 < tokens.count, case .name("in") = tokens[position + 1].kind {
            let at = current.offset
            advance(); advance()
            return .membership(left, try parseList(), negated: true, at: at)
        }
        return left
    }

    private mutating func parseList() throws(ConditionError) -> [ConditionSyntax] {
        guard current.kind == .lbracket else {
            throw ConditionError(.unexpectedToken(current.kind.display, expected: .list), at: current.offset)
        }
        advance()
        var items: [ConditionSyntax] = []
        while true {
            switch current.kind {
            case .name(let n) where !ConditionParser.keywords.contains(n): items.append(.name(n, at: current.offset))
            case .string(let v): items.append(.string(v, at: current.offset))
            case .number(let v, let raw): items.append(.number(v, text: raw, at: current.offset))
            case .date(let d): items.append(.date(d, at: current.offset))
            default:
                throw ConditionError(.unexpectedToken(current.kind.display, expected: .listItem), at: current.offset)
            }
            advance()
            if current.kind == .comma { advance(); continue }
            if current.kind == .rbracket { advance(); return items }
            throw ConditionError(.unexpectedToken(current.kind.display, expected: .commaOrBracket), at: current.offset)
        }
    }

    static let keywords: Set<String> = ["and", "or", "not", "in", "known", "today", "true", "false"]

    private mutating func parseOperand() throws(ConditionError) -> ConditionSyntax {
        let token = current
        switch token.kind {
        case .lparen:
            advance()
            depth += 1
            defer { depth -= 1 }
            guard depth < Self.maximumDepth else { throw ConditionError(.tooDeep, at: token.offset) }
            let inner = try parseOr()
            guard current.kind == .rparen else {
                throw ConditionError(.unexpectedToken(current.kind.display, expected: .closingParenthesis), at: current.offset)
            }
            advance()
            return inner
        case .number(let v, let raw): advance(); return .number(v, text: raw, at: token.offset)
        case .string(let v): advance(); return .string(v, at: token.offset)
        case .date(let d): advance(); return .date(d, at: token.offset)
        case .name("true"): advance(); return .bool(true, at: token.offset)
        case .name("false"): advance(); return .bool(false, at: token.offset)
        case .name("today"): advance(); return .today(at: token.offset)
        case .name("known"):
            advance()
            guard current.kind == .lparen else {
                throw ConditionError(.unexpectedToken(current.kind.display, expected: .openingParenthesis), at: current.offset)
            }
            advance()
            guard case .name(let fact) = current.kind, !Self.keywords.contains(fact) else {
                throw ConditionError(.unexpectedToken(current.kind.display, expected: .factName), at: current.offset)
            }
            let factOffset = current.offset
            advance()
            guard current.kind == .rparen else {
                throw ConditionError(.unexpectedToken(current.kind.display, expected: .closingParenthesis), at: current.offset)
            }
            advance()
            return .known(fact, at: factOffset)
        case .name(let n) where !Self.keywords.contains(n):
            advance()
            return .name(n, at: token.offset)
        default:
            throw ConditionError(.unexpectedToken(token.kind.display, expected: .operand), at: token.offset)
        }
    }
}

extension ConditionLexer.Kind {
    var display: String {
        switch self {
        case .name(let n): n
        case .number(_, let raw): raw
        case .date(let d): d.description
        case .string(let s): "\"\(s)\""
        case .op(let op): op.rawValue
        case .lparen: "("
        case .rparen: ")"
        case .lbracket: "["
        case .rbracket: "]"
        case .comma: ","
        case .end: ""
        }
    }
}
