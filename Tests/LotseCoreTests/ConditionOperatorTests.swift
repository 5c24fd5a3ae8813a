import LotseCore
import Testing

/// Every comparison operator and every kind of literal.
@Suite struct ConditionOperatorTests {
    static let orderings: [(String, @Sendable (Double, Double) -> Bool)] = [
        ("==", { $0 == $1 }), ("!=", { $0 != $1 }), ("<", { $0 < $1 }),
        ("<=", { $0 <= $1 }), (">", { $0 > $1 }), (">=", { $0 >= $1 }),
    ]

    @Test(arguments: 0..<6)
    func numberFactAgainstLiteralBothWays(_ k: Int) throws {
        let (op, holds) = Self.orderings[k]
        for age in [26.0, 27, 28] {
            #expect(TestFacts.eval("age \(op) 27", ["age": .number(age)]) == Tri(holds(age, 27)), "age = \(age): age \(op) 27")
            #expect(TestFacts.eval("27 \(op) age", ["age": .number(age)]) == Tri(holds(27, age)), "age = \(age): 27 \(op) age")
        }
    }

    @Test(arguments: 0..<6)
    func todayAgainstADateBothWays(_ k: Int) throws {
        let (op, holds) = Self.orderings[k]
        let date = Day(iso: "2026-02-09")!
        for day in [date.adding(days: -1), date, date.adding(days: 1)] {
            let d = Double(day.ordinal), c = Double(date.ordinal)
            #expect(TestFacts.eval("today \(op) 2026-02-09", today: day) == Tri(holds(d, c)), "today = \(day): today \(op) 2026-02-09")
            #expect(TestFacts.eval("2026-02-09 \(op) today", today: day) == Tri(holds(c, d)), "today = \(day): 2026-02-09 \(op) today")
        }
    }

    @Test(arguments: 0..<6)
    func twoNumberFacts(_ k: Int) throws {
        let (op, holds) = Self.orderings[k]
        for (a, s) in [(3.0, 4.0), (4, 4), (5, 4)] {
            #expect(TestFacts.eval("age \(op) saldo", ["age": .number(a), "saldo": .number(s)]) == Tri(holds(a, s)))
        }
    }

    @Test func negativeAndDecimalNumbers() throws {
        #expect(TestFacts.eval("saldo >= -2", ["saldo": .number(-2)]) == .yes)
        #expect(TestFacts.eval("saldo >= -2", ["saldo": .number(-2.5)]) == .no)
        #expect(TestFacts.eval("saldo < -1.5", ["saldo": .number(-2)]) == .yes)
        #expect(TestFacts.eval("saldo < -1.5", ["saldo": .number(-1.5)]) == .no)
        #expect(TestFacts.eval("age > 26.5", ["age": .number(27)]) == .yes)
        #expect(TestFacts.eval("age > 26.5", ["age": .number(26)]) == .no)
        #expect(TestFacts.eval("1.5 == 1.50") == .yes)
        #expect(TestFacts.eval("-3 < 2") == .yes)
        #expect(try ConditionParser.parse("saldo>-2") == .compare(.greater, .name("saldo", at: 0), .number(-2, text: "-2", at: 6), at: 5))
    }

    @Test func yesNoFacts() throws {
        let yes: [String: FactValue?] = ["b1": .bool(true)], no: [String: FactValue?] = ["b1": .bool(false)]
        #expect(TestFacts.eval("b1", yes) == .yes)
        #expect(TestFacts.eval("b1", no) == .no)
        #expect(TestFacts.eval("b1 == true", yes) == .yes)
        #expect(TestFacts.eval("b1 == true", no) == .no)
        #expect(TestFacts.eval("b1 != true", no) == .yes)
        #expect(TestFacts.eval("b1 == false", no) == .yes)
        #expect(TestFacts.eval("false == b1", yes) == .no)
        #expect(TestFacts.eval("b1 == benefit", ["b1": .bool(false), "benefit": .bool(false)]) == .yes)
        #expect(TestFacts.eval("b1 != benefit", ["b1": .bool(false), "benefit": .bool(true)]) == .yes)
    }

    @Test func truthLiterals() throws {
        #expect(TestFacts.eval("true") == .yes)
        #expect(TestFacts.eval("false") == .no)
        #expect(TestFacts.eval("not false") == .yes)
        #expect(TestFacts.eval("true == false") == .no)
    }

    @Test func choiceFactsByValueNameAndString() throws {
        let duldung: [String: FactValue?] = ["status": TestFacts.choice("duldung")]
        let eu: [String: FactValue?] = ["status": TestFacts.choice("eu")]
        for text in ["status == duldung", "status == 'duldung'", "status == \"duldung\"", "duldung == status", "'duldung' == status"] {
            #expect(TestFacts.eval(text, duldung) == .yes, "\(text)")
            #expect(TestFacts.eval(text, eu) == .no, "\(text)")
        }
        #expect(TestFacts.eval("status != duldung", duldung) == .no)
        #expect(TestFacts.eval("status != duldung", eu) == .yes)
    }

    @Test func membership() throws {
        let cases: [(String, [String: Tri])] = [
            ("status in [gestattung, duldung]", ["permit": .no, "gestattung": .yes, "duldung": .yes, "eu": .no]),
            ("status not in [gestattung, duldung]", ["permit": .yes, "gestattung": .no, "duldung": .no, "eu": .yes]),
            ("status in ['eu', \"permit\"]", ["permit": .yes, "gestattung": .no, "duldung": .no, "eu": .yes]),
            ("status in [eu, eu]", ["permit": .no, "gestattung": .no, "duldung": .no, "eu": .yes]),
        ]
        for (text, expected) in cases {
            for (option, result) in expected {
                #expect(TestFacts.eval(text, ["status": TestFacts.choice(option)]) == result, "\(text) with status = \(option)")
            }
        }
    }

    @Test func knownIsTrueExactlyWhenTheFactHasAValue() throws {
        #expect(TestFacts.eval("known(age)", ["age": .number(0)]) == .yes)
        #expect(TestFacts.eval("known(age)") == .no)
        #expect(TestFacts.eval("known(b1)", ["b1": .bool(false)]) == .yes)
        #expect(TestFacts.eval("known(status)", ["status": TestFacts.choice("permit")]) == .yes)
        #expect(TestFacts.eval("not known(status)") == .yes)
        #expect(try ConditionParser.parse("known( age )") == .known("age", at: 7))
    }

    @Test func datesAreCalendarDates() throws {
        #expect(TestFacts.eval("today > 2024-02-28", today: Day(iso: "2024-02-29")!) == .yes)
        #expect(TestFacts.eval("today < 2024-03-01", today: Day(iso: "2024-02-29")!) == .yes)
        #expect(TestFacts.eval("today == 2025-01-01", today: Day(iso: "2024-12-31")!.adding(days: 1)) == .yes)
        #expect(TestFacts.eval("2026-02-09 < 2026-02-10") == .yes)
    }

    @Test func namesMayContainUmlautsAndDigits() throws {
        #expect(try ConditionParser.parse("größe_2 > 1") == .compare(.greater, .name("größe_2", at: 0), .number(1, text: "1", at: 10), at: 8))
    }

    @Test func whitespaceIsOptionalAroundOperators() throws {
        #expect(TestFacts.eval("age>=18 and(b1)", ["age": .number(18), "b1": .bool(true)]) == .yes)
        #expect(TestFacts.eval("status in[eu,duldung]", ["status": TestFacts.choice("eu")]) == .yes)
    }
}
