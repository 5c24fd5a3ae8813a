import Foundation
import Logging
import LotseCLI
import LotseCore
import LotseREPL
import LotseServer
import NIOCore

/// A real server on 127.0.0.1, port 0, for one test; it stops by itself.
final class ServerHarness: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let exampleRules: RuleSet = RuleDirectory.load(root + "/docs/example-rules", today: Day(iso: "2026-11-23")!).ruleSet!

    let server: Server
    let store: RuleStore
    let port: Int
    private let task: Task<Void, Error>

    init(rules: RuleSet = ServerHarness.exampleRules, configure: (inout Server.Configuration) -> Void = { _ in }) async throws {
        var configuration = Server.Configuration()
        configuration.port = 0
        configuration.eventLoopThreads = 1
        configure(&configuration)
        store = RuleStore(rules)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = Server(configuration: configuration, store: store, today: { Day(iso: "2026-11-23")! }, logger: logger)
        self.server = server
        let bound = AsyncStream<Int>.makeStream()
        task = Task { try await server.run { bound.continuation.yield($0) } }
        var port = 0
        for await p in bound.stream { port = p; break }
        self.port = port
    }

    var address: String { "127.0.0.1:\(port)" }

    func client() throws -> RemoteClient { try RemoteClient(address: address, timeout: 5) }

    /// Stops the server and waits for it, at most `seconds`.
    @discardableResult
    func stop(within seconds: Double = 5) async -> Bool {
        server.shutdown()
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask { _ = try? await self.task.value; return true }
            group.addTask { try? await Task.sleep(for: .seconds(seconds)); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        await server.close()
        return finished
    }
}
