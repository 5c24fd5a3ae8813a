import Logging
import LotseCore
import NIOCore
import NIOPosix
import Synchronization

/// `lotse serve`: one conversation per TCP connection, on the same engine as the kiosk.
public final class Server: Sendable {
    public struct Configuration: Sendable {
        public var host = "127.0.0.1"
        public var port = 4711
        public var maximumConnections = 1000
        public var maximumLineLength = 4096
        /// Without input for this long a client is warned; after as long again it is closed.
        public var idleTimeout: TimeAmount = .seconds(300)
        public var eventLoopThreads = System.coreCount

        public init() {}
    }

    let configuration: Configuration
    let store: RuleStore
    let today: @Sendable () -> Day
    let logger: Logger
    let group: MultiThreadedEventLoopGroup
    private let state = Mutex(State())

    struct State {
        var serverChannel: Channel?
        var connections: [ObjectIdentifier: Connection] = [:]
        var shuttingDown = false
        var accepted = 0
        var refused = 0
    }

    /// What shutdown needs to say goodbye to a client in its language. Only the language is
    /// kept up to date per turn; the goodbye line is built when it is needed.
    final class Connection: Sendable {
        let channel: Channel
        let rules: Mutex<RuleSet>
        let language: Mutex<String>
        init(channel: Channel, rules: RuleSet, language: String) {
            self.channel = channel
            self.rules = Mutex(rules)
            self.language = Mutex(language)
        }

        var goodbye: String {
            let rules = self.rules.withLock { $0 }
            let code = language.withLock { $0 }
            return ServerMessages.bye(rules.messages[.server_closing]?.text(in: code, fallback: rules.defaultLanguage) ?? "")
        }
    }

    public init(configuration: Configuration, store: RuleStore, today: @escaping @Sendable () -> Day, logger: Logger) {
        self.configuration = configuration
        self.store = store
        self.today = today
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.eventLoopThreads))
    }

    public var activeConnections: Int { state.withLock { $0.connections.count } }

    /// Binds, calls `onBound` with the port (useful with port 0), and serves until `shutdown()`.
    public func run(onBound: @Sendable (Int) -> Void = { _ in }) async throws {
        let maximumLine = configuration.maximumLineLength
        let idle = configuration.idleTimeout
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 512)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLine)))
                    try channel.pipeline.syncOperations.addHandler(IdleEventHandler())
                    return try NIOAsyncChannel<InboundLine, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? configuration.port
        let alreadyStopping = state.withLock { s -> Bool in
            s.serverChannel = server.channel
            return s.shuttingDown
        }
        if alreadyStopping { try? await server.channel.close() }
        logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)", "rules": "\(store.rules.version)"])
        onBound(port)
        try await withThrowingDiscardingTaskGroup { tasks in
            try await server.executeThenClose { inbound in
                for try await connection in inbound {
                    tasks.addTask { await self.serve(connection) }
                }
            }
        }
        let counts = state.withLock { ($0.accepted, $0.refused) }
        logger.info("stopped", metadata: ["connections": "\(counts.0)", "refused": "\(counts.1)"])
    }

    /// Says goodbye to every client, stops accepting, and lets `run` return.
    public func shutdown() {
        let (server, connections) = state.withLock { s -> (Channel?, [Connection]) in
            s.shuttingDown = true
            return (s.serverChannel, Array(s.connections.values))
        }
        logger.info("shutting down", metadata: ["clients": "\(connections.count)"])
        for c in connections {
            let line = c.goodbye
            let channel = c.channel
            channel.eventLoop.execute {
                var buffer = channel.allocator.buffer(capacity: line.utf8.count + 1)
                buffer.writeString(line)
                buffer.writeString("\n")
                channel.writeAndFlush(buffer).whenComplete { _ in channel.close(promise: nil) }
                // A client that does not read never lets the goodbye through: close it anyway.
                channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
            }
        }
        server?.close(promise: nil)
    }

    /// Frees the event loop threads once `run` has returned.
    public func close() async {
        try? await group.shutdownGracefully()
    }

    private func serve(_ connection: NIOAsyncChannel<InboundLine, ByteBuffer>) async {
        let channel = connection.channel
        let store = self.store
        var (conversation, opening) = Conversation.open(rules: { store.rules }, today: today())
        let rules = conversation.rules
        let id = ObjectIdentifier(channel)
        let admitted = state.withLock { s -> Bool in
            guard !s.shuttingDown, s.connections.count < configuration.maximumConnections else {
                s.refused += 1
                return false
            }
            s.accepted += 1
            s.connections[id] = Connection(channel: channel, rules: conversation.rules, language: conversation.language)
            return true
        }
        var turns = 0
        do {
            try await connection.executeThenClose { inbound, outbound in
                guard admitted else {
                    logger.warning("refused: too many connections", metadata: ["limit": "\(configuration.maximumConnections)"])
                    try await outbound.write(Self.buffer(channel, [ServerMessages.error("server_full", rules.messages[.server_full]?
                        .text(in: rules.defaultLanguage, fallback: rules.defaultLanguage) ?? "server full")]))
                    return
                }
                logger.info("connection opened", metadata: ["active": "\(activeConnections)"])
                try await outbound.write(Self.buffer(channel, opening))
                opening = [] // kept by an idle connection for its whole life otherwise
                var warned = false
                for try await item in inbound {
                    let reply: [String]
                    switch item {
                    case .line(let text):
                        warned = false
                        turns += 1
                        reply = conversation.receive(text)
                    case .tooLong:
                        warned = false
                        logger.notice("line too long", metadata: ["limit": "\(configuration.maximumLineLength)"])
                        reply = conversation.protocolError("line_too_long", .input_too_long)
                    case .invalidUTF8:
                        warned = false
                        logger.notice("invalid UTF-8")
                        reply = conversation.protocolError("invalid_utf8", .invalid_text)
                    case .idle:
                        if warned {
                            logger.info("idle connection closed")
                            try await outbound.write(Self.buffer(channel, [ServerMessages.bye(conversation.session.text(of: .bye))]))
                            return
                        }
                        warned = true
                        reply = conversation.idleWarning()
                    }
                    if let c = state.withLock({ $0.connections[id] }) {
                        let language = conversation.language
                        c.language.withLock { if $0 != language { $0 = language } }
                        if case .line(let text) = item, text.hasPrefix("{") { c.rules.withLock { $0 = conversation.rules } }
                    }
                    try await outbound.write(Self.buffer(channel, reply))
                    if conversation.isFinished { return }
                }
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(type(of: error))"])
        }
        let active = state.withLock { s -> Int in
            s.connections[id] = nil
            return s.connections.count
        }
        if admitted { logger.info("connection closed", metadata: ["active": "\(active)", "turns": "\(turns)"]) }
    }

    static func buffer(_ channel: Channel, _ lines: [String]) -> ByteBuffer {
        var size = 0
        for l in lines { size += l.utf8.count + 1 }
        var buffer = channel.allocator.buffer(capacity: size)
        for l in lines {
            buffer.writeString(l)
            buffer.writeInteger(UInt8(ascii: "\n"))
        }
        return buffer
    }
}
