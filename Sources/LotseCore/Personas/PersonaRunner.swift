/// Runs a persona against a rule set: the same evaluation the conversation uses at a referral,
/// without walking the trees, so staff can test eligibility rules directly.
public enum PersonaRunner {
    public static func run(_ persona: Persona, on rules: RuleSet) -> [PersonaFailure] {
        var failures: [PersonaFailure] = []
        var facts = FactValues(count: rules.facts.facts.count)
        for (factRef, valueRef) in persona.facts {
            guard let index = rules.facts.index[factRef.value] else {
                failures.append(PersonaFailure(kind: .unknownFact(factRef.value), location: factRef.location))
                continue
            }
            switch value(valueRef.value, for: rules.facts.facts[index]) {
            case .success(let v): facts[index] = v
            case .failure(let expected):
                failures.append(PersonaFailure(kind: .invalidValue(fact: factRef.value, value: valueRef.value, expected: expected.text),
                                               location: valueRef.location))
            }
        }
        let language = persona.language ?? rules.defaultLanguage
        if !rules.languages.contains(where: { $0.code == language }) {
            failures.append(PersonaFailure(kind: .unknownLanguage(language), location: persona.name.location))
        }
        /// The offer a persona names, or a failure at the name.
        func resolve(_ ref: Located<String>) -> CompiledOffer? {
            if let index = rules.offerIndex[ref.value] { return rules.offers[index] }
            failures.append(PersonaFailure(kind: .unknownOffer(ref.value), location: ref.location))
            return nil
        }
        let expectations = persona.eligible.map { ($0, Outcome.eligible) } + persona.notEligible.map { ($0, Outcome.notEligible) }
            + persona.askCounsellor.map { ($0, Outcome.askCounsellor) }
        for (offerRef, expected) in expectations {
            guard let offer = resolve(offerRef) else { continue }
            let actual = outcome(offer, facts, persona.asOf)
            if actual != expected {
                failures.append(PersonaFailure(kind: .wrongOutcome(offer: offerRef.value, expected: expected, actual: actual,
                                                                   because: explanation(offer, facts, persona.asOf)),
                                               location: offerRef.location))
            }
        }
        for (offerRef, text) in persona.reasons {
            guard let offer = resolve(offerRef) else { continue }
            let given = zip(offer.definition.eligibleIf, offer.conditions)
                .filter { $0.1.evaluate(facts, today: persona.asOf) == .yes }
                .map { $0.0.reason.text(in: language, fallback: rules.defaultLanguage) }
            if !given.contains(where: { $0.contains(text) }) {
                failures.append(PersonaFailure(kind: .reasonMissing(offer: offerRef.value, text: text, given: given), location: offerRef.location))
            }
        }
        return failures
    }

    static func outcome(_ offer: CompiledOffer, _ facts: FactValues, _ day: Day) -> Outcome {
        switch offer.eligibility(facts, today: day) {
        case .yes: .eligible
        case .no: .notEligible
        case .unknown: .askCounsellor
        }
    }

    /// Which parts of the condition were not true, as written, for the failure message.
    static func explanation(_ offer: CompiledOffer, _ facts: FactValues, _ day: Day) -> [String] {
        let def = offer.definition
        if !def.isValid(on: day) {
            return ["valid \(def.validFrom?.description ?? "…") – \(def.validUntil?.description ?? "…")"]
        }
        return zip(def.eligibleIf, offer.conditions).compactMap { part, condition in
            switch condition.evaluate(facts, today: day) {
            case .yes: nil
            case .no: "\(part.condition.text) = false"
            case .unknown: "\(part.condition.text) = ?"
            }
        }
    }

    /// A written value for a fact: an option value, a number, true/false, or `dont_know`.
    static func value(_ text: String, for fact: Fact) -> Result<FactValue?, ExpectedValue> {
        if text == "dont_know" { return .success(nil) }
        switch fact.kind {
        case .yesNo:
            switch text {
            case "true", "yes": return .success(.bool(true))
            case "false", "no": return .success(.bool(false))
            default: return .failure(ExpectedValue("true, false, dont_know"))
            }
        case .number(let spec):
            guard let n = Double(text), (spec.min.map { n >= $0 } ?? true), (spec.max.map { n <= $0 } ?? true) else {
                return .failure(ExpectedValue("a number \(spec.min?.compact ?? "")–\(spec.max?.compact ?? ""), dont_know"))
            }
            return .success(.number(n))
        case .choice(let options):
            guard let i = options.firstIndex(where: { $0.value.value == text }) else {
                return .failure(ExpectedValue(options.map(\.value.value).joined(separator: ", ") + ", dont_know"))
            }
            return .success(.choice(i))
        }
    }

    struct ExpectedValue: Error { let text: String; init(_ t: String) { text = t } }
}
