import LotseCore

/// The report's words for staff, in German and English.
struct ReportLabels {
    let language: ToolLanguage

    private func pick(_ de: String, _ en: String) -> String { language.pick(de, en) }

    var title: String { pick("Lotse – Nutzungsstatistik", "Lotse – usage statistics") }
    var smallCells: String {
        pick("Zahlen von 1 bis 4 werden als „< 5“ gezeigt, Summen mit solchen Zahlen als „≥ N“ (mindestens N).",
             "Counts of 1 to 4 are shown as \"< 5\", totals that contain such counts as \"≥ N\" (at least N).")
    }
    var conversations: String { pick("Gespräche nach Sprache und Tür", "Conversations by language and door") }
    var languageColumn: String { pick("Sprache", "language") }
    var total: String { pick("gesamt", "total") }
    var noLanguage: String { pick("(keine gewählt)", "(none chosen)") }
    var topics: String { pick("Gewählte Themen", "Topics chosen") }
    var offers: String { pick("Angebote nach Ergebnis", "Offers by outcome") }
    var offerColumn: String { pick("Angebot", "offer") }
    var eligible: String { pick("berechtigt", "eligible") }
    var askCounsellor: String { pick("Beratung fragen", "ask a counsellor") }
    var notEligible: String { pick("nicht berechtigt", "not eligible") }
    var openQuestions: String {
        pick("Häufigste offene Fragen bei „Beratung fragen“", "Top questions left open in \"ask a counsellor\" results")
    }
    var abandoned: String { pick("Abgebrochen bei Frage", "Conversations abandoned at question") }
    var emergency: String { pick("Notrufnummern gezeigt", "Emergency numbers shown") }
    var dropped: String {
        pick("Ereignisse verloren (Speicher nicht erreichbar) – die Zahlen sind unvollständig",
             "events lost (store unreachable) – the figures are incomplete")
    }
    var none: String { pick("(keine)", "(none)") }

    func range(_ from: Day, _ to: Day) -> String { "\(from) … \(to)" }
    func languageName(_ code: String) -> String { code.isEmpty ? noLanguage : code }
}
