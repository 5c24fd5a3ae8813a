/// A problem in one condition, at an offset into its text. The checker turns it into a
/// diagnostic at file:line:column.
public struct ConditionError: Error, Sendable, Equatable {
    public var problem: ConditionProblem
    public var offset: Int

    public init(_ problem: ConditionProblem, at offset: Int) {
        self.problem = problem
        self.offset = offset
    }
}

public enum ConditionProblem: Sendable, Hashable {
    // Syntax
    case empty
    case unexpectedCharacter(String)
    case singleEquals
    case unterminatedString
    case invalidNumber(String)
    case invalidDate(String)
    case unexpectedToken(String, expected: Expectation)
    case tooDeep
    case tooLong(Int)
    // Names and types
    case unknownName(String, suggestion: String?)
    case unknownFactInKnown(String, suggestion: String?)
    case typeMismatch(CompareOperatorText, left: OperandDescription, right: OperandDescription)
    case notYesNo(OperandDescription)
    case valueNotInChoice(value: String, fact: String, options: [String])
    case orderingOnChoice(fact: String)

    public enum Expectation: Sendable, Hashable {
        case operand, operatorOrEnd, list, listItem, commaOrBracket, closingParenthesis, openingParenthesis, factName
    }
}

/// The operator as written (`==`, `in`, `not in`), for messages.
public typealias CompareOperatorText = String

/// What an operand is, for type errors that must name both sides.
public enum OperandDescription: Sendable, Hashable {
    case numberFact(String)
    case yesNoFact(String)
    case choiceFact(String)
    case numberLiteral(String)
    case stringLiteral(String)
    case boolLiteral(Bool)
    case dateLiteral(String)
    case today
    case condition
}
