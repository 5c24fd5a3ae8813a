/// A condition after loading: names resolved to fact indices, types checked. Evaluating it
/// cannot fail, which is what keeps type errors out of the chat.
public indirect enum Condition: Sendable, Hashable {
    case constant(Tri)
    case yesNoFact(Int)
    case known(Int)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case compare(Operand, CompareOperator, Operand)
    /// A choice fact compared with a set of its option indices (`==`, `!=`, `in`, `not in`).
    case member(fact: Int, options: [Int], negated: Bool)

    public enum Operand: Sendable, Hashable {
        case fact(Int)
        case number(Double)
        case bool(Bool)
        case date(Day)
        case today
    }

    public func evaluate(_ facts: FactValues, today: Day) -> Tri {
        switch self {
        case .constant(let t): return t
        case .yesNoFact(let i):
            guard case .bool(let b)? = facts[i] else { return .unknown }
            return Tri(b)
        case .known(let i): return Tri(facts[i] != nil)
        case .not(let c): return !c.evaluate(facts, today: today)
        case .and(let a, let b): return a.evaluate(facts, today: today) && b.evaluate(facts, today: today)
        case .or(let a, let b): return a.evaluate(facts, today: today) || b.evaluate(facts, today: today)
        case .member(let fact, let options, let negated):
            guard case .choice(let v)? = facts[fact] else { return .unknown }
            return Tri(options.contains(v) != negated)
        case .compare(let l, let op, let r):
            guard let a = Self.value(l, facts, today), let b = Self.value(r, facts, today) else { return .unknown }
            switch (a, b) {
            case (.number(let x), .number(let y)): return Tri(op.holds(x, y))
            case (.date(let x), .date(let y)): return Tri(op.holds(x, y))
            case (.bool(let x), .bool(let y)): return Tri(op == .equal ? x == y : x != y)
            default: return .unknown // unreachable after type checking
            }
        }
    }

    private enum Scalar { case number(Double), date(Day), bool(Bool) }

    private static func value(_ o: Operand, _ facts: FactValues, _ today: Day) -> Scalar? {
        switch o {
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .date(let d): return .date(d)
        case .today: return .date(today)
        case .fact(let i):
            switch facts[i] {
            case .number(let n)?: return .number(n)
            case .bool(let b)?: return .bool(b)
            case .choice?, nil: return nil
            }
        }
    }

    /// Every fact index the condition reads.
    public var factsRead: Set<Int> {
        var out = Set<Int>()
        collectFacts(into: &out)
        return out
    }

    private func collectFacts(into out: inout Set<Int>) {
        switch self {
        case .constant: break
        case .yesNoFact(let i), .known(let i): out.insert(i)
        case .member(let i, _, _): out.insert(i)
        case .not(let c): c.collectFacts(into: &out)
        case .and(let a, let b), .or(let a, let b): a.collectFacts(into: &out); b.collectFacts(into: &out)
        case .compare(let l, _, let r):
            if case .fact(let i) = l { out.insert(i) }
            if case .fact(let i) = r { out.insert(i) }
        }
    }

    public var readsToday: Bool {
        switch self {
        case .constant, .yesNoFact, .known, .member: false
        case .not(let c): c.readsToday
        case .and(let a, let b), .or(let a, let b): a.readsToday || b.readsToday
        case .compare(let l, _, let r): l == .today || r == .today
        }
    }
}

/// What is known of a fact. Absent means unknown: never asked, or answered "don't know".
public enum FactValue: Sendable, Hashable {
    case number(Double)
    case bool(Bool)
    /// Index into the fact's options.
    case choice(Int)
}

/// The facts of one conversation, indexed like `RuleSet.facts`.
public struct FactValues: Sendable, Hashable {
    public var values: [FactValue?]

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public subscript(index: Int) -> FactValue? {
        get { values[index] }
        set { values[index] = newValue }
    }
}
