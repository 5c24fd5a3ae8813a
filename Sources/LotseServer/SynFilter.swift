#if canImport(Glibc)
import Glibc
#endif
import NIOCore

/// Lets a stopping server finish the handshakes already under way while refusing new ones.
///
/// Closing a listening socket resets every connection still in its accept queue. Behind a TCP
/// balancer those clients are already "connected" and see their connection end before the
/// hello, with no chance to be sent elsewhere. With this classic BPF program on the listening
/// socket the kernel drops new SYNs (the client retries, meets the closed port and the balancer
/// picks the other server), while the last handshake ACKs still pass; the server accepts what is
/// queued, says goodbye to it, and only then closes.
enum SynFilter {
    /// `struct sock_filter` of <linux/filter.h>.
    struct Instruction {
        var code: UInt16
        var jt: UInt8
        var jf: UInt8
        var k: UInt32
    }

    /// `struct sock_fprog`; the pointer is to a program that is never freed or changed.
    struct Program: @unchecked Sendable {
        var length: UInt16
        var filter: UnsafeMutablePointer<Instruction>
    }

    /// For a TCP socket the program sees the packet from the TCP header on: byte 13 holds the
    /// flags (0x02 SYN, 0x10 ACK). A SYN without ACK is dropped (returns 0), all else kept.
    private static let program: Program = {
        let code: [Instruction] = [
            Instruction(code: 0x30, jt: 0, jf: 0, k: 13),          // ldb [13]
            Instruction(code: 0x45, jt: 0, jf: 2, k: 0x02),        // jset #SYN, next, accept
            Instruction(code: 0x45, jt: 1, jf: 0, k: 0x10),        // jset #ACK, accept, next
            Instruction(code: 0x06, jt: 0, jf: 0, k: 0),           // ret #0: drop
            Instruction(code: 0x06, jt: 0, jf: 0, k: 0xFFFF_FFFF), // ret #-1: accept
        ]
        let memory = UnsafeMutablePointer<Instruction>.allocate(capacity: code.count)
        memory.initialize(from: code, count: code.count)
        return Program(length: UInt16(code.count), filter: memory)
    }()

    /// Attaches the filter; fails (and the caller just closes) where the system has no socket filters.
    static func attach(to channel: Channel) -> EventLoopFuture<Void> {
        #if os(Linux)
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        }
        return provider.unsafeSetSocketOption(level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_ATTACH_FILTER),
                                              value: program)
        #else
        return channel.eventLoop.makeFailedFuture(ChannelError.operationUnsupported)
        #endif
    }
}
