import LotseCore
import Yams

/// Reads one layer file (facts, trees, offers, contacts, menu, messages, vocabulary).
/// The allowed keys here are the format: docs/rule-format.md and the JSON Schema follow them.
public enum RuleFileParser {
    public static let sections = ["facts", "trees", "offers", "contacts", "menu", "messages", "vocabulary"]
    public static let factKeys = ["id", "type", "question", "help", "min", "max", "unit", "options"]
    public static let optionKeys = ["value", "label", "synonyms"]
    public static let treeKeys = ["id", "title", "synonyms", "intro", "start", "nodes"]
    public static let nodeKeys = ["id", "ask", "next", "branches", "otherwise", "say", "refer"]
    public static let branchKeys = ["if", "goto"]
    public static let offerKeys = ["id", "name", "summary", "eligible_if", "steps", "bring", "contacts", "note", "basis",
                                   "source", "checked", "review_by", "valid_from", "valid_until"]
    public static let eligibilityKeys = ["when", "reason"]
    public static let contactKeys = ["id", "name", "address", "phone", "email", "web", "hours", "appointment_only",
                                     "barrier_free", "languages", "verified", "source", "checked", "note"]
    public static let menuKeys = ["topics", "emergency_contacts", "person_contacts"]

    public static func parse(_ file: SourceFile) -> (RuleFile, [Diagnostic]) {
        var result = RuleFile(path: file.path)
        let root: Node
        switch YAMLDocument.compose(file) {
        case .failure(let d): return (result, [d])
        case .success(nil): return (result, [])
        case .success(let node?): root = node
        }
        var r = NodeReader(file: file.path, text: file.text)
        guard let top = r.fields(root, file.path, allowed: sections) else { return (result, r.diagnostics) }
        result.facts = r.list(top["facts"], "facts").compactMap { fact($0, &r) }
        result.trees = r.list(top["trees"], "trees").compactMap { tree($0, &r) }
        result.offers = r.list(top["offers"], "offers").compactMap { offer($0, &r) }
        result.contacts = r.list(top["contacts"], "contacts").compactMap { contact($0, &r) }
        if let m = top["menu"] { result.menu = menu(m, &r) }
        if let m = top["messages"] { result.messages = keyed(m, "messages", MessageKey.self, &r) { r, n, k in r.text(n, k) } }
        if let v = top["vocabulary"] { result.vocabulary = keyed(v, "vocabulary", WordKey.self, &r) { r, n, k in r.words(n, k) } }
        return (result, r.diagnostics)
    }

    private static func fact(_ node: Node, _ r: inout NodeReader) -> Fact? {
        guard let f = r.fields(node, "facts", allowed: factKeys, required: ["id", "type", "question"]),
              let id = r.id(f["id"], "id"), let type = r.scalar(f["type"], "type"),
              let question = r.text(f["question"], "question") else { return nil }
        let kind: Fact.Kind
        switch type.value {
        case "number":
            let min = r.number(f["min"], "min"), max = r.number(f["max"], "max")
            if let min, let max, min > max { r.diagnostics.append(.error(.rangeInverted(min: min, max: max), at: f.location)) }
            kind = .number(NumberSpec(min: min, max: max, unit: r.words(f["unit"], "unit")))
            rejectKeys(["options"], in: f, type: type.value, &r)
        case "yesno":
            kind = .yesNo
            rejectKeys(["min", "max", "unit", "options"], in: f, type: type.value, &r)
        case "choice":
            rejectKeys(["min", "max", "unit"], in: f, type: type.value, &r)
            guard let optionsNode = f["options"] else { r.error(.missingKey("options"), node); return nil }
            let options = r.list(optionsNode, "options").compactMap { option($0, &r) }
            if options.isEmpty { r.error(.emptyList("options"), optionsNode); return nil }
            var seen: [String: SourceLocation] = [:]
            for o in options {
                if let first = seen[o.value.value] {
                    r.diagnostics.append(.error(.duplicateID(.option, o.value.value, first: first), at: o.value.location))
                } else {
                    seen[o.value.value] = o.value.location
                }
            }
            kind = .choice(options)
        default:
            r.diagnostics.append(.error(.invalidValue(key: "type", value: type.value, expected: .factType), at: type.location))
            return nil
        }
        return Fact(id: id, kind: kind, question: question, help: r.text(f["help"], "help"))
    }

