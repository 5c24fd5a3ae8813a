/// A value bound into or read from a statistics query. The store uses text and integers only,
/// so one small type covers SQLite and PostgreSQL alike.
public enum StatsValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case null

    public var integer: Int? { if case .integer(let v) = self { v } else { nil } }
    public var text: String? { if case .text(let v) = self { v } else { nil } }
}

/// The few calls the statistics need from a database. SQL is written once, in the subset both
/// SQLite and PostgreSQL understand (`$1` placeholders numbered in order of appearance,
/// `ON CONFLICT … DO UPDATE`, `CAST(… AS BIGINT)`).
protocol StatsDatabase: Sendable {
    func execute(_ sql: String, _ binds: [StatsValue]) async throws
    func query(_ sql: String, _ binds: [StatsValue]) async throws -> [[StatsValue]]
    /// Every table's rows as text, for the privacy test and for staff who want to look.
    func tableNames() async throws -> [String]
    func close() async
}

extension StatsDatabase {
    /// Runs the statements in one transaction: all of them land, or none.
    func transaction(_ statements: [(sql: String, binds: [StatsValue])]) async throws {
        try await execute("BEGIN", [])
        do {
            for s in statements { try await execute(s.sql, s.binds) }
            try await execute("COMMIT", [])
        } catch {
            try? await execute("ROLLBACK", [])
            throw error
        }
    }
}
