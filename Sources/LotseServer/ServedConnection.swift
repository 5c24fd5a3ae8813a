import Logging
import LotseCore
import NIOCore

/// The server's side of one connection: its conversation and bookkeeping (admission, limits,
/// idle warning, logs). Only ever used on the connection's event loop, one call at a time.
final class ServedConnection {
    let channel: Channel
    unowned let server: Server
    private var conversation: Conversation
    private var pendingOpening: [String]
    private(set) var admitted = false
    /// The last reply ended the conversation (bye, idle timeout): the connection closes.
    private(set) var isFinished = false
    private var warned = false
    private var turns = 0

    init(channel: Channel, server: Server) {
        self.channel = channel
        self.server = server
        let store = server.store
        (conversation, pendingOpening) = Conversation.open(rules: { store.rules }, today: server.today(), replies: server.replies(for: channel.eventLoop),
                                                            usage: server.usage)
    }

    private var logger: Logger { server.logger }

    /// The first lines: hello and the language question, or a refusal when the server is full.
    func opening() -> ByteBuffer {
        let admission = server.admit(channel)
        admitted = admission == .admitted
        if admission == .stopping {
            return Server.buffer(channel, [goodbye])
        }
        guard admitted else {
            let limit = server.configuration.maximumConnections
            logger.warning("refused: too many connections", metadata: ["limit": "\(limit)"])
            let rules = conversation.rules
            let text = rules.message(.server_full, in: rules.defaultLanguage) ?? "server full"
            return Server.buffer(channel, [ServerMessages.error("server_full", text)])
        }
        logger.info("connection opened", metadata: ["active": "\(server.activeConnections)"])
        // An idle connection would otherwise keep these for its whole life.
        defer { pendingOpening = [] }
        return Server.buffer(channel, pendingOpening)
    }

    /// The reply to one inbound item; `isFinished` tells whether the connection ends after it.
    func receive(_ item: InboundLine) -> ByteBuffer {
        let reply: [String]
        switch item {
        case .line(let text):
            warned = false
            turns += 1
            let turn = Self.turn(&conversation, text)
            isFinished = turn.finished
            reply = turn.reply
        case .tooLong:
            warned = false
            logger.notice("line too long", metadata: ["limit": "\(server.configuration.maximumLineLength)"])
            reply = conversation.protocolError("line_too_long", .input_too_long)
        case .invalidUTF8:
            warned = false
            logger.notice("invalid UTF-8")
            reply = conversation.protocolError("invalid_utf8", .invalid_text)
        case .idle:
            if warned {
                logger.info("idle connection closed")
                isFinished = true
                return Server.buffer(channel, [ServerMessages.bye(conversation.session.text(of: .bye))])
            }
            warned = true
            reply = conversation.idleWarning()
        }
        return Server.buffer(channel, reply)
    }

    /// One line through the conversation, and what the connection needs to know after it.
    /// Static on an `inout`: read through `self`, each of these would copy the conversation.
    private static func turn(_ c: inout Conversation, _ text: String) -> (reply: [String], finished: Bool) {
        let reply = c.receive(text)
        return (reply, c.isFinished)
    }

    /// Said when the server stops: in the conversation's language, from its rules.
    var goodbye: String {
        ServerMessages.bye(conversation.rules.message(.server_closing, in: conversation.language) ?? "")
    }

    func failed(_ error: any Error) {
        logger.debug("connection ended with an error", metadata: ["error": "\(type(of: error))"])
    }

    func closed() {
        if admitted { conversation.end() }
        let active = server.remove(channel)
        if admitted { logger.info("connection closed", metadata: ["active": "\(active)", "turns": "\(turns)"]) }
    }
}
