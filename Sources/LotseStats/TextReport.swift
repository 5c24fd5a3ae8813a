import LotseCore

/// The report as plain text tables, for a terminal or an e-mail.
public enum TextReport {
    public static func render(_ report: UsageReport, language: ToolLanguage) -> String {
        let l = ReportLabels(language: language)
        var out = "\(l.title) \(l.range(report.from, report.to))\n\(l.smallCells)\n"
        func section(_ title: String, _ header: [String], _ rows: [[String]]) {
            out += "\n\(title)\n"
            guard !rows.isEmpty else { out += "  \(l.none)\n"; return }
            out += table([header] + rows)
        }
        section(l.conversations, [l.languageColumn] + report.doors + [l.total],
                report.conversations.map { [l.languageName($0.language)] + $0.counts.map(\.text) + [$0.total.text] }
                + (report.conversations.isEmpty ? [] : [[l.total] + report.conversationTotals.map(\.text) + [report.conversationTotal.text]]))
        section(l.topics, ["", ""], report.topics.map { [$0.key, $0.count.text] })
        section(l.offers, [l.offerColumn, l.eligible, l.askCounsellor, l.notEligible],
                report.offers.map { [$0.offer, $0.eligible.text, $0.askCounsellor.text, $0.notEligible.text] })
        section(l.openQuestions, ["", ""], report.openQuestions.map { [$0.key, $0.count.text] })
        section(l.abandoned, ["", ""], report.abandoned.map { [$0.key, $0.count.text] })
        out += "\n\(l.emergency): \(report.emergency.text)\n"
        if report.dropped > 0 { out += "\n\(report.dropped) \(l.dropped)\n" }
        return out
    }

    /// Columns padded to their widest cell; numbers right-aligned. A header of empty strings is left out.
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for (n, r) in rows.enumerated() where !(n == 0 && r.allSatisfy(\.isEmpty)) {
            var line = "  "
            for (i, c) in r.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - c.count)
                line += i == 0 ? c + pad : "  " + pad + c
            }
            out += line.trailingSpacesRemoved + "\n"
        }
        return out
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
