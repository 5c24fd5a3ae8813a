/// The texts of a rule set in one language, each translation chosen once. Every turn shows
/// some of them (a question, its options, an offer's name, steps and contacts), and picking
/// each from its translations on every turn cost more than the rest of the turn. Built on a
/// session's first use of a language (`RuleSet.phrasebook(_:)`) and shared by all sessions.
public final class Phrasebook: Sendable {
    public let language: String
    let messages: [MessageKey: String]
    /// The topic menu.
    let menu: Prompt
    /// Per fact: its question with the numbered options.
    let facts: [Prompt]
    /// Per offer: what does not depend on the newcomer's answers.
    let offers: [OfferTexts]
    /// Per contact: its card.
    let contacts: [ContactCard]

    struct OfferTexts: Sendable {
        let name: String
        let summary: String
        /// Per `eligible_if` part: why it counts when it holds.
        let reasons: [String?]
        let steps: [String]
        let bring: [String]
        let contacts: [ContactCard]
        let note: String?
    }

    init(rules: RuleSet, language: String) {
        self.language = language
        let fallback = rules.defaultLanguage
        func text(_ t: LocalizedText?) -> String? { t?.text(in: language, fallback: fallback) }
        var messages: [MessageKey: String] = [:]
        for key in MessageKey.allCases { messages[key] = rules.message(key, in: language) }
        self.messages = messages
        let dontKnow = messages[.dont_know] ?? ""

        menu = Prompt(id: "topic", kind: .topic, text: messages[.choose_topic] ?? "",
                      options: rules.menu.topics.enumerated().map { i, tree in
                          Prompt.Option(number: i + 1, label: text(rules.trees[tree].definition.title) ?? rules.trees[tree].id)
                      })

        facts = rules.facts.facts.map { fact in
            let id = fact.id.value
            let question = text(fact.question) ?? id
            switch fact.kind {
            case .choice(let options):
                var list = options.enumerated().map { Prompt.Option(number: $0 + 1, label: text($1.label) ?? $1.value.value) }
                list.append(Prompt.Option(number: options.count + 1, label: dontKnow))
                return Prompt(id: id, kind: .choice, text: question, help: text(fact.help), options: list)
            case .yesNo:
                let list = [Prompt.Option(number: 1, label: messages[.yes] ?? ""), Prompt.Option(number: 2, label: messages[.no] ?? ""),
                            Prompt.Option(number: 3, label: dontKnow)]
                return Prompt(id: id, kind: .yesno, text: question, help: text(fact.help), options: list)
            case .number(let spec):
                let unit = spec.unit?.words(in: language).first ?? spec.unit?.words(in: fallback).first
                let range = (spec.min ?? -Double.greatestFiniteMagnitude)...(spec.max ?? Double.greatestFiniteMagnitude)
                return Prompt(id: id, kind: .number, text: question, help: text(fact.help),
                              options: [Prompt.Option(number: 0, label: dontKnow)], unit: unit,
                              range: spec.min == nil && spec.max == nil ? nil : range)
            }
        }

        let languageNames = Dictionary(rules.languages.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let contacts = rules.contacts.map { c in
            ContactCard(id: c.id.value, name: text(c.name) ?? c.id.value, address: c.address, phone: c.phone, email: c.email,
                        web: c.web, hours: text(c.hours), appointmentOnly: c.appointmentOnly, barrierFree: c.barrierFree,
                        languages: c.languages.map { languageNames[$0] ?? $0 }, verified: c.verified, note: text(c.note))
        }
        self.contacts = contacts

        offers = rules.offers.map { offer in
            let def = offer.definition
            return OfferTexts(name: text(def.name) ?? offer.id, summary: text(def.summary) ?? "",
                              reasons: def.eligibleIf.map { text($0.reason) },
                              steps: def.steps.compactMap { text($0) }, bring: def.bring.compactMap { text($0) },
                              contacts: offer.contacts.map { contacts[$0] }, note: text(def.note))
        }
    }

    func message(_ key: MessageKey) -> String { messages[key] ?? "" }
}
