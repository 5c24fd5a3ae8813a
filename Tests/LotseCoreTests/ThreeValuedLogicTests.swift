import LotseCore
import Testing

/// "Don't know" stays unknown: Kleene's logic, never a silent "no".
@Suite struct ThreeValuedLogicTests {
    @Test func andOrNotFollowKleeneOverFacts() throws {
        for a in Kleene.all {
            #expect(TestFacts.eval("not b1", ["b1": Kleene.fact(a)]) == Kleene.not(a), "not \(a)")
            for b in Kleene.all {
                let given = ["b1": Kleene.fact(a), "benefit": Kleene.fact(b)]
                #expect(TestFacts.eval("b1 and benefit", given) == Kleene.and(a, b), "\(a) and \(b)")
                #expect(TestFacts.eval("b1 or benefit", given) == Kleene.or(a, b), "\(a) or \(b)")
            }
        }
    }

    @Test func theCasesTheFormatNames() throws {
        #expect(TestFacts.eval("false and b1") == .no, "false and unknown is false")
        #expect(TestFacts.eval("b1 and false") == .no, "unknown and false is false")
        #expect(TestFacts.eval("true or b1") == .yes, "true or unknown is true")
        #expect(TestFacts.eval("b1 or true") == .yes, "unknown or true is true")
        #expect(TestFacts.eval("not b1") == .unknown, "not unknown is unknown")
        #expect(TestFacts.eval("true and b1") == .unknown)
        #expect(TestFacts.eval("false or b1") == .unknown)
    }

    @Test func triOperatorsMatchKleene() throws {
        for a in Kleene.all {
            #expect(!a == Kleene.not(a))
            for b in Kleene.all {
                #expect((a && b) == Kleene.and(a, b), "\(a) && \(b)")
                #expect((a || b) == Kleene.or(a, b), "\(a) || \(b)")
            }
        }
        #expect(Tri(true) == .yes)
        #expect(Tri(false) == .no)
    }

    @Test(arguments: ["age > 3", "age == 3", "age != 3", "3 <= age", "age < saldo", "saldo >= -1",
                      "b1 == true", "b1 != false", "b1 == benefit",
                      "status == eu", "status != eu", "status in [eu, duldung]", "status not in [eu]"])
    func aComparisonWithAnUnknownFactIsUnknown(_ text: String) throws {
        // No fact has a value.
        #expect(TestFacts.eval(text) == .unknown)
        #expect(TestFacts.eval("not (\(text))") == .unknown)
    }

    @Test func oneUnknownSideIsEnough() throws {
        #expect(TestFacts.eval("age < saldo", ["age": .number(1)]) == .unknown)
        #expect(TestFacts.eval("age < saldo", ["saldo": .number(1)]) == .unknown)
        #expect(TestFacts.eval("b1 == benefit", ["b1": .bool(true)]) == .unknown)
    }

    @Test func unknownComparisonsCombineLikeUnknownFacts() throws {
        #expect(TestFacts.eval("age > 3 and false") == .no)
        #expect(TestFacts.eval("age > 3 or true") == .yes)
        #expect(TestFacts.eval("age > 3 or age <= 3") == .unknown, "unknown, even though one side must hold")
        #expect(TestFacts.eval("status in [eu] or b1", ["b1": .bool(true)]) == .yes)
    }

    @Test func knownIsNeverUnknown() throws {
        for t in Kleene.all {
            let got = TestFacts.eval("known(b1)", ["b1": Kleene.fact(t)])
            #expect(got == (t == .unknown ? .no : .yes))
            #expect(TestFacts.eval("not known(b1)", ["b1": Kleene.fact(t)]) == (t == .unknown ? .yes : .no))
        }
        #expect(TestFacts.eval("known(age) and age > 3") == .no, "known() turns 'not asked' into a definite no")
        #expect(TestFacts.eval("not known(age) or age > 3") == .yes)
        #expect(TestFacts.eval("known(age) or age > 3") == .unknown)
    }

    @Test func aChoiceAnsweredDontKnowIsNeitherInNorNotIn() throws {
        #expect(TestFacts.eval("status in [permit, gestattung, duldung, eu]") == .unknown)
        #expect(TestFacts.eval("status not in [permit]") == .unknown)
    }

    @Test func longFlatChainsEvaluate() throws {
        let chain = Array(repeating: "b1", count: 200).joined(separator: " and ")
        #expect(TestFacts.eval(chain, ["b1": .bool(true)]) == .yes)
        #expect(TestFacts.eval(chain) == .unknown)
        #expect(TestFacts.eval(chain + " and false") == .no)
        #expect(TestFacts.eval(Array(repeating: "b1", count: 200).joined(separator: " or ") + " or true") == .yes)
    }
}
