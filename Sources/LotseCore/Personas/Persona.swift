/// An eligibility test written by staff: a person (facts and a date) and how each named offer
/// must come out for them.
public struct Persona: Sendable {
    public var name: Located<String>
    public var asOf: Day
    /// Fact id → the value as written (`p25_1_2`, `30`, `true`, `dont_know`).
    public var facts: [(fact: Located<String>, value: Located<String>)]
    public var eligible: [Located<String>]
    public var notEligible: [Located<String>]
    public var askCounsellor: [Located<String>]
    /// Offer id → a part of a reason text that must be given.
    public var reasons: [(offer: Located<String>, text: String)]
    public var language: String?

    public init(name: Located<String>, asOf: Day, facts: [(fact: Located<String>, value: Located<String>)],
                eligible: [Located<String>], notEligible: [Located<String>], askCounsellor: [Located<String>],
                reasons: [(offer: Located<String>, text: String)], language: String?) {
        self.name = name
        self.asOf = asOf
        self.facts = facts
        self.eligible = eligible
        self.notEligible = notEligible
        self.askCounsellor = askCounsellor
        self.reasons = reasons
        self.language = language
    }
}

/// How an offer came out for a persona.
public enum Outcome: String, Sendable, Hashable {
    case eligible, notEligible = "not eligible", askCounsellor = "ask a counsellor"

    public func name(_ l: ToolLanguage) -> String {
        switch self {
        case .eligible: l.pick("berechtigt", "eligible")
        case .notEligible: l.pick("nicht berechtigt", "not eligible")
        case .askCounsellor: l.pick("Beratung fragen", "ask a counsellor")
        }
    }
}

/// One way a persona failed, located at the line of the persona file that says what was expected.
public struct PersonaFailure: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case unknownFact(String)
        case invalidValue(fact: String, value: String, expected: String)
        case unknownOffer(String)
        case unknownLanguage(String)
        case wrongOutcome(offer: String, expected: Outcome, actual: Outcome, because: [String])
        case reasonMissing(offer: String, text: String, given: [String])
    }

    public var kind: Kind
    public var location: SourceLocation

    public func message(_ l: ToolLanguage) -> String {
        switch kind {
        case .unknownFact(let f):
            return l.pick("Fakt '\(f)' ist nicht definiert", "undefined fact '\(f)'")
        case .invalidValue(let f, let v, let expected):
            return l.pick("'\(v)' passt nicht zum Fakt '\(f)' (erwartet: \(expected))", "'\(v)' does not fit fact '\(f)' (expected: \(expected))")
        case .unknownOffer(let o):
            return l.pick("Angebot '\(o)' ist nicht definiert", "undefined offer '\(o)'")
        case .unknownLanguage(let code):
            return l.pick("Sprache '\(code)' wird nicht angeboten", "language '\(code)' is not offered")
        case .wrongOutcome(let offer, let expected, let actual, let because):
            let why = because.isEmpty ? "" : l.pick(" – weil: ", " – because: ") + because.joined(separator: "; ")
            return l.pick("'\(offer)': erwartet \(expected.name(l)), tatsächlich \(actual.name(l))\(why)",
                          "'\(offer)': expected \(expected.name(l)), got \(actual.name(l))\(why)")
        case .reasonMissing(let offer, let text, let given):
            return l.pick("'\(offer)': kein Grund enthält „\(text)“ (Gründe: \(given.joined(separator: " | ")))",
                          "'\(offer)': no reason contains \"\(text)\" (reasons: \(given.joined(separator: " | ")))")
        }
    }
}
