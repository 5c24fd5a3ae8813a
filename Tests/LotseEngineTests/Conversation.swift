import Foundation
import LotseCLI
import LotseCore
import LotseTestSupport
import Testing

/// A conversation driven line by line, with the rendered text of each reply.
struct Conversation {
    static let packageRoot = Repository.root
    static let example: RuleSet = load("docs/example-rules")

    static func load(_ folder: String) -> RuleSet {
        let result = RuleDirectory.load(packageRoot + "/" + folder, today: Day(iso: "2026-11-23")!)
        guard let rules = result.ruleSet else {
            fatalError("rules in \(folder) do not load: \(result.diagnostics.map { $0.problem.message(.en) })")
        }
        return rules
    }

    var session: Session
    var transcript: [String] = []
    var lastEvents: [Event]

    init(_ rules: RuleSet = Conversation.example, today: String = "2026-11-23", language: String? = nil) {
        let (s, events) = Session.start(rules: rules, today: Day(iso: today)!, language: language)
        session = s
        lastEvents = events
        transcript.append(render(events))
    }

    @discardableResult
    mutating func say(_ line: String) -> String {
        lastEvents = session.respond(to: line)
        let text = render(lastEvents)
        transcript.append("> \(line)\n" + text)
        return text
    }

    func render(_ events: [Event]) -> String {
        TextRenderer(rules: session.rules, language: session.language).render(events)
    }

    var prompt: Prompt? { session.currentPrompt }

    var referral: Referral? {
        for e in lastEvents { if case .refer(let r) = e { return r } }
        return nil
    }

    var errorCodes: [Event.ErrorCode] {
        lastEvents.compactMap { if case .error(let code, _) = $0 { return code } else { return nil } }
    }
}
