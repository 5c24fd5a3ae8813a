import Logging
import PostgresNIO

/// A Land-wide store: several districts' servers write to one PostgreSQL database.
final class PostgresStatsDatabase: StatsDatabase {
    private let connection: PostgresConnection
    private let logger: Logger

    private init(_ connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    static func open(_ url: PostgresURL, logger: Logger) async throws -> PostgresStatsDatabase {
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        let db = PostgresStatsDatabase(connection, logger: logger)
        if let schema = url.schema {
            do {
                // `schema` is a plain name (checked when the URL was read), so it can stand in the SQL.
                try await db.execute("CREATE SCHEMA IF NOT EXISTS \(schema)", [])
                try await db.execute("SET search_path TO \(schema)", [])
            } catch {
                await db.close()
                throw error
            }
        }
        return db
    }

    func execute(_ sql: String, _ binds: [StatsValue]) async throws {
        try await connection.query(Self.query(sql, binds), logger: logger)
    }

    func query(_ sql: String, _ binds: [StatsValue]) async throws -> [[StatsValue]] {
        var out: [[StatsValue]] = []
        for try await row in try await connection.query(Self.query(sql, binds), logger: logger) {
            out.append(try row.map { cell -> StatsValue in
                guard cell.bytes != nil else { return .null }
                switch cell.dataType {
                case .int2, .int4, .int8: return .integer(try cell.decode(Int.self))
                default: return .text(try cell.decode(String.self))
                }
            })
        }
        return out
    }

    func tableNames() async throws -> [String] {
        try await query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename", []).compactMap { $0.first?.text }
    }

    func close() async {
        try? await connection.close()
    }

    private static func query(_ sql: String, _ binds: [StatsValue]) throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: binds.count)
        for b in binds {
            switch b {
            case .text(let s): bindings.append(s)
            case .integer(let v): bindings.append(Int64(v))
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
