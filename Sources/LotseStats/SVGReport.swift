import LotseCore

/// The report as a plain SVG bar chart (topics, offers by outcome), for a slide or a printout.
/// Hand-written: a few rectangles and texts need no library. Suppressed counts get no bar, only
/// their label "< 5".
public enum SVGReport {
    static let width = 760
    static let labelWidth = 260
    static let barHeight = 16
    static let gap = 6
    static let colours = ["#2b6cb0", "#d69e2e", "#a0aec0"]

    public static func render(_ report: UsageReport, language: ToolLanguage) -> String {
        let l = ReportLabels(language: language)
        var body = ""
        var y = 30
        func text(_ x: Int, _ y: Int, _ s: String, size: Int = 12, weight: String = "normal", anchor: String = "start") {
            body += "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" font-weight=\"\(weight)\" text-anchor=\"\(anchor)\">\(escape(s))</text>\n"
        }
        text(10, y, "\(l.title) \(l.range(report.from, report.to))", size: 16, weight: "bold")
        y += 18
        text(10, y, l.smallCells, size: 10)
        y += 26
        let maximum = max(1, (report.topics.map(\.count) + report.offers.flatMap { [$0.eligible, $0.askCounsellor, $0.notEligible] })
            .map(\.shownValue).max() ?? 1)
        let scale = Double(width - labelWidth - 70) / Double(maximum)
        func bar(_ label: String, _ cells: [ReportCell]) {
            text(10, y + barHeight - 4, label)
            for (i, cell) in cells.enumerated() {
                let length = Int((Double(cell.shownValue) * scale).rounded())
                if length > 0 {
                    body += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"\(colours[i % colours.count])\"/>\n"
                }
                text(labelWidth + length + 4, y + barHeight - 4, cell.text, size: 11)
                y += barHeight + (i == cells.count - 1 ? gap : 1)
            }
        }
        func heading(_ s: String) {
            y += 8
            text(10, y, s, size: 14, weight: "bold")
            y += 10
        }
        heading(l.topics)
        if report.topics.isEmpty { y += 6; text(10, y, l.none); y += 10 }
        for t in report.topics { bar(t.key, [t.count]) }
        y += 10
        heading(l.offers)
        for (i, name) in [l.eligible, l.askCounsellor, l.notEligible].enumerated() {
            body += "<rect x=\"\(10 + i * 170)\" y=\"\(y + 2)\" width=\"12\" height=\"12\" fill=\"\(colours[i])\"/>\n"
            text(26 + i * 170, y + 12, name, size: 11)
        }
        y += 22
        if report.offers.isEmpty { text(10, y + 6, l.none); y += 16 }
        for o in report.offers { bar(o.offer, [o.eligible, o.askCounsellor, o.notEligible]) }
        y += 10
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(y)" viewBox="0 0 \(width) \(y)" font-family="sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            \(body)</svg>

            """
    }

    /// XML text escaping: ids come from rule files, which staff can edit.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
