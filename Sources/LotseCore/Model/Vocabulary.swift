/// The texts the engine itself shows (headings, prompts, help). The engine names them by key;
/// their wording lives in the rule files, in every language.
public enum MessageKey: String, Sendable, Hashable, CaseIterable {
    case welcome, choose_language, choose_topic, not_understood, dont_know, yes, no
    case eligible_heading, ask_counsellor_heading, not_eligible_heading
    case why, `where`, next_steps, bring, checked_on, unverified_contact, disclaimer, help
    case emergency_heading, person_heading, topic_done, bye, confirm, restarted, nothing_to_undo
    case hours, appointment_only, languages_spoken, barrier_free, still_there, change_which
    // Said by the socket server about the line itself.
    case input_too_long, invalid_text, unknown_command, server_full, server_closing
}

/// The words a newcomer may type for an answer or a command, per language.
public enum WordKey: String, Sendable, Hashable, CaseIterable {
    case yes, no, dont_know, back, change, restart, language, help, person, quit, emergency
}

/// One rule file after parsing: what it defines, in the order written.
public struct RuleFile: Sendable {
    public var path: String
    public var facts: [Fact] = []
    public var trees: [Tree] = []
    public var offers: [Offer] = []
    public var contacts: [Contact] = []
    public var menu: Menu?
    public var messages: [MessageKey: LocalizedText] = [:]
    public var vocabulary: [WordKey: LocalizedWords] = [:]

    public init(path: String) { self.path = path }
}

/// One layer (folder) of a rule set with its files in load order.
public struct Layer: Sendable {
    public var name: Located<String>
    public var files: [RuleFile]

    public init(name: Located<String>, files: [RuleFile]) {
        self.name = name
        self.files = files
    }
}
