import NIOCore

/// The end of a connection's pipeline: hands each line to its `ServedConnection` and writes the
/// reply, all on the connection's event loop.
///
/// A plain handler rather than an `NIOAsyncChannel` task: the async stream, writer and task hops
/// cost more per turn than the conversation itself (perf: ≈ 9 µs of ≈ 20 µs), and an idle
/// connection's task frame was most of its memory. Back-pressure is kept by hand: while the
/// client does not read its replies, lines wait here (at most one read's worth) and no more is
/// read from the socket.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = InboundLine
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Sent through the pipeline by `Server.shutdown()`: say goodbye and close.
    struct Shutdown: Sendable {}

    private let served: ServedConnection
    /// Lines that arrived while the client was not reading its replies.
    private var waiting = CircularBuffer<InboundLine>()
    /// A read the channel asked for while replies were backed up.
    private var readHeld = false
    /// The goodbye or the last reply is on its way: nothing more is read or answered.
    private var ending = false

    init(_ served: ServedConnection) { self.served = served }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(served.opening()), promise: nil)
        if !served.admitted { end(context) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !ending else { return }
        let line = unwrapInboundIn(data)
        if waiting.isEmpty, context.channel.isWritable {
            answer(line, context)
        } else {
            waiting.append(line)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // One flush for every reply of a read burst: one system call, not one per line.
        context.flush()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            while !ending, !waiting.isEmpty, context.channel.isWritable {
                answer(waiting.removeFirst(), context)
            }
            context.flush()
            if readHeld, waiting.isEmpty {
                readHeld = false
                context.read()
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func read(context: ChannelHandlerContext) {
        if ending { return }
        if waiting.isEmpty, context.channel.isWritable {
            context.read()
        } else {
            readHeld = true
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is Shutdown else { return context.fireUserInboundEventTriggered(event) }
        guard !ending else { return }
        // Between two turns, never inside one: a reply already written goes out before it.
        context.write(wrapOutboundOut(Server.buffer(context.channel, [served.goodbye])), promise: nil)
        end(context)
        // A client that does not read never lets the goodbye through: close it anyway.
        let channel = context.channel
        context.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        served.closed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        served.failed(error)
        context.close(promise: nil)
    }

    private func answer(_ line: InboundLine, _ context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(served.receive(line)), promise: nil)
        if served.isFinished { end(context) }
    }

    /// Sends what is written and closes once it is out.
    private func end(_ context: ChannelHandlerContext) {
        ending = true
        waiting.removeAll()
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(channel.allocator.buffer(capacity: 0))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }
}
