import Foundation
import LotseCore

/// The report as JSON, for other programs. An exact count is a number; a suppressed one is the
/// string `"<5"`, a total hiding one the string `">=N"` — a reader cannot mistake either for a
/// number. Keys are ids in English whatever `--lang` says; `labels` carries the section titles.
public enum JSONReport {
    public static func render(_ report: UsageReport, language: ToolLanguage) throws -> String {
        let l = ReportLabels(language: language)
        let document = Document(
            from: report.from.description, to: report.to.description,
            small_cells: l.smallCells,
            labels: ["conversations": l.conversations, "topics": l.topics, "offers": l.offers,
                     "open_questions": l.openQuestions, "abandoned": l.abandoned, "emergency": l.emergency],
            conversations: report.conversations.flatMap { line in
                zip(report.doors, line.counts).map { Document.Conversations(language: line.language, door: $0, count: Cell($1)) }
            },
            conversations_total: Cell(report.conversationTotal),
            topics: report.topics.map { Document.Keyed(id: $0.key, count: Cell($0.count)) },
            offers: report.offers.map {
                Document.Offer(id: $0.offer, eligible: Cell($0.eligible), ask_counsellor: Cell($0.askCounsellor),
                               not_eligible: Cell($0.notEligible))
            },
            open_questions: report.openQuestions.map { Document.Keyed(id: $0.key, count: Cell($0.count)) },
            abandoned: report.abandoned.map { Document.Keyed(id: $0.key, count: Cell($0.count)) },
            emergency: Cell(report.emergency),
            dropped: report.dropped)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Cell: Encodable {
        let cell: ReportCell
        init(_ cell: ReportCell) { self.cell = cell }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            if case .exact(let n) = cell { try c.encode(n) } else { try c.encode(cell.ascii) }
        }
    }

    // Field names are the JSON keys.
    struct Document: Encodable {
        struct Conversations: Encodable { let language: String; let door: String; let count: Cell }
        struct Keyed: Encodable { let id: String; let count: Cell }
        struct Offer: Encodable { let id: String; let eligible: Cell; let ask_counsellor: Cell; let not_eligible: Cell }
        let from: String
        let to: String
        let small_cells: String
        let labels: [String: String]
        let conversations: [Conversations]
        let conversations_total: Cell
        let topics: [Keyed]
        let offers: [Offer]
        let open_questions: [Keyed]
        let abandoned: [Keyed]
        let emergency: Cell
        let dropped: Int
    }
}
