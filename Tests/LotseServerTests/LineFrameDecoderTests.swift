import LotseServer
import NIOCore
import NIOEmbedded
import Testing

/// The line codec in memory, fed byte by byte as a slow network would.
@Suite struct LineFrameDecoderTests {
    func decode(_ chunks: [[UInt8]], maximum: Int = 16) throws -> [InboundLine] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maximumLength: maximum)))
        for chunk in chunks {
            var buffer = channel.allocator.buffer(capacity: chunk.count)
            buffer.writeBytes(chunk)
            try channel.writeInbound(buffer)
        }
        // Closing the channel delivers a last line that had no newline.
        _ = try channel.finish(acceptAlreadyClosed: true)
        var out: [InboundLine] = []
        while let line = try channel.readInbound(as: InboundLine.self) { out.append(line) }
        return out
    }

    func bytewise(_ text: String) -> [[UInt8]] { Array(text.utf8).map { [$0] } }

    @Test func linesArriveWholeWhenFedByteByByte() throws {
        #expect(try decode(bytewise("1\nDuldung\n")) == [.line("1"), .line("Duldung")])
    }

    @Test func crlfIsAccepted() throws {
        #expect(try decode(bytewise("ja\r\nnein\r\n")) == [.line("ja"), .line("nein")])
    }

    @Test func multibyteCharactersSplitAcrossPackets() throws {
        #expect(try decode(bytewise("العربية\n"), maximum: 64) == [.line("العربية")])
    }

    @Test func anOverlongLineIsDiscardedAndTheNextOneWorks() throws {
        let long = String(repeating: "x", count: 40)
        #expect(try decode(bytewise(long + "\nok\n")) == [.tooLong, .line("ok")])
        #expect(try decode([Array((long + "\nok\n").utf8)]) == [.tooLong, .line("ok")])
    }

    @Test func aHugeLineWithoutEndIsReportedOnceAndNotBuffered() throws {
        let chunks = Array(repeating: Array(repeating: UInt8(ascii: "y"), count: 10), count: 100) + [Array("\nnext\n".utf8)]
        #expect(try decode(chunks) == [.tooLong, .line("next")])
    }

    @Test func invalidUTF8IsReported() throws {
        #expect(try decode([[0xC3, 0x28, 0x0A], Array("ok\n".utf8)]) == [.invalidUTF8, .line("ok")])
    }

    @Test func aLastLineWithoutNewlineCounts() throws {
        #expect(try decode(bytewise("quit")) == [.line("quit")])
    }
}
