/// What loading and checking produced: the rule set when there were no errors, and always every
/// diagnostic and the figures for the summary line.
public struct CompileResult: Sendable {
    public var ruleSet: RuleSet?
    public var diagnostics: [Diagnostic]
    public var statistics: Statistics

    public init(ruleSet: RuleSet?, diagnostics: [Diagnostic], statistics: Statistics) {
        self.ruleSet = ruleSet
        self.diagnostics = diagnostics
        self.statistics = statistics
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

public struct Statistics: Sendable, Hashable {
    public var files = 0
    public var facts = 0
    public var trees = 0
    public var nodes = 0
    public var offers = 0
    public var contacts = 0
    public var languages: [String] = []
    /// Per language: how many of the translatable texts have it.
    public var translated: [String: Int] = [:]
    public var translatable = 0

    public init() {}

    /// Coverage in percent, one decimal, 100 when there is nothing to translate.
    public func coverage(_ language: String) -> Double {
        guard translatable > 0 else { return 100 }
        return (Double(translated[language] ?? 0) * 1000 / Double(translatable)).rounded(.down) / 10
    }
}
