import LotseCore
import Testing

/// A small fact table for condition tests:
/// `age` (number 0…120), `saldo` (number, no range), `b1` and `benefit` (yes/no),
/// `status` (choice: permit, gestattung, duldung, eu).
enum TestFacts {
    static let here = LotseCore.SourceLocation(file: "test.yaml", line: 1, column: 1)

    static func fact(_ id: String, _ kind: Fact.Kind) -> Fact {
        Fact(id: Located(id, at: here), kind: kind, question: LocalizedText(.neutral(id + "?"), at: here))
    }

    static func option(_ value: String) -> ChoiceOption {
        ChoiceOption(value: Located(value, at: here), label: LocalizedText(.neutral(value), at: here))
    }

    static let statusOptions = ["permit", "gestattung", "duldung", "eu"]

    static let table = FactTable([
        fact("age", .number(NumberSpec(min: 0, max: 120))),
        fact("saldo", .number(NumberSpec())),
        fact("b1", .yesNo),
        fact("benefit", .yesNo),
        fact("status", .choice(statusOptions.map(option))),
    ])

    static func index(_ id: String) -> Int { table.index[id]! }

    /// Fact values by name; a name left out (or mapped to nil) is unknown.
    static func values(_ given: [String: FactValue?] = [:]) -> FactValues {
        var v = FactValues(count: table.facts.count)
        for (name, value) in given { v[index(name)] = value }
        return v
    }

    static func choice(_ option: String) -> FactValue { .choice(statusOptions.firstIndex(of: option)!) }

    static let today = Day(iso: "2026-11-23")!

    /// Compiles and evaluates; a compile error fails the test and gives nil.
    static func eval(_ text: String, _ given: [String: FactValue?] = [:], today: Day = TestFacts.today,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Tri? {
        do {
            return try table.compile(text).evaluate(values(given), today: today)
        } catch {
            Issue.record("'\(text)' does not compile: \(error.problem.message(.en)) at \(error.offset)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The error compiling `text`, or nil if it compiles.
    static func error(_ text: String) -> ConditionError? {
        do {
            _ = try table.compile(text)
            return nil
        } catch {
            return error
        }
    }
}

/// Kleene's strong three-valued logic, written out independently of `Tri`, as the oracle.
enum Kleene {
    static let all: [Tri] = [.yes, .no, .unknown]
    private static func rank(_ t: Tri) -> Int { t == .no ? 0 : t == .unknown ? 1 : 2 }
    private static func from(_ r: Int) -> Tri { r == 0 ? .no : r == 1 ? .unknown : .yes }
    static func and(_ a: Tri, _ b: Tri) -> Tri { from(min(rank(a), rank(b))) }
    static func or(_ a: Tri, _ b: Tri) -> Tri { from(max(rank(a), rank(b))) }
    static func not(_ a: Tri) -> Tri { from(2 - rank(a)) }

    /// The value a yes/no fact must hold to evaluate as `t`.
    static func fact(_ t: Tri) -> FactValue? {
        switch t {
        case .yes: .bool(true)
        case .no: .bool(false)
        case .unknown: nil
        }
    }
}
