/// The schema, as numbered steps applied in order, each in its own transaction, recorded in
/// `schema_migrations`. A step is never changed once shipped; a change is a new step.
enum Migrations {
    static let steps: [[String]] = [
        // 1: daily counters. No conversation id and no time finer than the day, by design:
        // a row is "on this day, at this door, this many of this kind in this language".
        ["""
         CREATE TABLE usage_counts (
             day TEXT NOT NULL, door TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
             language TEXT NOT NULL, count BIGINT NOT NULL,
             PRIMARY KEY (day, door, kind, key, language))
         """],
        // 2: events the recorder had to drop (store down too long), so a report can say it is incomplete.
        ["""
         CREATE TABLE usage_dropped (
             day TEXT NOT NULL, door TEXT NOT NULL, count BIGINT NOT NULL,
             PRIMARY KEY (day, door))
         """],
    ]

    static var latest: Int { steps.count }

    /// Brings `db` to `target` (default: the latest version); returns the version it had.
    @discardableResult
    static func apply(_ db: any StatsDatabase, upTo target: Int = latest, today: String) async throws -> Int {
        try await db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)", [])
        let found = try await version(db)
        guard found <= latest else { throw StatsError.newerSchema(found: found, known: latest) }
        for number in stride(from: found + 1, through: target, by: 1) {
            try await db.transaction(steps[number - 1].map { ($0, []) }
                + [("INSERT INTO schema_migrations (version, applied) VALUES ($1, $2)", [.integer(number), .text(today)])])
        }
        return found
    }

    static func version(_ db: any StatsDatabase) async throws -> Int {
        try await db.query("SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM schema_migrations", []).first?.first?.integer ?? 0
    }
}
