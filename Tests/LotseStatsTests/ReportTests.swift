import LotseCore
import LotseStats
import Testing

/// What the report may show: no count of 1 to 4, in no form.
@Suite struct ReportTests {
    static let day = Day(iso: "2026-11-05")!

    static func row(_ kind: UsageEvent.Kind, _ key: String, _ count: Int, language: String = "de", door: String = "kiosk") -> ReportRow {
        ReportRow(door: door, kind: kind.rawValue, key: key, language: language, count: count)
    }

    @Test(arguments: [(0, ReportCell.exact(0)), (1, .small), (4, .small), (5, .exact(5)), (123, .exact(123))])
    func countsBelowFiveAreHidden(_ count: Int, _ cell: ReportCell) {
        #expect(ReportCell(count) == cell)
    }

    @Test func aTotalThatContainsAHiddenCountIsALowerBound() {
        #expect(ReportCell(total: [10, 20]) == .exact(30))
        #expect(ReportCell(total: [10, 3]) == .atLeast(10))
        #expect(ReportCell(total: [2, 2]) == .small)
        #expect(ReportCell(total: [3, 4]) == .atLeast(5))
        #expect(ReportCell(total: [0, 0]) == .exact(0))
    }

    @Test func smallCellsAreOrderedByNameNotBySize() {
        let report = UsageReport(from: Self.day, to: Self.day, rows: [
            Self.row(.abandoned, "zeta", 4), Self.row(.abandoned, "alpha", 1), Self.row(.abandoned, "age", 9),
        ], dropped: 0)
        #expect(report.abandoned.map(\.key) == ["age", "alpha", "zeta"])
    }

    /// Two reports that differ only in counts of 1 to 4 must print byte for byte the same,
    /// in every format and language: then no small count can be read from any of them.
    @Test(arguments: ["text", "csv", "json", "svg"], ToolLanguage.allCases)
    func smallCountsLeaveNoTraceInAnyFormat(_ format: String, _ language: ToolLanguage) throws {
        func report(_ small: [Int]) -> UsageReport {
            UsageReport(from: Self.day, to: Self.day, rows: [
                Self.row(.started, "", 17, door: "kiosk"), Self.row(.started, "", small[0], language: "fa", door: "server"),
                Self.row(.topic, "health", small[1]), Self.row(.topic, "language", 9), Self.row(.eligible, "bik", small[2]),
                Self.row(.openQuestion, "age", small[3]), Self.row(.emergency, "", small[0]),
            ], dropped: 0)
        }
        func render(_ r: UsageReport) throws -> String {
            switch format {
            case "text": TextReport.render(r, language: language)
            case "csv": CSVReport.render(r, language: language)
            case "json": try JSONReport.render(r, language: language)
            default: SVGReport.render(r, language: language)
            }
        }
        let one = try render(report([3, 3, 2, 4]))
        #expect(one == (try render(report([1, 4, 1, 2]))))
        #expect(one.contains("17"))
        #expect(one != (try render(report([3, 5, 2, 4]))), "a count of 5 is shown")
    }
}
