import LotseCore
import Testing

/// Every syntax error, at the offset (in Unicode scalars) where staff must look.
@Suite struct ConditionSyntaxErrorTests {
    @Test(arguments: [
        ("", ConditionError(.empty, at: 0)),
        ("   ", ConditionError(.empty, at: 0)),
        ("age = 3", ConditionError(.singleEquals, at: 4)),
        ("age=", ConditionError(.singleEquals, at: 3)),
        ("status == 'duldung", ConditionError(.unterminatedString, at: 10)),
        ("status == \"duldung", ConditionError(.unterminatedString, at: 10)),
        ("status == 'duldung\"", ConditionError(.unterminatedString, at: 10)),
        ("age > 1.2.3", ConditionError(.invalidNumber("1.2.3"), at: 6)),
        ("age > 12a", ConditionError(.invalidNumber("12a"), at: 6)),
        ("age > 3-4", ConditionError(.invalidNumber("3-4"), at: 6)),
        ("age > 1-", ConditionError(.invalidNumber("1-"), at: 6)),
        ("today > 2026-02-30", ConditionError(.invalidDate("2026-02-30"), at: 8)),
        ("today > 2025-02-29", ConditionError(.invalidDate("2025-02-29"), at: 8)),
        ("today > 2026-13-01", ConditionError(.invalidDate("2026-13-01"), at: 8)),
        ("age > 3 & b1", ConditionError(.unexpectedCharacter("&"), at: 8)),
        ("!b1", ConditionError(.unexpectedCharacter("!"), at: 0)),
        ("age > .5", ConditionError(.unexpectedCharacter("."), at: 6)),
        ("age > 3 3", ConditionError(.unexpectedToken("3", expected: .operatorOrEnd), at: 8)),
        ("b1 benefit", ConditionError(.unexpectedToken("benefit", expected: .operatorOrEnd), at: 3)),
        ("age == 1 == 1", ConditionError(.unexpectedToken("==", expected: .operatorOrEnd), at: 9)),
        ("and b1", ConditionError(.unexpectedToken("and", expected: .operand), at: 0)),
        ("b1 and", ConditionError(.unexpectedToken("", expected: .operand), at: 6)),
        ("b1 or or b1", ConditionError(.unexpectedToken("or", expected: .operand), at: 6)),
        ("age >", ConditionError(.unexpectedToken("", expected: .operand), at: 5)),
        ("age > )", ConditionError(.unexpectedToken(")", expected: .operand), at: 6)),
        ("(age > 3", ConditionError(.unexpectedToken("", expected: .closingParenthesis), at: 8)),
        ("(age > 3]", ConditionError(.unexpectedToken("]", expected: .closingParenthesis), at: 8)),
        ("age > 3)", ConditionError(.unexpectedToken(")", expected: .operatorOrEnd), at: 7)),
        ("status in [eu, duldung", ConditionError(.unexpectedToken("", expected: .commaOrBracket), at: 22)),
        ("status in [eu duldung]", ConditionError(.unexpectedToken("duldung", expected: .commaOrBracket), at: 14)),
        ("status in [eu,]", ConditionError(.unexpectedToken("]", expected: .listItem), at: 14)),
        ("status in []", ConditionError(.unexpectedToken("]", expected: .listItem), at: 11)),
        ("status in [and]", ConditionError(.unexpectedToken("and", expected: .listItem), at: 11)),
        ("status in eu", ConditionError(.unexpectedToken("eu", expected: .list), at: 10)),
        ("status not in eu", ConditionError(.unexpectedToken("eu", expected: .list), at: 14)),
        ("known()", ConditionError(.unexpectedToken(")", expected: .factName), at: 6)),
        ("known(", ConditionError(.unexpectedToken("", expected: .factName), at: 6)),
        ("known(today)", ConditionError(.unexpectedToken("today", expected: .factName), at: 6)),
        ("known(3)", ConditionError(.unexpectedToken("3", expected: .factName), at: 6)),
        ("known age", ConditionError(.unexpectedToken("age", expected: .openingParenthesis), at: 6)),
        ("known(age", ConditionError(.unexpectedToken("", expected: .closingParenthesis), at: 9)),
        ("known(age b1)", ConditionError(.unexpectedToken("b1", expected: .closingParenthesis), at: 10)),
    ])
    func syntaxError(text: String, expected: ConditionError) throws {
        #expect(throws: expected, "\(text)") { try ConditionParser.parse(text) }
        // Compiling reports the same: syntax comes first.
        #expect(TestFacts.error(text) == expected, "\(text)")
    }

