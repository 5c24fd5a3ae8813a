import Foundation
import LotseCore
import LotseStats
import LotseTestSupport
import Testing

/// A statistics store with known counters for November 2026 (and one October day outside it).
enum StatsFixtures {
    static let november = Day(iso: "2026-11-03")!
    static let october = Day(iso: "2026-10-15")!
    static let range = ["--from", "2026-11-01", "--to", "2026-11-30"]

    static func filled(_ backend: StatsBackend) async throws -> StatsLocation {
        let location = try backend.freshLocation()
        let store = try await UsageStore.open(location, today: november)
        func k(_ kind: UsageEvent.Kind, _ key: String = "", _ language: String = "de", day: Day = november) -> CounterKey {
            CounterKey(day: day, kind: kind, key: key, language: language)
        }
        try await store.add([
            k(.started): 12, k(.started, "", "ar"): 3, k(.topic, "language"): 9, k(.topic, "health"): 2,
            k(.eligible, "bik"): 6, k(.askCounsellor, "mbe"): 5, k(.openQuestion, "age"): 7, k(.abandoned, "age"): 2,
            k(.emergency): 5, k(.started, day: october): 40,
        ], door: "kiosk")
        await store.close()
        return location
    }

    /// What `--stats` is given for a location (the SQLite path, or the URL with its password).
    static func argument(_ location: StatsLocation) -> String {
        switch location {
        case .sqlite(let path): return path
        case .postgres(let url):
            let password = url.password.map { ":" + $0 } ?? ""
            return "postgres://\(url.user)\(password)@\(url.host):\(url.port)/\(url.database)" + (url.schema.map { "?schema=" + $0 } ?? "")
        }
    }
}

/// Runs a command as a test would: the built `lotse` with arguments, in the package root.
extension LotseProcess {
    static func stats(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        try run(["stats"] + arguments, environment: environment)
    }
}
