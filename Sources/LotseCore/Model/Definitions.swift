/// The rule model as written in the files: names are still names, conditions still text.
/// `RuleSetCompiler` resolves and checks it into a `RuleSet`.

public struct Fact: Sendable, Hashable {
    public var id: Located<String>
    public var kind: Kind
    public var question: LocalizedText
    public var help: LocalizedText?

    public enum Kind: Sendable, Hashable {
        case number(NumberSpec)
        case yesNo
        case choice([ChoiceOption])
    }

    public init(id: Located<String>, kind: Kind, question: LocalizedText, help: LocalizedText? = nil) {
        self.id = id
        self.kind = kind
        self.question = question
        self.help = help
    }

    public var options: [ChoiceOption] {
        if case .choice(let o) = kind { return o }
        return []
    }
}

public struct NumberSpec: Sendable, Hashable {
    public var min: Double?
    public var max: Double?
    public var unit: LocalizedWords?

    public init(min: Double? = nil, max: Double? = nil, unit: LocalizedWords? = nil) {
        self.min = min
        self.max = max
        self.unit = unit
    }
}

public struct ChoiceOption: Sendable, Hashable {
    public var value: Located<String>
    public var label: LocalizedText
    public var synonyms: LocalizedWords?

    public init(value: Located<String>, label: LocalizedText, synonyms: LocalizedWords? = nil) {
        self.value = value
        self.label = label
        self.synonyms = synonyms
    }
}

public struct Tree: Sendable, Hashable {
    public var id: Located<String>
    public var title: LocalizedText
    /// More words that choose the topic at the menu, besides its title.
    public var synonyms: LocalizedWords?
    public var intro: LocalizedText?
    public var start: Located<String>
    public var nodes: [TreeNode]

    public init(id: Located<String>, title: LocalizedText, synonyms: LocalizedWords? = nil, intro: LocalizedText? = nil,
                start: Located<String>, nodes: [TreeNode]) {
        self.id = id
        self.title = title
        self.synonyms = synonyms
        self.intro = intro
        self.start = start
        self.nodes = nodes
    }
}

public struct TreeNode: Sendable, Hashable {
    public var id: Located<String>
    public var kind: Kind

    public enum Kind: Sendable, Hashable {
        /// Ask a fact (skipped when known), then follow `route`.
        case ask(fact: Located<String>, route: Route)
        /// Branch on facts already known.
        case decide(Route)
        /// Inform; without `next` the path ends here.
        case say(LocalizedText, next: Located<String>?)
        /// Show the offers, evaluated for this newcomer. A leaf.
        case refer([Located<String>], say: LocalizedText?)
    }

    public init(id: Located<String>, kind: Kind) {
        self.id = id
        self.kind = kind
    }
}

/// Where to go after a node: one `next`, or branches tried in order with an `otherwise`.
public struct Route: Sendable, Hashable {
    public var next: Located<String>?
    public var branches: [Branch]
    public var otherwise: Located<String>?

    public init(next: Located<String>? = nil, branches: [Branch] = [], otherwise: Located<String>? = nil) {
        self.next = next
        self.branches = branches
        self.otherwise = otherwise
    }

    /// Every target, in order: used by reachability, cycles and the graph.
    public var targets: [Located<String>] {
        (next.map { [$0] } ?? []) + branches.map(\.goto) + (otherwise.map { [$0] } ?? [])
    }
}

public struct Branch: Sendable, Hashable {
    public var condition: ConditionSource
    public var goto: Located<String>

    public init(condition: ConditionSource, goto: Located<String>) {
        self.condition = condition
        self.goto = goto
    }
}

public struct Offer: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText
    public var summary: LocalizedText
    public var eligibleIf: [EligibilityPart]
    public var steps: [LocalizedText]
    public var bring: [LocalizedText]
    public var contacts: [Located<String>]
    public var note: LocalizedText?
    public var basis: String?
    public var source: String?
    public var checked: Day
    public var reviewBy: Located<Day>
    public var validFrom: Day?
    public var validUntil: Day?

    public init(id: Located<String>, name: LocalizedText, summary: LocalizedText, eligibleIf: [EligibilityPart] = [],
                steps: [LocalizedText] = [], bring: [LocalizedText] = [], contacts: [Located<String>] = [],
                note: LocalizedText? = nil, basis: String? = nil, source: String? = nil, checked: Day,
                reviewBy: Located<Day>, validFrom: Day? = nil, validUntil: Day? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.eligibleIf = eligibleIf
        self.steps = steps
        self.bring = bring
        self.contacts = contacts
        self.note = note
        self.basis = basis
        self.source = source
        self.checked = checked
        self.reviewBy = reviewBy
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// Whether the offer exists at all on `day` (its validity dates are inclusive).
    public func isValid(on day: Day) -> Bool {
        if let f = validFrom, day < f { return false }
        if let u = validUntil, day > u { return false }
        return true
    }
}

public struct EligibilityPart: Sendable, Hashable {
    public var condition: ConditionSource
    public var reason: LocalizedText

    public init(condition: ConditionSource, reason: LocalizedText) {
        self.condition = condition
        self.reason = reason
    }
}

public struct Contact: Sendable, Hashable {
    public var id: Located<String>
    public var name: LocalizedText
    public var address: String?
    public var phone: String?
    public var email: String?
    public var web: String?
    public var hours: LocalizedText?
    public var appointmentOnly: Bool?
    public var barrierFree: Bool?
    public var languages: [String]
    public var verified: Bool
    public var source: String?
    public var checked: Day?
    public var note: LocalizedText?

    public init(id: Located<String>, name: LocalizedText, address: String? = nil, phone: String? = nil,
                email: String? = nil, web: String? = nil, hours: LocalizedText? = nil, appointmentOnly: Bool? = nil,
                barrierFree: Bool? = nil, languages: [String] = [], verified: Bool, source: String? = nil,
                checked: Day? = nil, note: LocalizedText? = nil) {
        self.id = id
        self.name = name
        self.address = address
        self.phone = phone
        self.email = email
        self.web = web
        self.hours = hours
        self.appointmentOnly = appointmentOnly
        self.barrierFree = barrierFree
        self.languages = languages
        self.verified = verified
        self.source = source
        self.checked = checked
        self.note = note
    }
}

public struct Menu: Sendable, Hashable {
    public var topics: [Located<String>]
    public var emergencyContacts: [Located<String>]
    public var personContacts: [Located<String>]
    public var location: SourceLocation

    public init(topics: [Located<String>], emergencyContacts: [Located<String>], personContacts: [Located<String>], location: SourceLocation) {
        self.topics = topics
        self.emergencyContacts = emergencyContacts
        self.personContacts = personContacts
        self.location = location
    }
}

public struct Language: Sendable, Hashable {
    public var code: String
    /// The language's name in its own script, as the newcomer recognises it.
    public var name: String
    public var rightToLeft: Bool

    public init(code: String, name: String, rightToLeft: Bool = false) {
        self.code = code
        self.name = name
        self.rightToLeft = rightToLeft
    }
}

public struct Deployment: Sendable, Hashable {
    public var district: LocalizedText
    public var version: String?
    public var layers: [Located<String>]
    public var languages: [Located<Language>]
    public var defaultLanguage: Located<String>
    public var location: SourceLocation

    public init(district: LocalizedText, version: String?, layers: [Located<String>], languages: [Located<Language>],
                defaultLanguage: Located<String>, location: SourceLocation) {
        self.district = district
        self.version = version
        self.layers = layers
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.location = location
    }
}
