/// Lays events out as text for an 80-column kiosk terminal and for transcripts: wrapped
/// paragraphs, numbered options, the result as short labelled blocks. Colour only when asked.
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
        var out: [String] = []
        for e in events {
            switch e {
            case .say(let s): out += paragraph(s) + [""]
            case .ask(let p): out += prompt(p)
            case .error(_, let m): out += paragraph(m)
            case .bye(let s): out += paragraph(s)
            case .reset: break
            case .contacts(let heading, let cards):
                out.append(bold(heading))
                for c in cards { out += contact(c, indent: "  ") }
                out.append("")
            case .refer(let r): out += referral(r)
            }
        }
        // Events that show nothing (a reset) add no blank line, so rendering events one by one
        // and all at once give the same text (the socket protocol relies on it).
        return out.isEmpty ? "" : out.joined(separator: "\n") + "\n"
    }

    private func message(_ key: MessageKey) -> String {
        rules.messages[key]?.text(in: language, fallback: rules.defaultLanguage) ?? key.rawValue
    }

    /// "Opening hours: " – a label followed by its value, whether or not the text ends in a colon.
    private func label(_ key: MessageKey) -> String {
        var text = message(key)
        while text.hasSuffix(":") || text.hasSuffix(" ") { text.removeLast() }
        return text + ": "
    }

    private func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    func prompt(_ p: Prompt) -> [String] {
        var lines = p.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph(String($0)) }.map(bold)
        if let help = p.help { lines += paragraph(help, indent: "  ") }
        switch p.kind {
        case .number:
            var hint = "  "
            if let unit = p.unit { hint += "(\(unit))" }
            if let r = p.range, r.lowerBound > -1e300, r.upperBound < 1e300 { hint += " \(r.lowerBound.compact)–\(r.upperBound.compact)" }
            if hint.count > 2 { lines.append(hint) }
            lines += p.options.map { "  · \($0.label)" }
        default:
            let digits = String(p.options.count).count
            for o in p.options {
                let n = String(o.number)
                lines += paragraph(o.label, indent: String(repeating: " ", count: 2 + digits - n.count) + n + ") ",
                                   continuation: String(repeating: " ", count: 4 + digits))
            }
        }
        return lines
    }

    private func referral(_ r: Referral) -> [String] {
        var lines: [String] = []
        if let intro = r.intro { lines += paragraph(intro) + [""] }
        if !r.eligible.isEmpty {
            lines.append(bold(message(.eligible_heading)))
            for o in r.eligible { lines += offer(o) }
        }
        if !r.askCounsellor.isEmpty {
            lines.append(bold(message(.ask_counsellor_heading)))
            for o in r.askCounsellor { lines += offer(o) }
        }
        if !r.notEligible.isEmpty {
            lines.append(bold(message(.not_eligible_heading)))
            for name in r.notEligible { lines += paragraph("- " + name, indent: "  ", continuation: "    ") }
            lines.append("")
        }
        lines += paragraph(r.disclaimer) + [""]
        return lines
    }

    private func offer(_ o: OfferResult) -> [String] {
        var lines = paragraph("• " + o.name, continuation: "  ").map(bold)
        lines += paragraph(o.summary, indent: "  ")
        if let note = o.note { lines += paragraph("! " + note, indent: "  ", continuation: "    ") }
        if !o.reasons.isEmpty {
            lines.append("  " + message(.why))
            for r in o.reasons { lines += paragraph("- " + r, indent: "    ", continuation: "      ") }
        }
        if !o.openQuestions.isEmpty {
            for q in o.openQuestions { lines += paragraph("? " + q, indent: "    ", continuation: "      ") }
        }
        if !o.steps.isEmpty {
            lines.append("  " + message(.next_steps))
            for (i, s) in o.steps.enumerated() { lines += paragraph("\(i + 1). " + s, indent: "    ", continuation: "       ") }
        }
        if !o.bring.isEmpty {
            lines.append("  " + message(.bring))
            for b in o.bring { lines += paragraph("- " + b, indent: "    ", continuation: "      ") }
        }
        if !o.contacts.isEmpty {
            lines.append("  " + message(.where))
            for c in o.contacts { lines += contact(c, indent: "    ") }
        }
        lines.append("  " + label(.checked_on) + o.checked.description)
        lines.append("")
        return lines
    }

    private func contact(_ c: ContactCard, indent: String) -> [String] {
        var lines = paragraph(c.name, indent: indent)
        for v in [c.address, c.phone, c.email, c.web].compactMap({ $0 }) { lines += paragraph(v, indent: indent + "  ") }
        if let h = c.hours { lines += paragraph(label(.hours) + h, indent: indent + "  ") }
        if c.appointmentOnly == true { lines += paragraph(message(.appointment_only), indent: indent + "  ") }
        if !c.languages.isEmpty { lines += paragraph(label(.languages_spoken) + c.languages.joined(separator: ", "), indent: indent + "  ") }
        if c.barrierFree == true { lines += paragraph(message(.barrier_free), indent: indent + "  ") }
        if let n = c.note { lines += paragraph(n, indent: indent + "  ") }
        if !c.verified { lines += paragraph("! " + message(.unverified_contact), indent: indent + "  ", continuation: indent + "    ") }
        return lines
    }

    /// Greedy word wrap to `width` columns (counted in characters, kept as a running count).
    func paragraph(_ text: String, indent: String = "", continuation: String? = nil) -> [String] {
        let next = continuation ?? indent
        let nextCount = next.count
        var lines: [String] = []
        var line = indent
        var count = indent.count
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordCount = word.count
            if lineHasWord && count + 1 + wordCount > width {
                lines.append(line)
                line = next + word
                count = nextCount + wordCount
            } else {
                if lineHasWord { line += " "; count += 1 }
                line += word
                count += wordCount
            }
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }
}
