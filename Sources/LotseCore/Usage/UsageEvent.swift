/// One anonymous thing that happened in a conversation, as the usage statistics count it.
/// It holds only ids of the rule set (topic, offer, fact and language codes), never anything a
/// newcomer typed, and no time or conversation id: the door adds the day, the store adds it to
/// a daily counter, and events of one person cannot be linked afterwards.
public struct UsageEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A conversation began; `language` is the one chosen ("" when it ended before a choice).
        case started
        /// A topic was picked from the menu; `key` is its tree id.
        case topic
        /// A result named an offer; `key` is the offer id.
        case eligible, askCounsellor = "ask_counsellor", notEligible = "not_eligible"
        /// An "ask a counsellor" result was open because of this fact (`key`): a gap in the rules or in what people know.
        case openQuestion = "open_question"
        /// The emergency numbers were shown.
        case emergency
        /// The conversation ended with this question open (`key`: a fact id, or `topic`/`language`
        /// for the menu before any topic was chosen, and the language question).
        case abandoned
    }

    public var kind: Kind
    public var key: String
    public var language: String

    public init(_ kind: Kind, key: String = "", language: String) {
        self.kind = kind
        self.key = key
        self.language = language
    }
}

/// Where a door hands the usage events of a turn. One implementation (LotseStats' recorder)
/// serves every door; it must return at once and never fail a turn.
public protocol UsageSink: Sendable {
    func record(_ events: [UsageEvent], day: Day)
}