    @Test func offsetsCountUnicodeScalarsLikeLibyaml() throws {
        // "größe" is 5 scalars; "🙂" is one scalar (two UTF-16 units).
        #expect(throws: ConditionError(.singleEquals, at: 6)) { try ConditionParser.parse("größe = 3") }
        #expect(throws: ConditionError(.unexpectedCharacter("&"), at: 9)) { try ConditionParser.parse("'🙂' == x & y") }
    }

    @Test func messagesSayWhatWasExpectedAndFound() throws {
        func message(_ text: String, _ l: ToolLanguage) throws -> String {
            do { _ = try ConditionParser.parse(text) } catch { return error.problem.message(l) }
            Issue.record("'\(text)' parsed")
            return ""
        }
        #expect(try message("(age > 3", .en) == "expected ')', found the end of the condition")
        #expect(try message("(age > 3", .de) == "')' erwartet, gefunden: das Ende der Bedingung")
        #expect(try message("age > 3 3", .en) == "expected 'and', 'or' or the end, found '3'")
        #expect(try message("status in [eu duldung]", .en) == "expected ',' or ']', found 'duldung'")
        #expect(try message("age = 3", .en) == "'=' alone is no comparison: write '=='")
        #expect(try message("x == 'a", .en) == "string without closing quote")
        #expect(try message("today > 2026-02-30", .en) == "'2026-02-30' is not a valid date (YYYY-MM-DD)")
        #expect(try message("age > 1.2.3", .en) == "'1.2.3' is not a valid number")
        #expect(try message("", .en) == "empty condition")
        #expect(try message("known()", .en) == "expected a fact, found ')'")
        #expect(try message("status in eu", .de) == "eine Liste '[…]' erwartet, gefunden: 'eu'")
    }

    // MARK: Nesting depth

    static let limit = 64

    @Test func nestingJustBelowTheLimitParses() throws {
        let depth = Self.limit - 1
        let text = String(repeating: "(", count: depth) + "b1" + String(repeating: ")", count: depth)
        #expect(TestFacts.eval(text, ["b1": .bool(true)]) == .yes)
        let nots = String(repeating: "not ", count: depth) + "b1"
        #expect(TestFacts.eval(nots, ["b1": .bool(true)]) == (depth % 2 == 0 ? .yes : .no))
    }

    @Test func parenthesesOverTheLimit() throws {
        let text = String(repeating: "(", count: Self.limit) + "b1" + String(repeating: ")", count: Self.limit)
        #expect(throws: ConditionError(.tooDeep, at: Self.limit - 1)) { try ConditionParser.parse(text) }
        #expect(try #require(TestFacts.error(text)).problem.message(.en) == "condition is nested too deeply")
    }

    @Test func notsOverTheLimit() throws {
        let text = String(repeating: "not ", count: Self.limit) + "b1"
        #expect(throws: ConditionError(.tooDeep, at: (Self.limit - 1) * 4)) { try ConditionParser.parse(text) }
    }

    @Test func hostileNestingDoesNotExhaustTheStack() throws {
        let text = String(repeating: "(", count: 100_000)
        #expect(throws: ConditionError(.tooDeep, at: Self.limit - 1)) { try ConditionParser.parse(text) }
        let mixed = String(repeating: "not (", count: 50_000)
        #expect(throws: ConditionError.self) { try ConditionParser.parse(mixed) }
    }
}
