import NIOCore

/// What arrives from a client, one line at a time.
public enum InboundLine: Sendable, Equatable {
    case line(String)
    /// A line longer than the limit: it was discarded up to its end.
    case tooLong
    /// A line that is not valid UTF-8: discarded.
    case invalidUTF8
    /// No input for the idle timeout.
    case idle
}

/// Splits the byte stream at LF (a CR before it is dropped). A line over the limit is thrown
/// away as it streams in, so a client can never make the server buffer more than `maximumLength`.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = InboundLine

    let maximumLength: Int
    /// True while skipping the rest of an over-long line.
    var discarding = false

    public init(maximumLength: Int) { self.maximumLength = maximumLength }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        if let newline = view.firstIndex(of: UInt8(ascii: "\n")) {
            let length = newline - view.startIndex
            if discarding {
                buffer.moveReaderIndex(forwardBy: length + 1)
                discarding = false
                return .continue
            }
            var lineLength = length
            if lineLength > 0, view[newline - 1] == UInt8(ascii: "\r") { lineLength -= 1 }
            if lineLength > maximumLength {
                buffer.moveReaderIndex(forwardBy: length + 1)
                context.fireChannelRead(wrapInboundOut(.tooLong))
                return .continue
            }
            let bytes = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            let line = bytes.getSlice(at: bytes.readerIndex, length: lineLength)!
            if let text = String(validating: line.readableBytesView, as: UTF8.self) {
                context.fireChannelRead(wrapInboundOut(.line(text)))
            } else {
                context.fireChannelRead(wrapInboundOut(.invalidUTF8))
            }
            return .continue
        }
        if buffer.readableBytes > maximumLength + 1 {
            // No end in sight: drop what came so far and report once.
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            if !discarding {
                discarding = true
                context.fireChannelRead(wrapInboundOut(.tooLong))
            }
        }
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A last line without LF still counts.
        if buffer.readableBytes > 0, !discarding {
            buffer.writeInteger(UInt8(ascii: "\n"))
            return try decode(context: context, buffer: &buffer)
        }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }
}

/// Turns the idle timer's event into an inbound `.idle`, answered like a line.
final class IdleEventHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = InboundLine
    typealias InboundOut = InboundLine

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? IdleStateHandler.IdleStateEvent, e == .read {
            context.fireChannelRead(wrapInboundOut(.idle))
            // Replies are flushed at the end of a read burst; this one has no burst.
            context.fireChannelReadComplete()
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
