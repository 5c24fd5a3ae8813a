import Foundation
import LotseStats

/// The stores the statistics tests run against: a temporary SQLite file, and a real PostgreSQL
/// server when `LOTSE_TEST_POSTGRES_URL` names one (`scripts/with-postgres swift test`; `.ci/run`
/// does this). Under CI the PostgreSQL cases run even without it — and fail — so that a CI that
/// lost its database cannot pass unnoticed.
public enum StatsBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public static let postgresURL = ProcessInfo.processInfo.environment["LOTSE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    public static let underCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" && $0 != "0" } ?? false

    /// What the parameterised suites run on.
    public static var tested: [StatsBackend] { postgresURL != nil || underCI ? [.sqlite, .postgres] : [.sqlite] }

    public static let skipReason = "LOTSE_TEST_POSTGRES_URL is not set: the PostgreSQL cases are left out (scripts/with-postgres swift test runs them)"

    public var description: String { rawValue }

    public struct Missing: Error, CustomStringConvertible {
        public init() {}
        public var description: String { "LOTSE_TEST_POSTGRES_URL is not set, but CI is: PostgreSQL must be tested (see scripts/with-postgres)" }
    }

    /// A new, empty store for one test: its own file, or its own schema in the test database.
    public func freshLocation() throws -> StatsLocation {
        let id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-stats-\(id)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return .sqlite(path: folder.appendingPathComponent("stats.sqlite").path)
        case .postgres:
            guard let url = Self.postgresURL else { throw Missing() }
            return try StatsLocation(parsing: url + (url.contains("?") ? "&" : "?") + "schema=t\(id.prefix(20))")
        }
    }
}
