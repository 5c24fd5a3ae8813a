import SQLiteNIO

/// The embedded default: one SQLite file beside the server, no service to run.
final class SQLiteStatsDatabase: StatsDatabase {
    private let connection: SQLiteConnection

    private init(_ connection: SQLiteConnection) { self.connection = connection }

    /// `readOnly` opens an existing file without write access (`lotse stats` only reads).
    static func open(path: String, readOnly: Bool = false) async throws -> SQLiteStatsDatabase {
        // SQLite takes a URI here; `mode=ro` refuses every write, even to root.
        let storage: SQLiteConnection.Storage = readOnly ? .file(path: "file:\(Self.uriEscaped(path))?mode=ro") : .file(path: path)
        let db = SQLiteStatsDatabase(try await SQLiteConnection.open(storage: storage))
        do {
            // A report may read while a server writes.
            _ = try await db.connection.query("PRAGMA busy_timeout = 5000")
            if !readOnly { _ = try await db.connection.query("PRAGMA journal_mode = WAL") }
        } catch {
            await db.close()
            throw error
        }
        return db
    }

    private static func uriEscaped(_ path: String) -> String {
        var out = ""
        for ch in path.unicodeScalars {
            switch ch {
            case "%", "?", "#": out += "%" + String(ch.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    func execute(_ sql: String, _ binds: [StatsValue]) async throws {
        _ = try await connection.query(sql, binds.map(Self.data))
    }

    func query(_ sql: String, _ binds: [StatsValue]) async throws -> [[StatsValue]] {
        try await connection.query(sql, binds.map(Self.data)).map { row in
            row.columns.map { column in
                switch column.data {
                case .integer(let v): .integer(Int(v))
                case .text(let s): .text(s)
                case .float(let d): .integer(Int(d))
                case .null, .blob: .null
                }
            }
        }
    }

    func tableNames() async throws -> [String] {
        try await query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", []).compactMap { $0.first?.text }
    }

    func close() async {
        try? await connection.close()
    }

    private static func data(_ value: StatsValue) -> SQLiteData {
        switch value {
        case .text(let s): .text(s)
        case .integer(let v): .integer(v)
        case .null: .null
        }
    }
}
