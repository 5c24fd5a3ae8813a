import ArgumentParser
import Logging
import LotseCore
import LotseStats

/// `--stats`, `--no-stats` and `--door` of the doors (`serve`, `chat`). Statistics are off
/// unless `--stats` names a store, so nothing is written where nobody asked for it.
struct UsageOptions: ParsableArguments {
    @Option(name: .customLong("stats"), help: ArgumentHelp(
        "Record anonymous usage statistics (off without it): a SQLite file, created if missing, or postgres://user:password@host:port/db[?schema=NAME].",
        valueName: "FILE|URL"))
    var stats: String?

    @Flag(name: .customLong("no-stats"), help: "Record no statistics, even if --stats is given (e.g. in a systemd drop-in).")
    var noStats = false

    @Option(help: ArgumentHelp("The name this door's counts are filed under: 1–32 of a-z, 0-9, - (default: server for lotse serve, kiosk for lotse chat).",
                               valueName: "NAME"))
    var door: String?

    func validate() throws {
        if let door { try UsageOptions.check(door: door) }
        if let stats, !noStats {
            do { _ = try StatsLocation(parsing: stats) } catch let e as StatsError { throw ValidationError(e.message(.en)) }
        }
    }

    /// Counts of a door are only ever filed under a short plain name from the command line.
    static func check(door: String) throws {
        guard (1...32).contains(door.utf8.count),
              door.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) else {
            throw ValidationError(StatsError.badDoor(text: door).message(.en))
        }
    }

    /// The recorder, flushing in the background, or nil when statistics are off. A store that
    /// cannot be opened now is logged and tried again at every flush: the door serves anyway.
    func recorder(defaultDoor: String, logger: Logger) async throws -> UsageRecorder? {
        guard let stats, !noStats else { return nil }
        let location = try StatsLocation(parsing: stats)
        let configuration = UsageRecorder.Configuration(door: door ?? defaultDoor)
        let recorder = UsageRecorder(configuration: configuration, logger: logger) {
            try await UsageStore.open(location, today: Today.now, logger: logger)
        }
        do {
            let store = try await UsageStore.open(location, today: Today.now, logger: logger)
            recorder.use(store)
            logger.info("statistics on", metadata: ["store": "\(location)", "door": "\(configuration.door)"])
        } catch let error as StatsError {
            if case .newerSchema = error { throw ValidationError(error.message(.en)) }
            logger.error("statistics store not reachable now; tried again later", metadata: ["error": "\(error.message(.en))"])
        }
        recorder.start()
        return recorder
    }
}
