import LotseCore

/// Protocol lotse/1, server to client: one JSON object per line (docs/protocol.md). Every
/// message carries `display`, the text a kiosk shows for it, so a terminal client renders
/// exactly what the local kiosk does.
enum ServerMessages {
    static let protocolVersion = "lotse/1"

    static func hello(_ rules: RuleSet) -> String {
        var j = JSONLine()
        j.string("type", "hello")
        j.string("protocol", protocolVersion)
        j.string("rules", rules.version)
        j.string("district", rules.deployment.district.text(in: rules.defaultLanguage, fallback: rules.defaultLanguage))
        j.objects("languages", rules.languages) { o, l in
            o.string("code", l.code)
            o.string("name", l.name)
            o.bool("rtl", l.rightToLeft)
        }
        j.string("default_language", rules.defaultLanguage)
        // A terminal client keeps its own idle timer and asks this in the session's language.
        j.dictionary("still_there", rules.languages.map { l in
            (l.code, rules.message(.still_there, in: l.code) ?? "")
        })
        return j.finished()
    }

    /// The line for `event`, laid out by `renderer`; taken from `cache` when it was sent before.
    static func encode(_ event: Event, renderer: TextRenderer, cache: ReplyCache? = nil) -> String {
        let key = ReplyCache.Key(edition: renderer.rules.version, language: renderer.language, event: event)
        if let line = cache?.line(for: key) { return line }
        var j = fields(event, language: renderer.language)
        j.string("display", renderer.render([event]))
        let line = j.finished()
        cache?.store(line, for: key)
        return line
    }

    /// Everything of `event` but its `display`: the text is laid out from these fields alone,
    /// which is what lets `ReplyCache` key on them.
    private static func fields(_ event: Event, language: String) -> JSONLine {
        var j = JSONLine()
        switch event {
        case .say(let text):
            j.string("type", "say")
            j.string("text", text)
        case .ask(let p):
            j.string("type", "ask")
            j.string("id", p.id)
            j.string("kind", p.kind.rawValue)
            j.string("text", p.text)
            j.string("help", p.help)
            j.objects("options", p.options) { x, o in
                x.number("n", o.number)
                x.string("label", o.label)
            }
            j.string("unit", p.unit)
            if let r = p.range {
                if r.lowerBound > -1e300 { j.number("min", r.lowerBound) }
                if r.upperBound < 1e300 { j.number("max", r.upperBound) }
            }
        case .refer(let r):
            j.string("type", "refer")
            j.string("topic", r.topic)
            j.string("intro", r.intro)
            j.objects("eligible", r.eligible, offer)
            j.objects("ask_counsellor", r.askCounsellor, offer)
            j.strings("not_eligible", r.notEligible)
            j.string("disclaimer", r.disclaimer)
            j.string("as_of", r.asOf.description)
        case .contacts(let heading, let cards):
            j.string("type", "contacts")
            j.string("heading", heading)
            j.objects("contacts", cards, contact)
        case .error(let code, let message):
            j.string("type", "error")
            j.string("code", code.rawValue)
            j.string("message", message)
        case .bye(let text):
            j.string("type", "bye")
            j.string("text", text)
        case .reset:
            j.string("type", "reset")
        }
        j.string("language", language)
        return j
    }

    /// Errors of the protocol itself (too long, not UTF-8, unknown command …).
    static func error(_ code: String, _ message: String) -> String {
        var j = JSONLine()
        j.string("type", "error")
        j.string("code", code)
        j.string("message", message)
        j.string("display", message + "\n")
        return j.finished()
    }

    static func bye(_ text: String) -> String {
        var j = JSONLine()
        j.string("type", "bye")
        j.string("text", text)
        j.string("display", text + "\n")
        return j.finished()
    }

    private static func offer(_ j: inout JSONLine, _ o: OfferResult) {
        j.string("id", o.id)
        j.string("name", o.name)
        j.string("summary", o.summary)
        j.strings("reasons", o.reasons)
        j.strings("open_questions", o.openQuestions)
        j.strings("steps", o.steps)
        j.strings("bring", o.bring)
        j.objects("contacts", o.contacts, contact)
        j.string("note", o.note)
        j.string("basis", o.basis)
        j.string("checked", o.checked.description)
    }

    private static func contact(_ j: inout JSONLine, _ c: ContactCard) {
        j.string("id", c.id)
        j.string("name", c.name)
        j.string("address", c.address)
        j.string("phone", c.phone)
        j.string("email", c.email)
        j.string("web", c.web)
        j.string("hours", c.hours)
        j.bool("appointment_only", c.appointmentOnly)
        j.bool("barrier_free", c.barrierFree)
        j.strings("languages", c.languages)
        j.bool("verified", c.verified)
        j.string("note", c.note)
    }
}
