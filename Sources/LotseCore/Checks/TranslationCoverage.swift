/// Counts which texts exist in which language, and reports languages a text lacks or uses
/// without the deployment offering them.
struct TranslationCoverage {
    let languages: [String]
    let offered: Set<String>
    var diagnostics: [Diagnostic] = []
    var translatable = 0
    var translated: [String: Int] = [:]

    init(languages: [String]) {
        self.languages = languages
        self.offered = Set(languages)
    }

    mutating func visit(deployment: Deployment, facts: [Fact], trees: [Tree], offers: [Offer], contacts: [Contact],
                        messages: [MessageKey: LocalizedText], vocabulary: [WordKey: LocalizedWords]) {
        text(deployment.district)
        for f in facts {
            text(f.question); text(f.help)
            switch f.kind {
            case .number(let spec): words(spec.unit)
            case .choice(let options): for o in options { text(o.label); words(o.synonyms) }
            case .yesNo: break
            }
        }
        for t in trees {
            text(t.title); words(t.synonyms); text(t.intro)
            for n in t.nodes {
                switch n.kind {
                case .say(let s, _): text(s)
                case .refer(_, let s): text(s)
                case .ask, .decide: break
                }
            }
        }
        for o in offers {
            text(o.name); text(o.summary); text(o.note)
            for p in o.eligibleIf { text(p.reason) }
            for s in o.steps { text(s) }
            for b in o.bring { text(b) }
        }
        for c in contacts { text(c.name); text(c.hours); text(c.note) }
        for (_, m) in messages.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { text(m) }
        for (_, w) in vocabulary.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { words(w) }
    }

    private mutating func count(_ present: Set<String>, neutral: Bool, at location: SourceLocation) {
        translatable += 1
        for l in languages where neutral || present.contains(l) { translated[l, default: 0] += 1 }
        if neutral { return }
        for code in present.subtracting(offered).sorted() {
            diagnostics.append(.error(.unknownLanguage(code), at: location))
        }
        let missing = languages.filter { !present.contains($0) }
        if !missing.isEmpty { diagnostics.append(.warning(.missingTranslation(missing), at: location)) }
    }

    private mutating func text(_ t: LocalizedText?) {
        guard let t else { return }
        switch t.content {
        case .neutral: count([], neutral: true, at: t.location)
        case .translations(let map): count(Set(map.keys), neutral: false, at: t.location)
        }
    }

    private mutating func words(_ w: LocalizedWords?) {
        guard let w else { return }
        count(Set(w.words.keys), neutral: false, at: w.location)
    }
}
