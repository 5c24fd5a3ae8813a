/// Lays events out as text for an 80-column kiosk terminal and for transcripts: wrapped
/// paragraphs, numbered options, the result as short labelled blocks. Colour only when asked.
///
/// The server renders every reply it sends (the `display` of each JSON line), so the text is
/// appended to one growing string: building arrays of lines and joining them cost more than
/// the engine's whole turn.
public struct TextRenderer: Sendable {
    public let rules: RuleSet
    public var language: String
    public var width: Int
    public var color: Bool

    public init(rules: RuleSet, language: String, width: Int = 80, color: Bool = false) {
        self.rules = rules
        self.language = language
        self.width = max(20, width)
        self.color = color
    }

    public func render(_ events: [Event]) -> String {
        var page = Page(width: width, color: color)
        for e in events {
            switch e {
            case .say(let s):
                page.paragraph(s)
                page.blank()
            case .ask(let p): prompt(p, on: &page)
            case .error(_, let m): page.paragraph(m)
            case .bye(let s): page.paragraph(s)
            // Shows nothing, so rendering events one by one and all at once give the same
            // text (the socket protocol relies on it).
            case .reset: break
            case .contacts(let heading, let cards):
                page.line(heading, bold: true)
                for c in cards { contact(c, indent: "  ", on: &page) }
                page.blank()
            case .refer(let r): referral(r, on: &page)
            }
        }
        return page.text
    }

    private func message(_ key: MessageKey) -> String {
        rules.message(key, in: language) ?? key.rawValue
    }

    /// "Opening hours: " – a label followed by its value, whether or not the text ends in a colon.
    private func label(_ key: MessageKey) -> String {
        var text = message(key)
        while text.hasSuffix(":") || text.hasSuffix(" ") { text.removeLast() }
        return text + ": "
    }

    private func prompt(_ p: Prompt, on page: inout Page) {
        for part in p.text.split(separator: "\n", omittingEmptySubsequences: false) {
            page.paragraph(part, bold: true)
        }
        if let help = p.help { page.paragraph(help, indent: "  ") }
        switch p.kind {
        case .number:
            var hint = "  "
            if let unit = p.unit { hint += "(\(unit))" }
            if let r = p.range, r.lowerBound > -1e300, r.upperBound < 1e300 { hint += " \(r.lowerBound.compact)–\(r.upperBound.compact)" }
            if hint.count > 2 { page.line(hint) }
            for o in p.options { page.line("  · " + o.label) }
        default:
            let digits = String(p.options.count).count
            for o in p.options {
                let n = String(o.number)
                page.paragraph(o.label, indent: String(repeating: " ", count: 2 + digits - n.count) + n + ") ",
                               continuation: String(repeating: " ", count: 4 + digits))
            }
        }
    }

    private func referral(_ r: Referral, on page: inout Page) {
        if let intro = r.intro {
            page.paragraph(intro)
            page.blank()
        }
        if !r.eligible.isEmpty {
            page.line(message(.eligible_heading), bold: true)
            for o in r.eligible { offer(o, on: &page) }
        }
        if !r.askCounsellor.isEmpty {
            page.line(message(.ask_counsellor_heading), bold: true)
            for o in r.askCounsellor { offer(o, on: &page) }
        }
        if !r.notEligible.isEmpty {
            page.line(message(.not_eligible_heading), bold: true)
            for name in r.notEligible { page.paragraph(name, indent: "  - ", continuation: "    ") }
            page.blank()
        }
        page.paragraph(r.disclaimer)
        page.blank()
    }

