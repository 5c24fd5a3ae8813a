import LotseCore

/// The monthly report, built from the counters summed over a range of days. Every number in
/// it is a `ReportCell`, so no format can print a small count by accident.
public struct UsageReport: Sendable {
    public struct Line: Sendable, Hashable {
        public var key: String
        public var count: ReportCell
    }

    public struct LanguageLine: Sendable, Hashable {
        /// "" for conversations that ended before a language was chosen.
        public var language: String
        /// Per door, in the order of `doors`.
        public var counts: [ReportCell]
        public var total: ReportCell
    }

    public struct OfferLine: Sendable, Hashable {
        public var offer: String
        public var eligible: ReportCell
        public var askCounsellor: ReportCell
        public var notEligible: ReportCell
    }

    public var from: Day
    public var to: Day
    public var doors: [String]
    public var conversations: [LanguageLine]
    /// Per door, then all.
    public var conversationTotals: [ReportCell]
    public var conversationTotal: ReportCell
    public var topics: [Line]
    public var offers: [OfferLine]
    /// The facts most often left open in "ask a counsellor" results (at most `topQuestions`).
    public var openQuestions: [Line]
    public var abandoned: [Line]
    public var emergency: ReportCell
    /// Events lost because the store could not be written (shown exactly: it describes the system, not people).
    public var dropped: Int

    public static let topQuestions = 10

    public init(from: Day, to: Day, rows: [ReportRow], dropped: Int) {
        self.from = from
        self.to = to
        self.dropped = dropped
        func sum(_ kind: UsageEvent.Kind) -> [String: Int] {
            var out: [String: Int] = [:]
            for r in rows where r.kind == kind.rawValue { out[r.key, default: 0] += r.count }
            return out
        }
        let started = rows.filter { $0.kind == UsageEvent.Kind.started.rawValue }
        doors = Set(started.map(\.door)).sorted()
        var byLanguage: [String: [String: Int]] = [:]
        for r in started { byLanguage[r.language, default: [:]][r.door, default: 0] += r.count }
        let doors = self.doors
        conversations = byLanguage.keys.sorted { a, b in
            // Languages by code; "no language chosen" last.
            a.isEmpty != b.isEmpty ? !a.isEmpty : a < b
        }.map { language in
            let counts = doors.map { byLanguage[language]?[$0] ?? 0 }
            return LanguageLine(language: language, counts: counts.map(ReportCell.init), total: ReportCell(total: counts))
        }
        conversationTotals = doors.map { door in ReportCell(total: byLanguage.values.map { $0[door] ?? 0 }) }
        conversationTotal = ReportCell(total: byLanguage.values.flatMap { $0.values })
        topics = Self.lines(sum(.topic))
        let eligible = sum(.eligible), ask = sum(.askCounsellor), not = sum(.notEligible)
        offers = Set(eligible.keys).union(ask.keys).union(not.keys).map { id in
            OfferLine(offer: id, eligible: ReportCell(eligible[id] ?? 0), askCounsellor: ReportCell(ask[id] ?? 0),
                      notEligible: ReportCell(not[id] ?? 0))
        }.sorted { a, b in
            let x = [a.eligible, a.askCounsellor, a.notEligible].map(\.shownValue).reduce(0, +)
            let y = [b.eligible, b.askCounsellor, b.notEligible].map(\.shownValue).reduce(0, +)
            return x != y ? x > y : a.offer < b.offer
        }
        openQuestions = Array(Self.lines(sum(.openQuestion)).prefix(Self.topQuestions))
        abandoned = Self.lines(sum(.abandoned))
        emergency = ReportCell(sum(.emergency).values.reduce(0, +))
    }

    /// Largest first; small cells together, by key, so their order says nothing about their size.
    private static func lines(_ counts: [String: Int]) -> [Line] {
        counts.map { Line(key: $0.key, count: ReportCell($0.value)) }
            .sorted { a, b in a.count.shownValue != b.count.shownValue ? a.count.shownValue > b.count.shownValue : a.key < b.key }
    }

    /// Reads the counters of `from…to` from the store; a failure is a `StatsError` for staff.
    public static func load(_ store: UsageStore, from: Day, to: Day) async throws -> UsageReport {
        do {
            return UsageReport(from: from, to: to, rows: try await store.rows(from: from, to: to),
                               dropped: try await store.dropped(from: from, to: to))
        } catch {
            throw StatsError.cannotOpen(location: store.location.description, reason: UsageStore.reason(error))
        }
    }

    /// The last full calendar month before `today`: what a monthly report is about.
    public static func lastFullMonth(before today: Day) -> (from: Day, to: Day) {
        let c = today.components
        let firstOfThisMonth = Day(year: c.year, month: c.month, day: 1)!
        let lastOfPrevious = firstOfThisMonth.adding(days: -1)
        let p = lastOfPrevious.components
        return (Day(year: p.year, month: p.month, day: 1)!, lastOfPrevious)
    }
}
