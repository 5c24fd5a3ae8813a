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
        var connections: [ObjectIdentifier: Channel] = [:]
        var shuttingDown = false
        var accepted = 0
        var refused = 0
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

    /// Binds, calls `onBound` with the port (useful with port 0), and serves until `shutdown()`
    /// has said goodbye to every client.
    public func run(onBound: @Sendable (Int) -> Void = { _ in }) async throws {
        let maximumLine = configuration.maximumLineLength
        let idle = configuration.idleTimeout
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 512)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(IdleStateHandler(readTimeout: idle))
                    try pipeline.addHandler(ByteToMessageHandler(LineFrameDecoder(maximumLength: maximumLine)))
                    try pipeline.addHandler(IdleEventHandler())
                    try pipeline.addHandler(ConnectionHandler(ServedConnection(channel: channel, server: self)))
                }
            }
            .bind(host: configuration.host, port: configuration.port).get()
        let port = server.localAddress?.port ?? configuration.port
        let alreadyStopping = state.withLock { s -> Bool in
            s.serverChannel = server
            return s.shuttingDown
        }
        if alreadyStopping { try? await server.close() }
        logger.info("listening", metadata: ["host": "\(configuration.host)", "port": "\(port)", "rules": "\(store.rules.version)"])
        onBound(port)
        try await server.closeFuture.get()
        // The goodbyes are on their way; every connection is closed within 2 s of `shutdown()`.
        // A client accepted just before the socket closed may still be on its way to `admit`:
        // only two empty looks 50 ms apart end the wait.
        var emptyLooks = 0
        while emptyLooks < 2 {
            try await Task.sleep(for: .milliseconds(activeConnections > 0 ? 10 : 50))
            emptyLooks = activeConnections > 0 ? 0 : emptyLooks + 1
        }
        let counts = state.withLock { ($0.accepted, $0.refused) }
        let cache = replyCaches.values.map(\.counts)
        logger.info("stopped", metadata: ["connections": "\(counts.0)", "refused": "\(counts.1)",
                                          "reply_cache_hits": "\(cache.map(\.hits).reduce(0, +))",
                                          "reply_cache_misses": "\(cache.map(\.misses).reduce(0, +))"])
    }

    /// Says goodbye to every client, stops accepting, and lets `run` return.
    public func shutdown() {
        let (server, connections) = state.withLock { s -> (Channel?, [Channel]) in
            s.shuttingDown = true
            return (s.serverChannel, Array(s.connections.values))
        }
        logger.info("shutting down", metadata: ["clients": "\(connections.count)"])
        guard let server else { return sayGoodbye(to: connections) }
        // New handshakes refused first, so that a client told goodbye cannot come straight
        // back here; then the goodbyes; the queued connections are accepted (and told goodbye
        // too) before the socket closes.
        SynFilter.attach(to: server).whenComplete { [self] result in
            let drain: TimeAmount = (try? result.get()) != nil ? .milliseconds(100) : .zero
            sayGoodbye(to: connections)
            server.eventLoop.scheduleTask(in: drain) { server.close(promise: nil) }
        }
    }

    private func sayGoodbye(to connections: [Channel]) {
        for channel in connections {
            channel.pipeline.fireUserInboundEventTriggered(ConnectionHandler.Shutdown())
        }
    }

    /// Frees the event loop threads once `run` has returned.
    public func close() async {
        try? await group.shutdownGracefully()
    }

    /// The reply cache of the event loop a connection runs on.
    func replies(for loop: any EventLoop) -> ReplyCache? {
        replyCaches[ObjectIdentifier(loop)]
    }

    /// Registers a new connection unless the server is full or stopping.
    func admit(_ channel: Channel) -> Admission {
        state.withLock { s -> Admission in
            if s.shuttingDown {
                // Counted, so that `run` waits until its goodbye is out too.
                s.connections[ObjectIdentifier(channel)] = channel
                return .stopping
            }
            guard s.connections.count < configuration.maximumConnections else {
                s.refused += 1
                return .full
            }
            s.accepted += 1
            s.connections[ObjectIdentifier(channel)] = channel
            return .admitted
        }
    }

    /// A client that comes in while the server stops (before its socket is closed, or queued in
    /// the backlog) gets the goodbye, not "server full": it should simply connect again.
    enum Admission { case admitted, full, stopping }

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
