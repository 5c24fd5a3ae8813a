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
        /// Bytes of sent lines kept to be sent again without laying them out (0: none).
        public var replyCacheBytes = 16 << 20

        public init() {}
    }

    let configuration: Configuration
    let store: RuleStore
    let today: @Sendable () -> Day
    let logger: Logger
    /// Where conversations report their anonymous usage events (nil: statistics off).
    let usage: (any UsageSink)?
    let group: MultiThreadedEventLoopGroup
    /// One reply cache per event loop, each used by that loop's thread alone: a shared one
    /// made the threads wait for each other's look-ups.
    private let replyCaches: [ObjectIdentifier: ReplyCache]
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
            return ServerMessages.bye(rules.message(.server_closing, in: code) ?? "")
        }
    }

    public init(configuration: Configuration, store: RuleStore, today: @escaping @Sendable () -> Day, logger: Logger,
                usage: (any UsageSink)? = nil) {
        self.configuration = configuration
        self.usage = usage
        self.store = store
        self.today = today
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.eventLoopThreads))
        let loops = Array(group.makeIterator())
        replyCaches = Dictionary(uniqueKeysWithValues: loops.map {
            (ObjectIdentifier($0), ReplyCache(budget: configuration.replyCacheBytes / loops.count))
        })
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
                    let executor = EventLoopTaskExecutor(connection.channel.eventLoop)
                    tasks.addTask(executorPreference: executor) { await self.serve(connection) }
                }
            }
        }
        let counts = state.withLock { ($0.accepted, $0.refused) }
        let cache = replyCaches.values.map(\.counts)
        logger.info("stopped", metadata: ["connections": "\(counts.0)", "refused": "\(counts.1)",
                                          "reply_cache_hits": "\(cache.map(\.hits).reduce(0, +))",
                                          "reply_cache_misses": "\(cache.map(\.misses).reduce(0, +))"])
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
                channel.writeAndFlush(Server.buffer(channel, [line])).whenComplete { _ in channel.close(promise: nil) }
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

    /// The task of one connection. Everything but the awaiting is done by `ServedConnection` in
    /// synchronous calls: what an async function keeps in its frame stays allocated as long as
    /// the connection lives, and that, not the conversation, was most of an idle client's memory.
    private func serve(_ connection: NIOAsyncChannel<InboundLine, ByteBuffer>) async {
        let served = ServedConnection(channel: connection.channel, server: self)
        do {
            // Buffers go straight into `write`: bound to a name, the frame would keep them
            // (the opening, the last reply) for as long as the connection waits.
            try await connection.executeThenClose { inbound, outbound in
                try await outbound.write(served.opening())
                guard served.admitted else { return }
                for try await item in inbound {
                    try await outbound.write(served.receive(item))
                    if served.isFinished { return }
                }
            }
        } catch {
            served.failed(error)
        }
        served.closed()
    }

    /// The reply cache of the event loop a connection runs on.
    func replies(for loop: any EventLoop) -> ReplyCache? {
        replyCaches[ObjectIdentifier(loop)]
    }

    /// Registers a new connection unless the server is full or stopping.
    func admit(_ channel: Channel, _ conversation: Conversation) -> Bool {
        state.withLock { s -> Bool in
            guard !s.shuttingDown, s.connections.count < configuration.maximumConnections else {
                s.refused += 1
                return false
            }
            s.accepted += 1
            s.connections[ObjectIdentifier(channel)] = Connection(channel: channel, rules: conversation.rules, language: conversation.language)
            return true
        }
    }

    /// Keeps what shutdown needs to say goodbye up to date.
    func update(_ channel: Channel, language: String, rules: RuleSet?) {
        guard let c = state.withLock({ $0.connections[ObjectIdentifier(channel)] }) else { return }
        c.language.withLock { if $0 != language { $0 = language } }
        if let rules { c.rules.withLock { $0 = rules } }
    }

    /// Forgets a connection; returns how many are left.
    func remove(_ channel: Channel) -> Int {
        state.withLock { s -> Int in
            s.connections[ObjectIdentifier(channel)] = nil
            return s.connections.count
        }
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
