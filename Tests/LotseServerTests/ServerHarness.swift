import Foundation
import Logging
import LotseCLI
import LotseCore
import LotseTestSupport
import LotseREPL
import LotseServer
import NIOCore

/// A real server on 127.0.0.1, port 0, for one test; it stops by itself.
final class ServerHarness: @unchecked Sendable {
    static let root = Repository.root
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

    func client() async throws -> AsyncClient { try await AsyncClient(address: address) }

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

/// The blocking protocol client, driven from a queue of its own: a test waiting on a socket must
/// not hold one of the few cooperative threads the server's own tasks need (2 on this machine).
final class AsyncClient: @unchecked Sendable {
    let client: RemoteClient
    private let queue: DispatchQueue

    private final class Box<T>: @unchecked Sendable { let value: T; init(_ v: T) { value = v } }

    static func offPool<T>(_ queue: DispatchQueue, _ body: @escaping () throws -> T) async throws -> T {
        let work = Box(body)
        let box: Box<T> = try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { Box(try work.value()) }) }
        }
        return box.value
    }

    init(address: String) async throws {
        let queue = DispatchQueue(label: "lotse-test-client")
        self.queue = queue
        // Generous: under a full parallel test run the server may wait its turn for a thread.
        client = try await Self.offPool(queue) { try RemoteClient(address: address, timeout: 30) }
    }

    var hello: [String: Any] { client.hello }
    func readReply() async throws -> RemoteClient.Reply { try await Self.offPool(queue) { try self.client.readReply() } }
    func readMessage() async throws -> [String: Any] { try await Self.offPool(queue) { try self.client.readMessage() } }
    func send(_ line: String) async throws { try await Self.offPool(queue) { try self.client.send(line) } }
    func send(command: [String: String]) async throws { try await Self.offPool(queue) { try self.client.send(command: command) } }
    func send(bytes: [UInt8]) async throws { try await Self.offPool(queue) { try self.client.send(bytes: bytes) } }
}
