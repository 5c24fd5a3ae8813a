/// One finding of the loader or the checker, located in a rule file.
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var problem: Problem

    public init(_ severity: Severity, _ problem: Problem, at location: SourceLocation) {
        self.severity = severity
        self.problem = problem
        self.location = location
    }

    public static func error(_ problem: Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, problem, at: location)
    }

    public static func warning(_ problem: Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, problem, at: location)
    }
}

/// The kinds of things rules define, for messages such as "undefined offer 'x'".
public enum ItemKind: String, Sendable, Hashable {
    case fact, tree, node, offer, contact, option, layer, language, messageKey, wordKey, section
}

/// The value a key expected, for messages such as "'checked' must be a date".
public enum ValueKind: String, Sendable, Hashable {
    case mapping, list, text, string, number, boolean, date, identifier, words, condition, formatVersion
    case factType, direction, layerFolder, nodeKind
}

/// Everything the checker can report. `code` is stable for tools; the wording is in
/// `DiagnosticMessages`.
public enum Problem: Sendable, Hashable {
    case yamlSyntax(String)
    case fileUnreadable(String)
    case unknownKey(String, allowed: [String])
    case missingKey(String)
    case wrongKind(key: String, expected: ValueKind)
    case invalidValue(key: String, value: String, expected: ValueKind)
    case duplicateID(ItemKind, String, first: SourceLocation)
    case undefinedReference(ItemKind, String, suggestion: String?)
    case condition(ConditionProblem)
    case conflictingKeys([String])
    case emptyList(String)
    case rangeInverted(min: Double, max: Double)
    case datesInverted(from: Day, until: Day)
    case sourceRequired
    case unknownLanguage(String)
    case missingMessage(String)
    case missingWords(String)
    case unreachableNode(String, tree: String)
    case deadEnd(node: String, example: String)
    case cycle([String])
    case branchNeverTaken(index: Int, node: String, shadowedBy: [Int])
    case branchAnalysisSkipped(node: String, combinations: Int)
    case missingTranslation([String])
    case reviewOverdue(id: String, date: Day, today: Day)
    case offerNotReached(String)
    case treeNotInMenu(String)
    case askedFactUnused(fact: String, node: String)
    case wordIsCommand(word: String, language: String, command: String)

    /// A stable identifier for tools (`--format json`).
    public var code: String {
        switch self {
        case .yamlSyntax: "yaml-syntax"
        case .fileUnreadable: "file-unreadable"
        case .unknownKey: "unknown-key"
        case .missingKey: "missing-key"
        case .wrongKind: "wrong-kind"
        case .invalidValue: "invalid-value"
        case .duplicateID: "duplicate-id"
        case .undefinedReference: "undefined-reference"
        case .condition(let p):
            switch p {
            case .typeMismatch, .notYesNo, .orderingOnChoice: "condition-type"
            case .valueNotInChoice: "choice-value"
            case .unknownName, .unknownFactInKnown: "undefined-reference"
            default: "condition-syntax"
            }
        case .conflictingKeys: "conflicting-keys"
        case .emptyList: "empty-list"
        case .rangeInverted: "range-inverted"
        case .datesInverted: "dates-inverted"
        case .sourceRequired: "source-required"
        case .unknownLanguage: "unknown-language"
        case .missingMessage: "missing-message"
        case .missingWords: "missing-words"
        case .unreachableNode: "unreachable-node"
        case .deadEnd: "dead-end"
        case .cycle: "cycle"
        case .branchNeverTaken: "branch-never-taken"
        case .branchAnalysisSkipped: "branch-analysis-skipped"
        case .missingTranslation: "missing-translation"
        case .reviewOverdue: "review-overdue"
        case .offerNotReached: "offer-not-reached"
        case .treeNotInMenu: "tree-not-in-menu"
        case .askedFactUnused: "asked-fact-unused"
        case .wordIsCommand: "word-is-command"
        }
    }
}
