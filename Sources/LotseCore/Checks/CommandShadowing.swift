/// Finds synonyms of topics and options that are also command words: commands are looked up
/// first, so such a word shows help, switches the language … and never chooses what the rule
/// author meant. Synonyms only: they are the short words where this happens, while titles and
/// labels are phrases, and normalising those too doubled the cost of checking a large rule set.
struct CommandShadowing {
    private(set) var diagnostics: [Diagnostic] = []

    init(_ rules: RuleSet) {
        let codes = rules.languages.map(\.code)
        let commands = Lexicon.commandWords(rules.vocabulary, languages: codes)
        for tree in rules.menu.topics.map({ rules.trees[$0].definition }) {
            check(tree.synonyms, codes, commands)
        }
        for fact in rules.facts.facts {
            for option in fact.options { check(option.synonyms, codes, commands) }
        }
    }

    private mutating func check(_ synonyms: LocalizedWords?, _ codes: [String], _ commands: [String: [String: Lexicon.Command]]) {
        guard let synonyms else { return }
        for code in codes {
            for word in synonyms.words(in: code) {
                guard let command = commands[code]?[TextNormalizer.normalize(word)] else { continue }
                diagnostics.append(.warning(.wordIsCommand(word: word, language: code, command: command.rawValue), at: synonyms.location(of: code)))
            }
        }
    }
}
