import Foundation
import Logging

/// Where the statistics live, as given to `--stats`: a file path (SQLite) or a `postgres://` URL.
public enum StatsLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Throws `StatsError.badLocation` for a `postgres://` URL that cannot be read; anything
    /// else is a file path.
    public init(parsing text: String) throws {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let url = PostgresURL(text) else { throw StatsError.badLocation(text: PostgresURL.redacted(text)) }
            self = .postgres(url)
        } else {
            guard !text.isEmpty else { throw StatsError.badLocation(text: text) }
            self = .sqlite(path: text)
        }
    }

    /// For logs and messages: never the password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }

    func open(readOnly: Bool, logger: Logger) async throws -> any StatsDatabase {
        switch self {
        case .sqlite(let path):
            if readOnly, !FileManager.default.fileExists(atPath: path) { throw StatsError.noSuchFile(path: path) }
            return try await SQLiteStatsDatabase.open(path: path, readOnly: readOnly)
        case .postgres(let url):
            return try await PostgresStatsDatabase.open(url, logger: logger)
        }
    }
}

/// `postgres://user:password@host:port/database[?schema=NAME]`; user and database are required.
/// With `schema`, the tables live in that schema (created if missing): several districts or
/// test runs can share one database without meeting.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var schema: String?

    public init?(_ text: String) {
        guard let c = URLComponents(string: text), c.scheme == "postgres" || c.scheme == "postgresql",
              let host = c.host, !host.isEmpty, let user = c.user, !user.isEmpty else { return nil }
        let database = String(c.path.dropFirst())
        guard !database.isEmpty, !database.contains("/") else { return nil }
        if let p = c.port, !(1...65535).contains(p) { return nil }
        self.user = c.user?.removingPercentEncoding ?? user
        password = c.password?.removingPercentEncoding
        self.host = host
        port = c.port ?? 5432
        self.database = database
        for item in c.queryItems ?? [] {
            guard item.name == "schema", let name = item.value, Self.isPlainName(name) else { return nil }
            schema = name
        }
    }

    /// Lower-case letters, digits and `_`, starting with a letter: safe to put into SQL as it is.
    static func isPlainName(_ s: String) -> Bool {
        guard let first = s.utf8.first, (0x61...0x7A).contains(first), s.utf8.count <= 63 else { return false }
        return s.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "") }

    /// A URL as typed, with any password replaced, for an error message.
    static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let colon = text[..<at].lastIndex(of: ":"),
              text[..<colon].contains("//") , text[text.index(after: colon)..<at].first != "/" else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}
