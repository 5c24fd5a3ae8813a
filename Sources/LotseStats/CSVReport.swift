import Foundation
import LotseCore

/// The report as one long table (`section,item,detail,count`), for a spreadsheet. Section
/// and outcome names are fixed ids in English, so a sheet built on them works in both languages;
/// the header row is in the chosen language.
public enum CSVReport {
    public static func render(_ report: UsageReport, language: ToolLanguage) -> String {
        let header = language.pick("abschnitt,eintrag,detail,anzahl", "section,item,detail,count")
        var rows: [[String]] = [["period", report.from.description, report.to.description, ""]]
        for line in report.conversations {
            for (door, cell) in zip(report.doors, line.counts) { rows.append(["conversations", line.language, door, cell.ascii]) }
        }
        rows.append(["conversations", "", "", report.conversationTotal.ascii])
        for t in report.topics { rows.append(["topics", t.key, "", t.count.ascii]) }
        for o in report.offers {
            rows.append(["offers", o.offer, "eligible", o.eligible.ascii])
            rows.append(["offers", o.offer, "ask_counsellor", o.askCounsellor.ascii])
            rows.append(["offers", o.offer, "not_eligible", o.notEligible.ascii])
        }
        for q in report.openQuestions { rows.append(["open_questions", q.key, "", q.count.ascii]) }
        for a in report.abandoned { rows.append(["abandoned", a.key, "", a.count.ascii]) }
        rows.append(["emergency", "", "", report.emergency.ascii])
        rows.append(["dropped", "", "", String(report.dropped)])
        return header + "\n" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 quoting, and a leading quote mark against formula injection in spreadsheets.
    static func field(_ s: String) -> String {
        var s = s
        if let first = s.first, "=+-@".contains(first), !s.allSatisfy({ $0.isNumber || $0 == "-" }) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
