import Foundation
import Logging
import LotseCore
@testable import LotseStats
import LotseTestSupport
import Synchronization
import Testing

/// The same suite on a real SQLite file and on a real PostgreSQL server.
@Suite struct StatsStoreTests {
    static let day = Day(iso: "2026-11-10")!
    static var quiet: Logger {
        var l = Logger(label: "test")
        l.logLevel = .critical
        return l
    }

    static func open(_ location: StatsLocation, migrateTo: Int? = nil) async throws -> UsageStore {
        try await UsageStore.open(location, migrateTo: migrateTo, today: day, logger: quiet)
    }

    /// Skipped locally without a database, with the reason; under CI it fails without one.
    @Test(.enabled(if: StatsBackend.postgresURL != nil || StatsBackend.underCI, Comment(rawValue: StatsBackend.skipReason)))
    func postgresIsReachable() async throws {
        let store = try await Self.open(try StatsBackend.postgres.freshLocation())
        #expect(try await store.schemaVersion() == Migrations.latest)
        await store.close()
    }

    @Test(arguments: StatsBackend.tested)
    func anEmptyStoreIsMigratedToTheLatestSchema(_ backend: StatsBackend) async throws {
        let store = try await Self.open(try backend.freshLocation())
        #expect(try await store.schemaVersion() == Migrations.latest)
        let dump = try await store.dump()
        for table in ["schema_migrations", "usage_counts", "usage_dropped"] { #expect(dump.contains("# \(table)\n")) }
        await store.close()
    }

    @Test(arguments: StatsBackend.tested)
    func anOldStoreIsMigratedAndKeepsItsCounts(_ backend: StatsBackend) async throws {
        let location = try backend.freshLocation()
        let old = try await Self.open(location, migrateTo: 1)
        #expect(try await old.schemaVersion() == 1)
        #expect(!(try await old.dump()).contains("# usage_dropped"))
        try await old.add([CounterKey(day: Self.day, kind: .topic, key: "health", language: "de"): 7], door: "kiosk")
        await old.close()

        let store = try await Self.open(location)
        #expect(try await store.schemaVersion() == 2)
        #expect(try await store.rows(from: Self.day, to: Self.day) == [ReportRow(door: "kiosk", kind: "topic", key: "health", language: "de", count: 7)])
        try await store.add([:], door: "kiosk", dropped: [Self.day: 3])
        #expect(try await store.dropped(from: Self.day, to: Self.day) == 3)
        await store.close()
    }

    @Test(arguments: StatsBackend.tested)
    func aStoreFromANewerLotseIsNotTouched(_ backend: StatsBackend) async throws {
        let location = try backend.freshLocation()
        let store = try await Self.open(location)
        try await store.execute("INSERT INTO schema_migrations (version, applied) VALUES (99, '2027-01-01')")
        await store.close()
        await #expect(throws: StatsError.newerSchema(found: 99, known: Migrations.latest)) { try await Self.open(location) }
    }

    @Test(arguments: StatsBackend.tested)
    func recordedEventsAreSummedPerDayAndReportedForTheRangeOnly(_ backend: StatsBackend) async throws {
        let location = try backend.freshLocation()
        let recorder = UsageRecorder(configuration: .init(door: "kiosk"), logger: Self.quiet) { try await Self.open(location) }
        let first = Day(iso: "2026-10-31")!, inside = Day(iso: "2026-11-02")!, last = Day(iso: "2026-11-30")!
        for _ in 0..<12 { recorder.record([UsageEvent(.started, language: "de"), UsageEvent(.topic, key: "language", language: "de")], day: inside) }
        for _ in 0..<3 { recorder.record([UsageEvent(.started, language: "ar"), UsageEvent(.topic, key: "health", language: "ar")], day: last) }
        recorder.record([UsageEvent(.eligible, key: "bik", language: "de")], day: inside)
        #expect(await recorder.flush())
        // A second batch adds to the same counters.
        for _ in 0..<6 { recorder.record([UsageEvent(.eligible, key: "bik", language: "de")], day: last) }
        recorder.record([UsageEvent(.started, language: "de")], day: first)   // October: outside the report
        await recorder.close()

        let store = try await Self.open(location)
        let report = try await UsageReport.load(store, from: Day(iso: "2026-11-01")!, to: last)
        await store.close()
        #expect(report.doors == ["kiosk"])
        #expect(report.conversations.map(\.language) == ["ar", "de"])
        #expect(report.conversations.map(\.total) == [.small, .exact(12)])
        #expect(report.conversationTotal == .atLeast(12), "12 + 3: the total must not give the 3 away")
        #expect(report.topics == [.init(key: "language", count: .exact(12)), .init(key: "health", count: .small)])
        #expect(report.offers.map(\.offer) == ["bik"])
        #expect(report.offers.first?.eligible == .exact(7))
        #expect(report.offers.first?.askCounsellor == .exact(0))
    }

    /// A failing store (an unreachable PostgreSQL; a SQLite file that refuses writes) never
    /// reaches the caller; the counts wait in memory within the cap and land once it works.
    @Test(arguments: StatsBackend.tested)
    func aFailingStoreKeepsCountsWithinTheCapUntilItWorksAgain(_ backend: StatsBackend) async throws {
        let location = try backend.freshLocation()
        let broken: StatsLocation
        switch location {
        case .sqlite:
            await (try await Self.open(location)).close()
            broken = location
        case .postgres(let url):
            var unreachable = url
            unreachable.host = "127.0.0.1"
            unreachable.port = 1
            broken = .postgres(unreachable)
        }
        let healed = Mutex(false)
        var configuration = UsageRecorder.Configuration(door: "server")
        configuration.capacity = 3
        let recorder = UsageRecorder(configuration: configuration, logger: Self.quiet) {
            if healed.withLock({ $0 }) { return try await Self.open(location) }
            return try await UsageStore.open(broken, readOnly: true, today: Self.day, logger: Self.quiet)
        }
        let day = Self.day
        for key in ["language", "health", "work"] { recorder.record([UsageEvent(.topic, key: key, language: "de")], day: day) }
        #expect(await recorder.flush() == false)
        #expect(recorder.backlog == (counters: 3, dropped: 0))
        recorder.record([UsageEvent(.topic, key: "language", language: "de")], day: day)   // known counter: kept
        recorder.record([UsageEvent(.topic, key: "school", language: "de"), UsageEvent(.emergency, language: "de")], day: day)
        #expect(recorder.backlog == (counters: 3, dropped: 2))
        #expect(await recorder.flush() == false)
        #expect(recorder.backlog == (counters: 3, dropped: 2))

        healed.withLock { $0 = true }
        #expect(await recorder.flush())
        #expect(recorder.backlog == (counters: 0, dropped: 0))
        await recorder.close()
        let store = try await Self.open(location)
        let rows = try await store.rows(from: day, to: day)
        #expect(Set(rows.map(\.key)) == ["language", "health", "work"])
        #expect(rows.first { $0.key == "language" }?.count == 2)
        #expect(try await store.dropped(from: day, to: day) == 2)
        await store.close()
    }
}
