import Foundation
import Glibc
import LotseCore

/// A blocking client of protocol lotse/1, for the terminal kiosk and the transcript replayer.
/// One server reply to a line ends with the next question (`ask`) or with `bye`.
public final class RemoteClient {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public struct Reply {
        public var messages: [[String: Any]]
        /// The kiosk text: every message's `display`, in order.
        public var display: String { messages.compactMap { $0["display"] as? String }.joined() }
        public var type: String? { messages.last?["type"] as? String }
        public var language: String? { messages.last { $0["language"] != nil }?["language"] as? String }
        public func contains(_ type: String) -> Bool { messages.contains { $0["type"] as? String == type } }
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    public private(set) var hello: [String: Any] = [:]

    /// `address` is `HOST:PORT`.
    public init(address: String, timeout: Double = 10) throws {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            throw Failure(description: "expected HOST:PORT, got '\(address)'")
        }
        let host = String(address[..<colon])
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(result) }
        var info: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let ai = info {
            let s = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            if s >= 0 {
                if connect(s, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { connected = s; break }
                Glibc.close(s)
            }
            info = ai.pointee.ai_next
        }
        guard connected >= 0 else { throw Failure(description: "cannot connect to \(address): \(String(cString: strerror(errno)))") }
        fd = connected
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        hello = try readMessage()
        guard hello["type"] as? String == "hello" else {
            throw Failure(description: (hello["message"] as? String) ?? "the server did not greet with hello")
        }
    }

    deinit { Glibc.close(fd) }

    public func send(_ line: String) throws {
        try send(bytes: Array((line + "\n").utf8))
    }

    /// Raw bytes, as they are (tests send what no kiosk would: invalid UTF-8, huge lines).
    public func send(bytes: [UInt8]) throws {
        var bytes = bytes
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a server that went away is an error here, not a SIGPIPE that kills the kiosk.
            let n = bytes.withUnsafeMutableBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "the server closed the connection") }
            sent += n
        }
    }

    /// The command that begins a new conversation, in `language` and as of `date` when given.
    public static func startCommand(language: String?, date: Day?) -> [String: String] {
        var command = ["cmd": "start"]
        if let language { command["language"] = language }
        if let date { command["date"] = date.description }
        return command
    }

    public func send(command: [String: String]) throws {
        let data = try JSONSerialization.data(withJSONObject: command, options: [.sortedKeys])
        try send(String(decoding: data, as: UTF8.self))
    }

    /// Messages up to and including the next `ask` or `bye`.
    public func readReply() throws -> Reply {
        var messages: [[String: Any]] = []
        while true {
            let m = try readMessage()
            messages.append(m)
            let type = m["type"] as? String
            if type == "ask" || type == "bye" { return Reply(messages: messages) }
        }
    }

    public func readMessage() throws -> [String: Any] {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    throw Failure(description: "the server sent a line that is not JSON")
                }
                return object
            }
            var chunk = [UInt8](repeating: 0, count: 16384)
            let n = read(fd, &chunk, chunk.count)
            guard n > 0 else { throw Failure(description: n == 0 ? "the server closed the connection" : "no answer from the server") }
            buffer += chunk[0..<n]
        }
    }
}

/// Replays transcripts against a live server (`lotse test --connect`).
public struct RemoteDriver: ConversationDriver {
    let client: RemoteClient

    public init(address: String) throws { client = try RemoteClient(address: address) }

    public mutating func start(language: String?, date: Day) throws -> DriverReply {
        _ = try client.readReply() // the conversation the server opened on connect
        try client.send(command: RemoteClient.startCommand(language: language, date: date))
        return reply(try client.readReply())
    }

    public mutating func send(_ line: String) throws -> DriverReply {
        try client.send(line)
        return reply(try client.readReply())
    }

    private func reply(_ r: RemoteClient.Reply) -> DriverReply {
        var out = DriverReply(text: r.display)
        for m in r.messages where m["type"] as? String == "refer" {
            out.referred += (m["eligible"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            out.counsellor += (m["ask_counsellor"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        return out
    }

    public var knownFacts: [String: FactValue]? { nil }
}
