import LotseCore
import Testing

/// Type errors are caught when the rules load and name both sides, so staff can see which
/// fact to change.
@Suite struct ConditionTypeErrorTests {
    @Test func numberFactAgainstChoiceFact() throws {
        let e = try #require(TestFacts.error("age == status"))
        #expect(e == ConditionError(.typeMismatch("==", left: .numberFact("age"), right: .choiceFact("status")), at: 4))
        #expect(e.problem.message(.en) == "type error: cannot compare the number fact 'age' with the choice fact 'status' using '=='")
        #expect(e.problem.message(.de) == "Typfehler: '==' kann Zahl-Fakt 'age' nicht mit Auswahl-Fakt 'status' vergleichen")
    }

    @Test func choiceValueNotInTheFactsOptions() throws {
        let e = try #require(TestFacts.error("status == visum"))
        #expect(e == ConditionError(.valueNotInChoice(value: "visum", fact: "status", options: TestFacts.statusOptions), at: 10))
        #expect(e.problem.message(.en) == "'visum' is not an option of the choice fact 'status' (options: permit, gestattung, duldung, eu)")
    }

    @Test func choiceValueNotInTheOptionsInAList() throws {
        // status@0 in@7 [@10 eu@11 ,@13 visa@15
        #expect(TestFacts.error("status in [eu, 'visa']")
                == ConditionError(.valueNotInChoice(value: "visa", fact: "status", options: TestFacts.statusOptions), at: 15))
    }

    @Test func choiceValueOnTheLeft() throws {
        #expect(TestFacts.error("visum != status")
                == ConditionError(.valueNotInChoice(value: "visum", fact: "status", options: TestFacts.statusOptions), at: 0))
    }

    @Test func orderingOnAChoice() throws {
        let e = try #require(TestFacts.error("status < duldung"))
        #expect(e == ConditionError(.orderingOnChoice(fact: "status"), at: 7))
        #expect(e.problem.message(.en) == "type error: the choice fact 'status' can only be compared with ==, != or in")
        #expect(TestFacts.error("duldung >= status") == ConditionError(.orderingOnChoice(fact: "status"), at: 8))
    }

    @Test func andOnANumber() throws {
        let e = try #require(TestFacts.error("age and b1"))
        #expect(e == ConditionError(.notYesNo(.numberFact("age")), at: 0))
        #expect(e.problem.message(.en) == "type error: a yes/no condition is expected here, not the number fact 'age'")
        #expect(TestFacts.error("b1 or 3") == ConditionError(.notYesNo(.numberLiteral("3")), at: 6))
        #expect(TestFacts.error("not status") == ConditionError(.notYesNo(.choiceFact("status")), at: 4))
        #expect(TestFacts.error("today") == ConditionError(.notYesNo(.today), at: 0))
        #expect(TestFacts.error("'x' and b1") == ConditionError(.notYesNo(.stringLiteral("x")), at: 0))
        #expect(TestFacts.error("b1 and 2026-01-01") == ConditionError(.notYesNo(.dateLiteral("2026-01-01")), at: 7))
    }

    @Test func bareUnknownNameWithDidYouMean() throws {
        let e = try #require(TestFacts.error("agee > 3"))
        #expect(e == ConditionError(.unknownName("agee", suggestion: "age"), at: 0))
        #expect(e.problem.message(.en) == "unknown fact 'agee' – did you mean 'age'?")
        #expect(e.problem.message(.de) == "unbekannter Fakt 'agee' – meinten Sie 'age'?")
        #expect(TestFacts.error("age > zwanzig") == ConditionError(.unknownName("zwanzig", suggestion: nil), at: 6))
        #expect(TestFacts.error("b2") == ConditionError(.unknownName("b2", suggestion: "b1"), at: 0))
        #expect(TestFacts.error("statuss in [eu]") == ConditionError(.unknownName("statuss", suggestion: "status"), at: 0))
        #expect(try #require(TestFacts.error("age > zwanzig")).problem.message(.en) == "unknown fact 'zwanzig'")
    }

    @Test func knownOfAnUnknownFact() throws {
        let e = try #require(TestFacts.error("known(benefits)"))
        #expect(e == ConditionError(.unknownFactInKnown("benefits", suggestion: "benefit"), at: 6))
        #expect(e.problem.message(.en) == "known(…) needs a fact; 'benefits' is none – did you mean 'benefit'?")
    }

    @Test(arguments: [
        ("today > 3", ConditionError(.typeMismatch(">", left: .today, right: .numberLiteral("3")), at: 6)),
        ("age == 'drei'", ConditionError(.typeMismatch("==", left: .numberFact("age"), right: .stringLiteral("drei")), at: 4)),
        ("b1 < true", ConditionError(.typeMismatch("<", left: .yesNoFact("b1"), right: .boolLiteral(true)), at: 3)),
        ("b1 == 1", ConditionError(.typeMismatch("==", left: .yesNoFact("b1"), right: .numberLiteral("1")), at: 3)),
        ("2026-01-01 == 3", ConditionError(.typeMismatch("==", left: .dateLiteral("2026-01-01"), right: .numberLiteral("3")), at: 11)),
        ("status == status", ConditionError(.typeMismatch("==", left: .choiceFact("status"), right: .choiceFact("status")), at: 7)),
        ("age in [1, 2]", ConditionError(.typeMismatch("in", left: .numberFact("age"), right: .numberLiteral("1")), at: 4)),
        ("b1 not in [x]", ConditionError(.typeMismatch("not in", left: .yesNoFact("b1"), right: .stringLiteral("x")), at: 3)),
        ("status in [duldung, 3]", ConditionError(.typeMismatch("in", left: .choiceFact("status"), right: .numberLiteral("3")), at: 20)),
        ("(b1 and benefit) == true", ConditionError(.typeMismatch("==", left: .condition, right: .boolLiteral(true)), at: 17)),
    ])
    func typeMismatchesNameBothSides(text: String, expected: ConditionError) throws {
        #expect(TestFacts.error(text) == expected, "\(text)")
    }

    @Test func mismatchMessagesNameBothSidesInBothLanguages() throws {
        let e = try #require(TestFacts.error("today >= 18"))
        #expect(e.problem.message(.en) == "type error: cannot compare the date 'today' with the number 18 using '>='")
        #expect(e.problem.message(.de) == "Typfehler: '>=' kann Datum 'today' nicht mit Zahl 18 vergleichen")
    }

    @Test func errorsInsideLargerConditionsPointAtThePart() throws {
        // b1@0 and@3 (@7 age@8 >@12 3@14 or@16 status@19 ==@26 visum@29
        #expect(TestFacts.error("b1 and (age > 3 or status == visum)")
                == ConditionError(.valueNotInChoice(value: "visum", fact: "status", options: TestFacts.statusOptions), at: 29))
    }
}
