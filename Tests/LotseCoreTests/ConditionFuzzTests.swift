import LotseCore
import LotseTestSupport
import Testing

/// Whatever staff type into a condition, the parser and compiler either accept it or say where
/// the problem is; they never crash, and what compiles always evaluates.
@Suite struct ConditionFuzzTests {
    static let tokens = [
        "age", "saldo", "b1", "benefit", "status", "permit", "duldung", "eu", "agee", "x",
        "and", "or", "not", "in", "known", "today", "true", "false",
        "3", "-2", "1.5", "0", "120", "1.2.3", "12a", "-", "2026-02-09", "2026-02-30",
        "'duldung'", "\"eu\"", "'", "\"", "''",
        "==", "!=", "<", "<=", ">", ">=", "=", "!",
        "(", ")", "[", "]", ",", "&", ".", "ä", "🙂", "\t", "\n",
    ]

    /// Checks one text: returns whether it compiled.
    static func probe(_ text: String, _ rng: inout SplitMix64, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        let length = text.unicodeScalars.count
        do {
            _ = try ConditionParser.parse(text)
        } catch {
            #expect((0...length).contains(error.offset), "parse \(text.debugDescription): offset \(error.offset) of \(length)",
                    sourceLocation: sourceLocation)
            #expect(!error.problem.message(.en).isEmpty && !error.problem.message(.de).isEmpty, sourceLocation: sourceLocation)
        }
        do {
            let condition = try TestFacts.table.compile(text)
            for _ in 0..<3 {
                var values = FactValues(count: TestFacts.table.facts.count)
                if Bool.random(using: &rng) { values[TestFacts.index("age")] = .number(Double(Int.random(in: 0...120, using: &rng))) }
                if Bool.random(using: &rng) { values[TestFacts.index("saldo")] = .number(Double(Int.random(in: -5...5, using: &rng))) }
                if Bool.random(using: &rng) { values[TestFacts.index("b1")] = .bool(Bool.random(using: &rng)) }
                if Bool.random(using: &rng) { values[TestFacts.index("benefit")] = .bool(Bool.random(using: &rng)) }
                if Bool.random(using: &rng) { values[TestFacts.index("status")] = .choice(Int.random(in: 0..<4, using: &rng)) }
                let day = Day(ordinal: 20_000 + Int.random(in: 0...1_000, using: &rng))
                let result = condition.evaluate(values, today: day)
                // A condition that reads no fact does not depend on the facts.
                if condition.factsRead.isEmpty {
                    #expect(result == condition.evaluate(FactValues(count: TestFacts.table.facts.count), today: day),
                            "\(text.debugDescription)", sourceLocation: sourceLocation)
                }
            }
            return true
        } catch {
            #expect((0...length).contains(error.offset), "compile \(text.debugDescription): offset \(error.offset) of \(length)",
                    sourceLocation: sourceLocation)
            return false
        }
    }

    @Test func randomTokenSequences() throws {
        var rng = SplitMix64(seed: 2026_11_23)
        var compiled = 0
        let runs = 5_000
        for _ in 0..<runs {
            let count = Int.random(in: 0...12, using: &rng)
            var text = ""
            for i in 0..<count {
                if i > 0, Int.random(in: 0..<4, using: &rng) != 0 { text += " " }
                text += Self.tokens.randomElement(using: &rng)!
            }
            if Self.probe(text, &rng) { compiled += 1 }
        }
        // Some must be valid for the evaluation half of the check to mean something (most random
        // sequences are not; grammarShapedConditionsAlwaysCompile covers evaluation broadly).
        #expect(compiled >= 25, "only \(compiled) of \(runs) random conditions compiled")
    }

    @Test func grammarShapedConditionsAlwaysCompile() throws {
        var rng = SplitMix64(seed: 7)
        func comparison() -> String {
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: "age \(["==", "!=", "<", "<=", ">", ">="].randomElement(using: &rng)!) \(Int.random(in: -3...130, using: &rng))"
            case 1: "b1"
            case 2: "known(\(["age", "b1", "status", "saldo"].randomElement(using: &rng)!))"
            case 3: "status \(["in", "not in"].randomElement(using: &rng)!) [\(["permit", "eu", "'duldung'"].randomElement(using: &rng)!)]"
            case 4: "today >= 2026-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))"
            case 5: "saldo < age"
            default: "benefit == \(Bool.random(using: &rng))"
            }
        }
        func condition(_ depth: Int) -> String {
            guard depth > 0 else { return comparison() }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: return "\(condition(depth - 1)) and \(condition(depth - 1))"
            case 1: return "\(condition(depth - 1)) or \(condition(depth - 1))"
            case 2: return "not \(condition(depth - 1))"
            default: return "(\(condition(depth - 1)))"
            }
        }
        for _ in 0..<1_000 {
            let text = condition(Int.random(in: 0...4, using: &rng))
            #expect(Self.probe(text, &rng), "\(text) should compile")
        }
    }

    @Test func randomStrings() throws {
        var rng = SplitMix64(seed: 0xC0FFEE)
        let ascii = Array(" \t\nabcdeknostuwz_0123456789-.,()[]'\"=!<>&|+*/\\:;")
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...24, using: &rng)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<count {
                if Int.random(in: 0..<8, using: &rng) == 0 {
                    // Anything from the Basic Multilingual Plane and beyond, except surrogates.
                    var value = UInt32.random(in: 0x80...0x1F_FFF, using: &rng)
                    if (0xD800...0xDFFF).contains(value) { value = 0x00E4 }
                    scalars.append(Unicode.Scalar(value)!)
                } else {
                    scalars.append(contentsOf: String(ascii.randomElement(using: &rng)!).unicodeScalars)
                }
            }
            _ = Self.probe(String(scalars), &rng)
        }
    }
}
