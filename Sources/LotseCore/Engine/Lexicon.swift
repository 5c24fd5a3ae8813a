/// Every word a newcomer may type, normalized once when the rules load, so a turn is a few
/// dictionary look-ups rather than a pass over all texts. A class: every turn takes it from the
/// rule set, and a struct of nine tables would be copied (nine retains) each time.
public final class Lexicon: Sendable {
    public enum Command: String, Sendable, Hashable, CaseIterable {
        case back, change, restart, language, help, person, quit, emergency
    }

    /// Per language: normalized word → command (`commandWords`).
    let commands: [String: [String: Command]]
    /// Per language: normalized words for yes, no and "don't know".
    let yes: [String: Set<String>]
    let no: [String: Set<String>]
    let dontKnow: [String: Set<String>]
    /// Per fact (choice facts), per language: the normalized terms (label and synonyms) of each
    /// option, German ones included.
    let optionTerms: [[String: [(term: String, option: Int)]]]
    /// Per language, with German: yes (0), no (1) and "don't know" (2) words, for typos.
    let yesNoTerms: [String: [(term: String, option: Int)]]
    /// Per fact (number facts), per language: unit words of the other number facts that are
    /// not also this fact's own (in that language or German).
    let foreignUnits: [[String: Set<String>]]
    /// Per language: topic titles and synonyms → menu position, German ones included (the
    /// menu understands German in every language).
    let topicTerms: [String: [(term: String, option: Int)]]
    /// Language names and codes → language index.
    let languageTerms: [(term: String, option: Int)]

    init(facts: FactTable, trees: [CompiledTree], menu: CompiledMenu, vocabulary: [WordKey: LocalizedWords], languages: [Language]) {
        let codes = languages.map(\.code)
        func normalizedWords(_ key: WordKey) -> [String: Set<String>] {
            var out: [String: Set<String>] = [:]
            for code in codes { out[code] = Set((vocabulary[key]?.words(in: code) ?? []).map(TextNormalizer.normalize)) }
            return out
        }
        commands = Self.commandWords(vocabulary, languages: codes)
        yes = normalizedWords(.yes)
        no = normalizedWords(.no)
        dontKnow = normalizedWords(.dont_know)
        optionTerms = facts.facts.map { fact in
            var perLanguage: [String: [(String, Int)]] = [:]
            for code in codes {
                var terms: [(String, Int)] = []
                for (i, o) in fact.options.enumerated() {
                    if o.label.has(code) { terms.append((TextNormalizer.normalize(o.label.text(in: code, fallback: code)), i)) }
                    terms.append((TextNormalizer.normalize(o.value.value.replacingUnderscores), i))
                    for s in o.synonyms?.words(in: code) ?? [] { terms.append((TextNormalizer.normalize(s), i)) }
                }
                perLanguage[code] = terms
            }
            return Self.withGerman(perLanguage)
        }
        var yesNo: [String: [(String, Int)]] = [:]
        for code in codes {
            yesNo[code] = [yes, no, dontKnow].enumerated().flatMap { i, table in (table[code] ?? []).map { ($0, i) } }
        }
        yesNoTerms = Self.withGerman(yesNo)
        let units: [[String: Set<String>]] = facts.facts.map { fact in
            guard case .number(let spec) = fact.kind else { return [:] }
            var out: [String: Set<String>] = [:]
            for code in codes { out[code] = Set((spec.unit?.words(in: code) ?? []).map(TextNormalizer.normalize)) }
            return out
        }
        foreignUnits = units.indices.map { fact in
            guard !units[fact].isEmpty else { return [:] }
            var out: [String: Set<String>] = [:]
            for code in codes {
                let own = (units[fact][code] ?? []).union(units[fact]["de"] ?? [])
                var others = Set<String>()
                for (i, table) in units.enumerated() where i != fact {
                    others.formUnion(table[code] ?? [])
                    others.formUnion(table["de"] ?? [])
                }
                out[code] = others.subtracting(own)
            }
            return out
        }
        var topics: [String: [(String, Int)]] = [:]
        for code in codes {
            topics[code] = menu.topics.enumerated().map { (position, tree) in
                (TextNormalizer.normalize(trees[tree].definition.title.text(in: code, fallback: code)), position)
            } + menu.topics.enumerated().map { (position, tree) in
                (TextNormalizer.normalize(trees[tree].id.replacingUnderscores), position)
            } + menu.topics.enumerated().flatMap { (position, tree) in
                (trees[tree].definition.synonyms?.words(in: code) ?? []).map { (TextNormalizer.normalize($0), position) }
            }
        }
        topicTerms = Self.withGerman(topics)
        languageTerms = languages.enumerated().flatMap { (i, l) in
            [(TextNormalizer.normalize(l.name), i), (TextNormalizer.normalize(l.code), i)]
        }
    }

    /// Each language's terms followed by the German ones: answers are understood in the session
    /// language and in German. Joined once here rather than on every answer.
    private static func withGerman(_ terms: [String: [(String, Int)]]) -> [String: [(term: String, option: Int)]] {
        var out: [String: [(term: String, option: Int)]] = [:]
        for (code, own) in terms { out[code] = code == "de" ? own : own + (terms["de"] ?? []) }
        return out
    }

    /// The command a line means, in the session language, German or English.
    func command(_ normalized: String, language: String) -> Command? {
        commands[language]?[normalized]
    }

    /// Per language: normalized word → command, German and English words included (the
    /// language's own meaning first), merged once so that a turn looks a line up once. Also
    /// used by the checker, which needs only this part of the lexicon.
    static func commandWords(_ vocabulary: [WordKey: LocalizedWords], languages codes: [String]) -> [String: [String: Command]] {
        var own: [String: [String: Command]] = [:]
        for code in codes {
            var map: [String: Command] = [:]
            for c in Command.allCases {
                guard let key = WordKey(rawValue: c.rawValue) else { continue }
                for w in vocabulary[key]?.words(in: code) ?? [] where map[TextNormalizer.normalize(w)] == nil {
                    map[TextNormalizer.normalize(w)] = c
                }
            }
            // The emergency numbers work in every language.
            map["110"] = .emergency
            map["112"] = .emergency
            own[code] = map
        }
        return own.mapValues { mine in
            mine.merging(own["de"] ?? [:]) { first, _ in first }.merging(own["en"] ?? [:]) { first, _ in first }
        }
    }

    /// Whether the answer names a unit of another number fact ("5 Jahre" asked for months): such
    /// an answer must be asked again rather than read as 5 of this fact's unit.
    func mentionsOtherUnit(_ normalized: String, fact: Int, language: String) -> Bool {
        guard let foreign = foreignUnits[fact][language], !foreign.isEmpty else { return false }
        return normalized.split(separator: " ").contains { foreign.contains(String($0)) }
    }

    /// Words from `table` in the session language and German.
    func matches(_ normalized: String, _ table: [String: Set<String>], language: String) -> Bool {
        table[language]?.contains(normalized) == true || table["de"]?.contains(normalized) == true
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
