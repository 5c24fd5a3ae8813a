import ArgumentParser
import Dispatch
import Foundation
import Logging
import LotseCore
import LotseServer
import LotseStats
import NIOCore

/// `lotse serve`: the socket server for many kiosks (protocol lotse/1, docs/protocol.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve conversations over TCP, one per connection (protocol lotse/1: JSON lines).",
        discussion: """
            SIGHUP reloads the rules (so does --watch on a change); broken rules are logged and the old ones \
            keep serving. SIGTERM or SIGINT says bye to every client and exits 0. Logs go to standard error \
            and never contain what a newcomer typed.
            """)

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port, printed in the log).") var port = 4711
    @Option(help: RuleLoading.rulesHelp) var rules = "rules"
    @Option(name: .customLong("max-connections"), help: "Clients served at once; more are refused with an error line.") var maxConnections = 1000
    @Option(name: .customLong("max-line"), help: "Longest accepted line in bytes; longer lines are discarded with an error.") var maxLine = 4096
    @Option(help: "Seconds without input before a client is warned; as long again and it is closed.") var idle: Double = 300
    @Option(help: "Evaluate offers as of this day (YYYY-MM-DD; default: the day each conversation starts).") var date: String?
    @Flag(help: "Reload the rules when a rule file changes.") var watch = false
    @Option(help: "Event loop threads (default: one per core).") var threads: Int?
    @Option(name: .customLong("reply-cache"), help: "MiB of sent lines kept to be sent again without laying them out again (0: off).") var replyCache = 16
    @OptionGroup(title: "Usage statistics") var usage: UsageOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard maxConnections > 0, maxLine > 0, idle > 0 else { throw ValidationError("--max-connections, --max-line and --idle must be positive") }
        guard (0...4096).contains(replyCache) else { throw ValidationError("--reply-cache must be 0…4096 (MiB)") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger: Logger = {
            var l = Logger(label: "lotse.server")
            l.logLevel = .info
            return l
        }()
        let fixedDay = try date.map { try Today.day($0) }
        let initial = try RuleLoading.ruleSet(rules, today: Today.now)
        initial.prepare()
        let store = RuleStore(initial)
        var configuration = Server.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.maximumConnections = maxConnections
        configuration.maximumLineLength = maxLine
        configuration.idleTimeout = .milliseconds(Int64(idle * 1000))
        if let threads { configuration.eventLoopThreads = threads }
        configuration.replyCacheBytes = replyCache << 20
        let recorder = try await usage.recorder(defaultDoor: "server", logger: logger)
        let server = Server(configuration: configuration, store: store,
                            today: { fixedDay ?? Today.now }, logger: logger, usage: recorder)

        let folder = rules
        let reload: @Sendable () -> Void = {
            let result = RuleDirectory.load(folder, today: Today.now)
            if let fresh = result.ruleSet {
                fresh.prepare()
                store.replace(with: fresh)
                logger.info("rules reloaded", metadata: ["version": "\(fresh.version)", "warnings": "\(result.warningCount)"])
            } else {
                logger.error("reload failed: the old rules keep serving", metadata: ["errors": "\(result.errorCount)"])
                for d in result.diagnostics where d.severity == .error {
                    logger.error("\(d.location): \(d.problem.message(.en))")
                }
            }
        }
        let signals = SignalHandlers()
        signals.on(SIGHUP) { logger.info("SIGHUP: reloading"); reload() }
        for s in [SIGTERM, SIGINT] {
            signals.on(s) {
                server.shutdown()
                // However clients behave, the process ends within 5 seconds.
                DispatchQueue.global().asyncAfter(deadline: .now() + 4.5) { Foundation.exit(0) }
            }
        }
        let watcher = watch ? RuleWatcher(folder: RuleDirectory.Location(folder).folder, onChange: reload) : nil
        watcher?.start()
        try await server.run()
        watcher?.stop()
        await server.close()
        await recorder?.close()
        withExtendedLifetime(signals) {}
    }
}

/// Signals as Dispatch sources, so handlers may do real work (not async-signal-safe code).
final class SignalHandlers: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    func on(_ signal: Int32, _ handler: @escaping @Sendable () -> Void) {
        Foundation.signal(signal, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
        sources.append(source)
    }
}

/// Polls the rule files' sizes and modification times; a change triggers a reload.
final class RuleWatcher: @unchecked Sendable {
    let folder: String
    let onChange: @Sendable () -> Void
    private var timer: DispatchSourceTimer?
    private var last: [String: String] = [:]

    init(folder: String, onChange: @escaping @Sendable () -> Void) {
        self.folder = folder
        self.onChange = onChange
    }

    func start() {
        last = fingerprint()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "lotse.watch"))
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let now = self.fingerprint()
            if now != self.last {
                self.last = now
                self.onChange()
            }
        }
        timer.resume()
        self.timer = timer
    }

    func stop() { timer?.cancel() }

    private func fingerprint() -> [String: String] {
        var out: [String: String] = [:]
        for path in RuleDirectory.files([folder], suffixes: RuleDirectory.yamlSuffixes, keepMissing: false) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            out[path] = "\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)/\(attributes?[.size] ?? 0)"
        }
        return out
    }
}
