import LotseCore
import Testing

/// `not` binds tighter than `and`, `and` tighter than `or`; comparisons tighter than `not`;
/// parentheses override.
@Suite struct ConditionPrecedenceTests {
    @Test func andBindsTighterThanOrInTheSyntaxTree() throws {
        // a@0 or@2 b@5 and@7 c@11
        #expect(try ConditionParser.parse("a or b and c")
                == .or(.name("a", at: 0), .and(.name("b", at: 5), .name("c", at: 11), at: 7), at: 2))
        // a@0 and@2 b@6 or@8 c@11
        #expect(try ConditionParser.parse("a and b or c")
                == .or(.and(.name("a", at: 0), .name("b", at: 6), at: 2), .name("c", at: 11), at: 8))
    }

    @Test func notBindsTighterThanAnd() throws {
        // not@0 a@4 and@6 b@10
        #expect(try ConditionParser.parse("not a and b") == .and(.not(.name("a", at: 4), at: 0), .name("b", at: 10), at: 6))
    }

    @Test func comparisonBindsTighterThanNot() throws {
        // not@0 age@4 >@8 3@10
        #expect(try ConditionParser.parse("not age > 3")
                == .not(.compare(.greater, .name("age", at: 4), .number(3, text: "3", at: 10), at: 8), at: 0))
        // Were `not` tighter, `(not age) > 3` would be a type error; it is not.
        #expect(TestFacts.eval("not age > 3", ["age": .number(5)]) == .no)
        #expect(TestFacts.eval("not age > 3", ["age": .number(2)]) == .yes)
    }

    @Test func notInBindsAsOneComparison() throws {
        #expect(try ConditionParser.parse("not status not in [eu]")
                == .not(.membership(.name("status", at: 4), [.name("eu", at: 19)], negated: true, at: 11), at: 0))
    }

    @Test func parenthesesOverridePrecedence() throws {
        // (@0 a@1 or@3 b@6 )@7 and@9 c@13
        #expect(try ConditionParser.parse("(a or b) and c")
                == .and(.or(.name("a", at: 1), .name("b", at: 6), at: 3), .name("c", at: 13), at: 9))
        #expect(try ConditionParser.parse("not (a and b)") == .not(.and(.name("a", at: 5), .name("b", at: 11), at: 7), at: 0))
    }

    @Test func andAndOrAreLeftAssociative() throws {
        #expect(try ConditionParser.parse("a and b and c")
                == .and(.and(.name("a", at: 0), .name("b", at: 6), at: 2), .name("c", at: 12), at: 8))
    }

    static let cases: [(text: String, expected: @Sendable (Tri, Tri) -> Tri)] = [
        ("b1 or benefit and not b1", { a, b in Kleene.or(a, Kleene.and(b, Kleene.not(a))) }),
        ("b1 and benefit or not b1", { a, b in Kleene.or(Kleene.and(a, b), Kleene.not(a)) }),
        ("not b1 and benefit", { a, b in Kleene.and(Kleene.not(a), b) }),
        ("not (b1 and benefit)", { a, b in Kleene.not(Kleene.and(a, b)) }),
        ("(b1 or benefit) and not benefit", { a, b in Kleene.and(Kleene.or(a, b), Kleene.not(b)) }),
        ("not not b1 or benefit", { a, b in Kleene.or(a, b) }),
    ]

    /// The same rules seen from evaluation, over every combination of yes, no and unknown.
    @Test(arguments: 0..<6)
    func evaluationFollowsPrecedence(_ k: Int) throws {
        let (text, expected) = Self.cases[k]
        for a in Kleene.all {
            for b in Kleene.all {
                let got = TestFacts.eval(text, ["b1": Kleene.fact(a), "benefit": Kleene.fact(b)])
                #expect(got == expected(a, b), "\(text) with b1 = \(a), benefit = \(b)")
            }
        }
    }
}