    /// Keys that belong to another fact type are mistakes, not decoration.
    private static func rejectKeys(_ keys: [String], in f: NodeReader.Fields, type: String, _ r: inout NodeReader) {
        for k in keys {
            if let entry = f.entries[k] { r.error(.conflictingKeys(["type: \(type)", k]), entry.key) }
        }
    }

    private static func option(_ node: Node, _ r: inout NodeReader) -> ChoiceOption? {
        guard let f = r.fields(node, "options", allowed: optionKeys, required: ["value", "label"]),
              let value = r.id(f["value"], "value"), let label = r.text(f["label"], "label") else { return nil }
        return ChoiceOption(value: value, label: label, synonyms: r.words(f["synonyms"], "synonyms"))
    }

    private static func tree(_ node: Node, _ r: inout NodeReader) -> Tree? {
        guard let f = r.fields(node, "trees", allowed: treeKeys, required: ["id", "title", "start", "nodes"]),
              let id = r.id(f["id"], "id"), let title = r.text(f["title"], "title"),
              let start = r.id(f["start"], "start") else { return nil }
        let nodes = r.list(f["nodes"], "nodes").compactMap { treeNode($0, &r) }
        if nodes.isEmpty, let n = f["nodes"] { r.error(.emptyList("nodes"), n) }
        return Tree(id: id, title: title, synonyms: r.words(f["synonyms"], "synonyms"), intro: r.text(f["intro"], "intro"),
                    start: start, nodes: nodes)
    }

    private static func treeNode(_ node: Node, _ r: inout NodeReader) -> TreeNode? {
        guard let f = r.fields(node, "nodes", allowed: nodeKeys, required: ["id"]), let id = r.id(f["id"], "id") else { return nil }
        func conflict(_ keys: [String]) -> Bool {
            let present = keys.filter { f.has($0) }
            if present.count > 1 { r.diagnostics.append(.error(.conflictingKeys(present), at: f.location)) }
            return present.count > 1
        }
        func route() -> Route? {
            if conflict(["next", "branches"]) { return nil }
            if f.has("otherwise") && !f.has("branches") {
                r.diagnostics.append(.error(.missingKey("branches"), at: f.location))
                return nil
            }
            let branches = r.list(f["branches"], "branches").compactMap { branch($0, &r) }
            if f.has("branches") && branches.isEmpty { r.error(.emptyList("branches"), f["branches"]!); return nil }
            return Route(next: r.id(f["next"], "next"), branches: branches, otherwise: r.id(f["otherwise"], "otherwise"))
        }
        if f.has("ask") {
            if conflict(["ask", "say", "refer"]) { return nil }
            guard f.has("next") || f.has("branches") else { r.error(.missingKey("next"), node); return nil }
            guard let fact = r.id(f["ask"], "ask"), let route = route() else { return nil }
            return TreeNode(id: id, kind: .ask(fact: fact, route: route))
        }
        if f.has("branches") {
            if conflict(["branches", "say", "refer"]) { return nil }
            guard let route = route() else { return nil }
            return TreeNode(id: id, kind: .decide(route))
        }
        if f.has("refer") {
            if conflict(["refer", "next"]) || conflict(["refer", "otherwise"]) { return nil }
            let offers = r.idList(f["refer"], "refer")
            if offers.isEmpty { r.error(.emptyList("refer"), f["refer"]!); return nil }
            return TreeNode(id: id, kind: .refer(offers, say: r.text(f["say"], "say")))
        }
        if f.has("say") {
            if f.has("otherwise") { r.diagnostics.append(.error(.conflictingKeys(["say", "otherwise"]), at: f.location)); return nil }
            guard let text = r.text(f["say"], "say") else { return nil }
            return TreeNode(id: id, kind: .say(text, next: r.id(f["next"], "next")))
        }
        r.diagnostics.append(.error(.invalidValue(key: id.value, value: "", expected: .nodeKind), at: f.location))
        return nil
    }

