/// Resolves names and checks types, turning `ConditionSyntax` into an evaluable `Condition`.
/// Everything that could go wrong at chat time is caught here, when the rules load.
public struct FactTable: Sendable {
    public let facts: [Fact]
    public let index: [String: Int]

    public init(_ facts: [Fact]) {
        self.facts = facts
        var index: [String: Int] = [:]
        for (i, f) in facts.enumerated() where index[f.id.value] == nil { index[f.id.value] = i }
        self.index = index
    }

    public func compile(_ text: String) throws(ConditionError) -> Condition {
        try ConditionCompiler(table: self).boolean(try ConditionParser.parse(text))
    }
}

struct ConditionCompiler {
    let table: FactTable

    private enum Typed {
        case numberFact(Int), yesNoFact(Int), choiceFact(Int)
        case number(Double, String), string(String), bool(Bool), date(Day), today
        case bareName(String)
        case condition
    }

    func boolean(_ s: ConditionSyntax) throws(ConditionError) -> Condition {
        switch s {
        case .and(let a, let b, _): return .and(try boolean(a), try boolean(b))
        case .or(let a, let b, _): return .or(try boolean(a), try boolean(b))
        case .not(let a, _): return .not(try boolean(a))
        case .bool(let b, _): return .constant(Tri(b))
        case .known(let name, let at):
            guard let i = table.index[name] else {
                throw ConditionError(.unknownFactInKnown(name, suggestion: Suggestions.closest(to: name, in: table.index.keys.sorted())), at: at)
            }
            return .known(i)
        case .name(let name, let at):
            switch type(of: s) {
            case .yesNoFact(let i): return .yesNoFact(i)
            case .bareName: throw unknownName(name, at: at)
            default: throw ConditionError(.notYesNo(describe(type(of: s))), at: at)
            }
        case .compare(let op, let l, let r, let at):
            return try comparison(op, l, r, at: at)
        case .membership(let l, let items, let negated, let at):
            return try membership(l, items, negated: negated, at: at)
        case .number, .string, .date, .today:
            throw ConditionError(.notYesNo(describe(type(of: s))), at: s.offset)
        }
    }

    private func type(of s: ConditionSyntax) -> Typed {
        switch s {
        case .name(let n, _):
            guard let i = table.index[n] else { return .bareName(n) }
            switch table.facts[i].kind {
            case .number: return .numberFact(i)
            case .yesNo: return .yesNoFact(i)
            case .choice: return .choiceFact(i)
            }
        case .number(let v, let raw, _): return .number(v, raw)
        case .string(let v, _): return .string(v)
        case .bool(let b, _): return .bool(b)
        case .date(let d, _): return .date(d)
        case .today: return .today
        default: return .condition
        }
    }

    private func describe(_ t: Typed) -> OperandDescription {
        switch t {
        case .numberFact(let i): .numberFact(table.facts[i].id.value)
        case .yesNoFact(let i): .yesNoFact(table.facts[i].id.value)
        case .choiceFact(let i): .choiceFact(table.facts[i].id.value)
        case .number(_, let raw): .numberLiteral(raw)
        case .string(let s), .bareName(let s): .stringLiteral(s)
        case .bool(let b): .boolLiteral(b)
        case .date(let d): .dateLiteral(d.description)
        case .today: .today
        case .condition: .condition
        }
    }

    private func unknownName(_ name: String, at: Int) -> ConditionError {
        ConditionError(.unknownName(name, suggestion: Suggestions.closest(to: name, in: table.index.keys.sorted())), at: at)
    }

    private func option(_ value: String, of fact: Int, at: Int) throws(ConditionError) -> Int {
        let options = table.facts[fact].options
        if let i = options.firstIndex(where: { $0.value.value == value }) { return i }
        throw ConditionError(.valueNotInChoice(value: value, fact: table.facts[fact].id.value, options: options.map(\.value.value)), at: at)
    }

    private func comparison(_ op: CompareOperator, _ l: ConditionSyntax, _ r: ConditionSyntax, at: Int) throws(ConditionError) -> Condition {
        let lt = type(of: l), rt = type(of: r)
        func mismatch() -> ConditionError {
            ConditionError(.typeMismatch(op.rawValue, left: describe(lt), right: describe(rt)), at: at)
        }
        switch (lt, rt) {
        case (.choiceFact(let f), .bareName(let v)), (.choiceFact(let f), .string(let v)):
            guard !op.isOrdering else { throw ConditionError(.orderingOnChoice(fact: table.facts[f].id.value), at: at) }
            return .member(fact: f, options: [try option(v, of: f, at: r.offset)], negated: op == .notEqual)
        case (.bareName(let v), .choiceFact(let f)), (.string(let v), .choiceFact(let f)):
            guard !op.isOrdering else { throw ConditionError(.orderingOnChoice(fact: table.facts[f].id.value), at: at) }
            return .member(fact: f, options: [try option(v, of: f, at: l.offset)], negated: op == .notEqual)
        case (.bareName(let n), _): throw unknownName(n, at: l.offset)
        case (_, .bareName(let n)): throw unknownName(n, at: r.offset)
        default: break
        }
        guard let a = numberOrDateOrBool(lt), let b = numberOrDateOrBool(rt), a.kind == b.kind else { throw mismatch() }
        if a.kind == .bool && op.isOrdering { throw mismatch() }
        return .compare(a.operand, op, b.operand)
    }

    private enum ScalarKind { case number, date, bool }

    private func numberOrDateOrBool(_ t: Typed) -> (kind: ScalarKind, operand: Condition.Operand)? {
        switch t {
        case .numberFact(let i): (.number, .fact(i))
        case .number(let v, _): (.number, .number(v))
        case .date(let d): (.date, .date(d))
        case .today: (.date, .today)
        case .yesNoFact(let i): (.bool, .fact(i))
        case .bool(let b): (.bool, .bool(b))
        default: nil
        }
    }

    private func membership(_ l: ConditionSyntax, _ items: [ConditionSyntax], negated: Bool, at: Int) throws(ConditionError) -> Condition {
        let opText = negated ? "not in" : "in"
        let lt = type(of: l)
        if case .bareName(let n) = lt { throw unknownName(n, at: l.offset) }
        guard case .choiceFact(let f) = lt else {
            let first = items.first.map { describe(type(of: $0)) } ?? .condition
            throw ConditionError(.typeMismatch(opText, left: describe(lt), right: first), at: at)
        }
        var options: [Int] = []
        for item in items {
            switch type(of: item) {
            case .bareName(let v), .string(let v): options.append(try option(v, of: f, at: item.offset))
            case let other:
                throw ConditionError(.typeMismatch(opText, left: describe(lt), right: describe(other)), at: item.offset)
            }
        }
        return .member(fact: f, options: Array(Set(options)).sorted(), negated: negated)
    }
}
