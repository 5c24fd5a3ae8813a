import Foundation
import Logging
import LotseCore

/// The statistics database: daily counters added to in batches, summed for a report. One
/// actor per connection, so a flush's transaction is never interleaved with another.
public actor UsageStore {
    private let db: any StatsDatabase
    public nonisolated let location: StatsLocation

    private init(db: any StatsDatabase, location: StatsLocation) {
        self.db = db
        self.location = location
    }

    /// Opens and migrates to the latest schema (`readOnly`: opens, checks, changes nothing).
    /// Failures become `StatsError`s that say what to do, without the password.
    public static func open(_ location: StatsLocation, readOnly: Bool = false, migrateTo version: Int? = nil,
                            today: Day, logger: Logger = Logger(label: "lotse.stats")) async throws -> UsageStore {
        let db: any StatsDatabase
        do {
            db = try await location.open(readOnly: readOnly, logger: logger)
        } catch let error as StatsError {
            throw error
        } catch {
            throw StatsError.cannotOpen(location: location.description, reason: Self.reason(error))
        }
        do {
            if readOnly {
                let found = try await Migrations.version(db)
                guard found <= Migrations.latest else { throw StatsError.newerSchema(found: found, known: Migrations.latest) }
                guard found == Migrations.latest else {
                    throw StatsError.cannotOpen(location: location.description, reason: "schema version \(found) < \(Migrations.latest)")
                }
            } else {
                try await Migrations.apply(db, upTo: version ?? Migrations.latest, today: today.description)
            }
        } catch {
            await db.close()
            if let error = error as? StatsError { throw error }
            throw StatsError.cannotOpen(location: location.description, reason: Self.reason(error))
        }
        return UsageStore(db: db, location: location)
    }

    /// A short reason for a message: the error's type and, for the libraries' own errors, their text.
    static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? text
        return firstLine.count > 200 ? String(firstLine.prefix(200)) + "…" : firstLine
    }

    public func schemaVersion() async throws -> Int { try await Migrations.version(db) }

    /// Adds the counters (and the dropped events) of one flush, all or nothing.
    public func add(_ counts: [CounterKey: Int], door: String, dropped: [Day: Int] = [:]) async throws {
        guard !counts.isEmpty || !dropped.isEmpty else { return }
        let addCount = """
            INSERT INTO usage_counts (day, door, kind, key, language, count) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (day, door, kind, key, language) DO UPDATE SET count = usage_counts.count + excluded.count
            """
        let addDropped = """
            INSERT INTO usage_dropped (day, door, count) VALUES ($1, $2, $3)
            ON CONFLICT (day, door) DO UPDATE SET count = usage_dropped.count + excluded.count
            """
        try await db.transaction(
            counts.map { k, n in
                (addCount, [.text(k.day.description), .text(door), .text(k.kind.rawValue), .text(k.key), .text(k.language), .integer(n)])
            } + dropped.map { day, n in (addDropped, [.text(day.description), .text(door), .integer(n)]) })
    }

    /// The counters summed over `from…to` (both included), by door, kind, key and language.
    public func rows(from: Day, to: Day) async throws -> [ReportRow] {
        try await db.query("""
            SELECT door, kind, key, language, CAST(SUM(count) AS BIGINT) FROM usage_counts
            WHERE day >= $1 AND day <= $2 GROUP BY door, kind, key, language
            """, [.text(from.description), .text(to.description)]).compactMap { r in
            guard r.count == 5, let door = r[0].text, let kind = r[1].text, let key = r[2].text,
                  let language = r[3].text, let count = r[4].integer else { return nil }
            return ReportRow(door: door, kind: kind, key: key, language: language, count: count)
        }
    }

    /// Events lost in `from…to` because the store could not be written for too long.
    public func dropped(from: Day, to: Day) async throws -> Int {
        try await db.query("SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) FROM usage_dropped WHERE day >= $1 AND day <= $2",
                           [.text(from.description), .text(to.description)]).first?.first?.integer ?? 0
    }

    /// Every row of every table as text: what an auditor (and the privacy test) looks at.
    public func dump() async throws -> String {
        var out = ""
        for table in try await db.tableNames() {
            out += "# \(table)\n"
            for row in try await db.query("SELECT * FROM \(table)", []) {
                out += row.map { v in v.text ?? v.integer.map(String.init) ?? "" }.joined(separator: "|") + "\n"
            }
        }
        return out
    }

    /// For tests of old stores: runs SQL as it is.
    func execute(_ sql: String) async throws { try await db.execute(sql, []) }

    public func close() async { await db.close() }
}
