/// Splits a condition into tokens. Works on Unicode scalars so offsets match libyaml's columns.
struct ConditionLexer {
    enum Kind: Equatable {
        case name(String)
        case number(Double, String)
        case date(Day)
        case string(String)
        case op(CompareOperator)
        case lparen, rparen, lbracket, rbracket, comma
        case end
    }

    struct Token: Equatable {
        var kind: Kind
        var offset: Int
    }

    static func tokenize(_ text: String) throws(ConditionError) -> [Token] {
        let s = Array(text.unicodeScalars)
        var i = 0
        var tokens: [Token] = []
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
        func isNamePart(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || ("0"..."9").contains(c) }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

        while i < s.count {
            let c = s[i]
            let start = i
            if c.properties.isWhitespace { i += 1; continue }
            switch c {
            case "(": tokens.append(Token(kind: .lparen, offset: i)); i += 1
            case ")": tokens.append(Token(kind: .rparen, offset: i)); i += 1
            case "[": tokens.append(Token(kind: .lbracket, offset: i)); i += 1
            case "]": tokens.append(Token(kind: .rbracket, offset: i)); i += 1
            case ",": tokens.append(Token(kind: .comma, offset: i)); i += 1
            case "=", "!", "<", ">":
                let next: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
                let op: CompareOperator
                switch (c, next) {
                case ("=", "="): op = .equal; i += 2
                case ("!", "="): op = .notEqual; i += 2
                case ("<", "="): op = .lessOrEqual; i += 2
                case (">", "="): op = .greaterOrEqual; i += 2
                case ("<", _): op = .less; i += 1
                case (">", _): op = .greater; i += 1
                case ("=", _): throw ConditionError(.singleEquals, at: i)
                default: throw ConditionError(.unexpectedCharacter(String(c)), at: i)
                }
                tokens.append(Token(kind: .op(op), offset: start))
            case "\"", "'":
                i += 1
                var value = String.UnicodeScalarView()
                while i < s.count, s[i] != c { value.append(s[i]); i += 1 }
                guard i < s.count else { throw ConditionError(.unterminatedString, at: start) }
                i += 1
                tokens.append(Token(kind: .string(String(value)), offset: start))
            default:
                if isDigit(c) || (c == "-" && i + 1 < s.count && isDigit(s[i + 1])) {
                    i += 1
                    while i < s.count, isDigit(s[i]) || s[i] == "." || s[i] == "-" { i += 1 }
                    if i < s.count, isNameStart(s[i]) {
                        throw ConditionError(.invalidNumber(String(String.UnicodeScalarView(s[start..<(i + 1)]))), at: start)
                    }
                    let raw = String(String.UnicodeScalarView(s[start..<i]))
                    let isDateShape = raw.count == 10 && raw.unicodeScalars.filter({ $0 == "-" }).count == 2 && !raw.hasPrefix("-")
                    if isDateShape {
                        guard let day = Day(iso: raw) else { throw ConditionError(.invalidDate(raw), at: start) }
                        tokens.append(Token(kind: .date(day), offset: start))
                    } else if let value = Double(raw), !raw.dropFirst().contains("-"), value.isFinite {
                        tokens.append(Token(kind: .number(value, raw), offset: start))
                    } else {
                        throw ConditionError(.invalidNumber(raw), at: start)
                    }
                } else if isNameStart(c) {
                    while i < s.count, isNamePart(s[i]) { i += 1 }
                    tokens.append(Token(kind: .name(String(String.UnicodeScalarView(s[start..<i]))), offset: start))
                } else {
                    throw ConditionError(.unexpectedCharacter(String(c)), at: i)
                }
            }
        }
        tokens.append(Token(kind: .end, offset: s.count))
        return tokens
    }
}
