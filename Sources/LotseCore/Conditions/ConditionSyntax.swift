/// A parsed condition before its names are resolved. Offsets count Unicode scalars from the
/// start of the condition text, so messages can point at the exact column in the rule file.
public indirect enum ConditionSyntax: Sendable, Equatable {
    case name(String, at: Int)
    case number(Double, text: String, at: Int)
    case string(String, at: Int)
    case bool(Bool, at: Int)
    case date(Day, at: Int)
    case today(at: Int)
    case known(String, at: Int)
    case not(ConditionSyntax, at: Int)
    case and(ConditionSyntax, ConditionSyntax, at: Int)
    case or(ConditionSyntax, ConditionSyntax, at: Int)
    case compare(CompareOperator, ConditionSyntax, ConditionSyntax, at: Int)
    case membership(ConditionSyntax, [ConditionSyntax], negated: Bool, at: Int)

    public var offset: Int {
        switch self {
        case .name(_, let at), .number(_, _, let at), .string(_, let at), .bool(_, let at),
             .date(_, let at), .today(let at), .known(_, let at), .not(_, let at):
            return at
        case .and(let l, _, _), .or(let l, _, _), .compare(_, let l, _, _), .membership(let l, _, _, _):
            return l.offset
        }
    }
}

public enum CompareOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    public var isOrdering: Bool { self != .equal && self != .notEqual }

    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }
}
