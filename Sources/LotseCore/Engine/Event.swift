/// What one turn of the engine produces. Every text is already in the session's language, so
/// the doors only lay it out (text for the kiosk, JSON lines for the socket).
public enum Event: Sendable, Hashable {
    /// Information: a paragraph to show.
    case say(String)
    /// A question waiting for an answer.
    case ask(Prompt)
    /// The result of a topic.
    case refer(Referral)
    /// Contacts shown at once: emergency numbers, or people to talk to.
    case contacts(heading: String, [ContactCard])
    /// The input was not understood or not allowed here; the prompt that follows repeats the question.
    case error(code: ErrorCode, message: String)
    /// The conversation is over.
    case bye(String)
    /// Everything was forgotten (restart): a kiosk clears the screen.
    case reset

    public enum ErrorCode: String, Sendable, Hashable {
        case notUnderstood = "not_understood"
        case outOfRange = "out_of_range"
        case nothingToUndo = "nothing_to_undo"
        case finished
    }
}

public struct Prompt: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case language, topic, choice, yesno, number, confirm, change }

    /// The fact id for questions about facts; `language`, `topic`, `confirm`, `change` otherwise.
    public var id: String
    public var kind: Kind
    public var text: String
    public var help: String?
    public var options: [Option]
    /// Number questions: the unit shown, and the allowed range.
    public var unit: String?
    public var range: ClosedRange<Double>?

    public struct Option: Sendable, Hashable {
        public var number: Int
        public var label: String
    }
}

public struct Referral: Sendable, Hashable {
    public var topic: String
    public var intro: String?
    public var eligible: [OfferResult]
    /// Offers that depend on an answer the newcomer did not know.
    public var askCounsellor: [OfferResult]
    public var notEligible: [String]
    /// The offer ids of `notEligible`, for the usage statistics (names are per language).
    public var notEligibleIDs: [String]
    public var disclaimer: String
    public var asOf: Day
}

public struct OfferResult: Sendable, Hashable {
    public var id: String
    public var name: String
    public var summary: String
    /// The reasons of the conditions that held.
    public var reasons: [String]
    /// For "ask a counsellor": the questions whose answer was not known.
    public var openQuestions: [String]
    /// The fact ids of `openQuestions`, for the usage statistics.
    public var openFacts: [String]
    public var steps: [String]
    public var bring: [String]
    public var contacts: [ContactCard]
    public var note: String?
    public var basis: String?
    public var checked: Day
}

public struct ContactCard: Sendable, Hashable {
    public var id: String
    public var name: String
    public var address: String?
    public var phone: String?
    public var email: String?
    public var web: String?
    public var hours: String?
    public var appointmentOnly: Bool?
    public var barrierFree: Bool?
    public var languages: [String]
    public var verified: Bool
    public var note: String?
}
