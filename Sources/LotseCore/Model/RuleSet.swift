import Synchronization

/// A loaded, checked rule set. Immutable: a reload builds a new one beside it, and a running
/// conversation keeps the one it started with.
public final class RuleSet: Sendable {
    public let deployment: Deployment
    public let facts: FactTable
    public let trees: [CompiledTree]
    public let treeIndex: [String: Int]
    public let offers: [CompiledOffer]
    public let offerIndex: [String: Int]
    public let contacts: [Contact]
    public let contactIndex: [String: Int]
    public let menu: CompiledMenu
    public let messages: [MessageKey: LocalizedText]
    public let vocabulary: [WordKey: LocalizedWords]
    /// Identifies this edition of the rules: the deployment's label plus a hash of the files.
    public let version: String
    /// Every word a newcomer may type, normalized once — on the first conversation, since
    /// checking rules (staff after every edit) never needs all of it.
    public var lexicon: Lexicon {
        lexiconStorage.withLock { stored in
            if let stored { return stored }
            let built = Lexicon(facts: facts, trees: trees, menu: menu, vocabulary: vocabulary, languages: deployment.languages.map(\.value))
            stored = built
            return built
        }
    }
    private let lexiconStorage = Mutex<Lexicon?>(nil)

    /// The texts in `language`, chosen once for all the sessions that use it.
    public func phrasebook(_ language: String) -> Phrasebook {
        if let book = phrasebooks.withLock({ $0[language] }) { return book }
        // Built outside the lock: two sessions racing for a new language build it twice, once
        // each, and one of the equal results is kept.
        let built = Phrasebook(rules: self, language: language)
        return phrasebooks.withLock { books in
            if let book = books[language] { return book }
            books[language] = built
            return built
        }
    }
    private let phrasebooks = Mutex<[String: Phrasebook]>([:])

    /// Builds what conversations build on first use (the lexicon, a phrasebook per language), so
    /// a server pays for it when the rules load, not in a kiosk's first turn.
    public func prepare() {
        _ = lexicon
        for language in languages { _ = phrasebook(language.code) }
    }

    /// The language question, asked in every language at once: before the choice nobody knows
    /// which one the newcomer reads. Kept, as every conversation starts with it.
    public let languagePrompt: Prompt

    private static func languagePrompt(_ languages: [Language], _ messages: [MessageKey: LocalizedText]) -> Prompt {
        var seen = Set<String>()
        let text = languages.map { messages[.choose_language]?.text(in: $0.code, fallback: $0.code) ?? "" }
            .filter { seen.insert($0).inserted }.joined(separator: "\n")
        let options = languages.enumerated().map { Prompt.Option(number: $0 + 1, label: $1.name) }
        return Prompt(id: "language", kind: .language, text: text, options: options)
    }

    init(deployment: Deployment, facts: FactTable, trees: [CompiledTree], offers: [CompiledOffer], contacts: [Contact],
         menu: CompiledMenu, messages: [MessageKey: LocalizedText], vocabulary: [WordKey: LocalizedWords], version: String) {
        self.deployment = deployment
        self.facts = facts
        self.trees = trees
        self.treeIndex = Dictionary(trees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.offers = offers
        self.offerIndex = Dictionary(offers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.contacts = contacts
        self.contactIndex = Dictionary(contacts.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        self.menu = menu
        self.messages = messages
        self.vocabulary = vocabulary
        self.version = version
        languages = deployment.languages.map(\.value)
        defaultLanguage = deployment.defaultLanguage.value
        languagePrompt = Self.languagePrompt(languages, messages)
    }

    /// Stored, not derived from `deployment` on each use: every contact card of a result reads them.
    public let languages: [Language]
    public let defaultLanguage: String

    /// A message in `language`, else in the default language; nil when the rules lack it.
    public func message(_ key: MessageKey, in language: String) -> String? {
        messages[key]?.text(in: language, fallback: defaultLanguage)
    }
}

public struct CompiledTree: Sendable {
    public let definition: Tree
    public let start: Int
    public let nodes: [CompiledNode]
    public let nodeIndex: [String: Int]

    public var id: String { definition.id.value }
}

public struct CompiledNode: Sendable {
    public let id: String
    public let location: SourceLocation
    public let kind: Kind

    public enum Kind: Sendable {
        case ask(fact: Int, CompiledRoute)
        case decide(CompiledRoute)
        case say(LocalizedText, next: Int?)
        case refer([Int], say: LocalizedText?)

        public var successors: [Int] {
            switch self {
            case .ask(_, let r), .decide(let r): r.targets
            case .say(_, let next): next.map { [$0] } ?? []
            case .refer: []
            }
        }
    }

    /// Every node this one can lead to.
    public var successors: [Int] { kind.successors }
}

public struct CompiledRoute: Sendable {
    public let next: Int?
    public let branches: [CompiledBranch]
    public let otherwise: Int?

    public var targets: [Int] { (next.map { [$0] } ?? []) + branches.map(\.target) + (otherwise.map { [$0] } ?? []) }

    /// The node to go to with these facts: the first branch that is true, else `otherwise`.
    public func target(_ facts: FactValues, today: Day) -> Int? {
        choose(facts, today: today)?.target
    }

    /// Which way was taken: the index of the branch, `-1` for `otherwise`, `-2` for `next`.
    public func choose(_ facts: FactValues, today: Day) -> (target: Int, edge: Int)? {
        if let next { return (next, Edge.next) }
        for (i, b) in branches.enumerated() where b.condition.evaluate(facts, today: today) == .yes { return (b.target, i) }
        return otherwise.map { ($0, Edge.otherwise) }
    }

    public enum Edge {
        public static let otherwise = -1
        public static let next = -2
    }
}

public struct CompiledBranch: Sendable {
    public let condition: Condition
    public let target: Int
}

/// A class: a result reads several offers per turn, and copying a struct of this many texts
/// out of the rule set cost a retain and a release for each.
public final class CompiledOffer: Sendable {
    public let definition: Offer
    /// One per `eligible_if` part, in order.
    public let conditions: [Condition]
    public let contacts: [Int]

    init(definition: Offer, conditions: [Condition], contacts: [Int]) {
        self.definition = definition
        self.conditions = conditions
        self.contacts = contacts
    }

    public var id: String { definition.id.value }

    /// Eligible only when every part holds; not eligible as soon as one fails; otherwise a
    /// counsellor must decide. Outside its validity dates an offer does not apply.
    public func eligibility(_ facts: FactValues, today: Day) -> Tri {
        guard definition.isValid(on: today) else { return .no }
        var result = Tri.yes
        for c in conditions {
            result = result && c.evaluate(facts, today: today)
            if result == .no { return .no }
        }
        return result
    }
}

public struct CompiledMenu: Sendable {
    public let topics: [Int]
    public let emergencyContacts: [Int]
    public let personContacts: [Int]
}