    private func offer(_ o: OfferResult, on page: inout Page) {
        page.paragraph(o.name, indent: "• ", continuation: "  ", bold: true)
        page.paragraph(o.summary, indent: "  ")
        if let note = o.note { page.paragraph(note, indent: "  ! ", continuation: "    ") }
        if !o.reasons.isEmpty {
            page.line("  " + message(.why))
            for r in o.reasons { page.paragraph(r, indent: "    - ", continuation: "      ") }
        }
        for q in o.openQuestions { page.paragraph(q, indent: "    ? ", continuation: "      ") }
        if !o.steps.isEmpty {
            page.line("  " + message(.next_steps))
            for (i, s) in o.steps.enumerated() { page.paragraph(s, indent: "    \(i + 1). ", continuation: "       ") }
        }
        if !o.bring.isEmpty {
            page.line("  " + message(.bring))
            for b in o.bring { page.paragraph(b, indent: "    - ", continuation: "      ") }
        }
        if !o.contacts.isEmpty {
            page.line("  " + message(.where))
            for c in o.contacts { contact(c, indent: "    ", on: &page) }
        }
        page.line("  " + label(.checked_on) + o.checked.description)
        page.blank()
    }

    private func contact(_ c: ContactCard, indent: String, on page: inout Page) {
        let inner = indent + "  "
        page.paragraph(c.name, indent: indent)
        for v in [c.address, c.phone, c.email, c.web] { if let v { page.paragraph(v, indent: inner) } }
        if let h = c.hours { page.paragraph(label(.hours) + h, indent: inner) }
        if c.appointmentOnly == true { page.paragraph(message(.appointment_only), indent: inner) }
        if !c.languages.isEmpty { page.paragraph(label(.languages_spoken) + c.languages.joined(separator: ", "), indent: inner) }
        if c.barrierFree == true { page.paragraph(message(.barrier_free), indent: inner) }
        if let n = c.note { page.paragraph(n, indent: inner) }
        if !c.verified { page.paragraph(message(.unverified_contact), indent: inner + "! ", continuation: indent + "    ") }
    }
}

/// The text being laid out: whole lines, each ended by a newline.
struct Page {
    let width: Int
    let color: Bool
    private(set) var text = ""

    init(width: Int, color: Bool) {
        self.width = width
        self.color = color
        text.reserveCapacity(1024)
    }

    mutating func blank() { text += "\n" }

    mutating func line(_ s: String, bold: Bool = false) {
        open(bold)
        text += s
        close(bold)
    }

    private mutating func open(_ bold: Bool) { if bold && color { text += "\u{1B}[1m" } }

    private mutating func close(_ bold: Bool) {
        if bold && color { text += "\u{1B}[0m" }
        text += "\n"
    }

    /// Greedy word wrap to `width` columns: `indent` starts the first line (a bullet, a number),
    /// `continuation` (or `indent` again) the others. Words are split at spaces; a column is a
    /// character (grapheme cluster), counted only for words that are not plain ASCII.
    mutating func paragraph<S: StringProtocol>(_ words: S, indent: String = "", continuation: String? = nil, bold: Bool = false) {
        let next = continuation ?? indent
        let nextCount = Self.columns(next.utf8[...])
        open(bold)
        text += indent
        var count = Self.columns(indent.utf8[...])
        var lineHasWord = false
        let utf8 = words.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            // The next word: a run of bytes up to a space.
            while i < utf8.endIndex, utf8[i] == 0x20 { i = utf8.index(after: i) }
            guard i < utf8.endIndex else { break }
            let start = i
            var ascii = true
            while i < utf8.endIndex, utf8[i] != 0x20 {
                if utf8[i] >= 0x80 { ascii = false }
                i = utf8.index(after: i)
            }
            let word = utf8[start..<i]
            let wordCount = ascii ? word.count : Substring(words[start..<i]).count
            if lineHasWord && count + 1 + wordCount > width {
                close(bold)
                open(bold)
                text += next
                count = nextCount
            } else if lineHasWord {
                text += " "
                count += 1
            }
            text += Substring(words[start..<i])
            count += wordCount
            lineHasWord = true
        }
        close(bold)
    }

    private static func columns<C: Collection<UInt8>>(_ bytes: C) -> Int {
        bytes.allSatisfy { $0 < 0x80 } ? bytes.count : String(decoding: bytes, as: UTF8.self).count
    }
}
