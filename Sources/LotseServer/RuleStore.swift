import LotseCore
import Synchronization

/// The rule set new conversations start with. A reload swaps it; running conversations keep
/// the one they started with, because each holds its own reference.
public final class RuleStore: Sendable {
    private let current: Mutex<RuleSet>

    public init(_ rules: RuleSet) { current = Mutex(rules) }

    public var rules: RuleSet { current.withLock { $0 } }

    public func replace(with rules: RuleSet) { current.withLock { $0 = rules } }
}
