import LotseCLI
import LotseCore
import LotseTestSupport

/// The rules the district ships, as the usage tests drive them.
enum ShippedRules {
    static let day = Day(iso: "2026-03-01")!
    static let rules: RuleSet = {
        let result = RuleDirectory.load(Repository.root + "/rules", today: day)
        guard let rules = result.ruleSet else { fatalError("the shipped rules do not load") }
        return rules
    }()
}

/// A session on the shipped rules with its usage tracker, as a door holds them.
struct TrackedConversation {
    var session: Session
    var tracker = UsageTracker()
    private(set) var events: [UsageEvent] = []

    init(language: String? = nil) {
        session = Session.start(rules: ShippedRules.rules, today: ShippedRules.day, language: language).0
    }

    mutating func say(_ line: String) {
        let before = tracker.before(session)
        let output = session.respond(to: line)
        events += tracker.turn(before, output, session)
    }

    mutating func end() { events += tracker.end(session) }
}