    private static func branch(_ node: Node, _ r: inout NodeReader) -> Branch? {
        guard let f = r.fields(node, "branches", allowed: branchKeys, required: ["if", "goto"]),
              let c = r.condition(f["if"], "if"), let goto = r.id(f["goto"], "goto") else { return nil }
        return Branch(condition: c, goto: goto)
    }

    private static func offer(_ node: Node, _ r: inout NodeReader) -> Offer? {
        guard let f = r.fields(node, "offers", allowed: offerKeys, required: ["id", "name", "summary", "checked", "review_by"]) else { return nil }
        if !f.has("basis") && !f.has("source") { r.error(.missingKey("basis"), node) }
        let parts: [EligibilityPart] = r.list(f["eligible_if"], "eligible_if").compactMap { p in
            guard let pf = r.fields(p, "eligible_if", allowed: eligibilityKeys, required: ["when", "reason"]),
                  let c = r.condition(pf["when"], "when"), let reason = r.text(pf["reason"], "reason") else { return nil }
            return EligibilityPart(condition: c, reason: reason)
        }
        guard let id = r.id(f["id"], "id"), let name = r.text(f["name"], "name"), let summary = r.text(f["summary"], "summary"),
              let checked = r.date(f["checked"], "checked"), let review = r.date(f["review_by"], "review_by") else { return nil }
        return Offer(id: id, name: name, summary: summary, eligibleIf: parts, steps: r.textList(f["steps"], "steps"),
                     bring: r.textList(f["bring"], "bring"), contacts: r.idList(f["contacts"], "contacts"),
                     note: r.text(f["note"], "note"), basis: r.string(f["basis"], "basis"), source: r.string(f["source"], "source"),
                     checked: checked.value, reviewBy: review, validFrom: r.date(f["valid_from"], "valid_from")?.value,
                     validUntil: r.date(f["valid_until"], "valid_until")?.value)
    }

    private static func contact(_ node: Node, _ r: inout NodeReader) -> Contact? {
        guard let f = r.fields(node, "contacts", allowed: contactKeys, required: ["id", "name", "verified"]),
              let id = r.id(f["id"], "id"), let name = r.text(f["name"], "name"),
              let verified = r.bool(f["verified"], "verified") else { return nil }
        let source = r.string(f["source"], "source")
        if verified && source == nil { r.diagnostics.append(.error(.sourceRequired, at: f.location)) }
        var languages: [String] = []
        if let l = f["languages"] {
            if case .sequence(let seq) = l { languages = seq.compactMap { r.string($0, "languages") } } else { r.error(.wrongKind(key: "languages", expected: .list), l) }
        }
        return Contact(id: id, name: name, address: r.string(f["address"], "address"), phone: r.string(f["phone"], "phone"),
                       email: r.string(f["email"], "email"), web: r.string(f["web"], "web"), hours: r.text(f["hours"], "hours"),
                       appointmentOnly: r.bool(f["appointment_only"], "appointment_only"),
                       barrierFree: r.bool(f["barrier_free"], "barrier_free"), languages: languages, verified: verified,
                       source: source, checked: r.date(f["checked"], "checked")?.value, note: r.text(f["note"], "note"))
    }

    private static func menu(_ node: Node, _ r: inout NodeReader) -> Menu? {
        guard let f = r.fields(node, "menu", allowed: menuKeys, required: menuKeys) else { return nil }
        let topics = r.idList(f["topics"], "topics")
        if topics.isEmpty, let t = f["topics"] { r.error(.emptyList("topics"), t) }
        return Menu(topics: topics, emergencyContacts: r.idList(f["emergency_contacts"], "emergency_contacts"),
                    personContacts: r.idList(f["person_contacts"], "person_contacts"), location: f.location)
    }

    private static func keyed<K: RawRepresentable & Hashable & CaseIterable, V>(
        _ node: Node, _ section: String, _: K.Type, _ r: inout NodeReader, value: (inout NodeReader, Node, String) -> V?
    ) -> [K: V] where K.RawValue == String {
        let allowed = K.allCases.map(\.rawValue)
        guard let f = r.fields(node, section, allowed: allowed) else { return [:] }
        var out: [K: V] = [:]
        for (name, entry) in f.entries {
            if let key = K(rawValue: name), let v = value(&r, entry.value, name) { out[key] = v }
        }
        return out
    }
}
