import Foundation
@testable import LotseServer
import Testing

/// The hand-written JSON must be what a JSON parser reads back, for every kind of text.
@Suite struct JSONLineTests {
    @Test func stringsRoundTripThroughAJSONParser() throws {
        let samples = ["plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{01}\u{1F}", "العربية ٣٤", "Ünïcödé ß",
                       "emoji 🇩🇪 👍🏽", "separators \u{2028} \u{2029}", "", "€\u{E2}"]
        for text in samples {
            var json = JSONLine()
            json.string("t", text)
            let line = json.finished()
            #expect(!line.contains("\n"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(object["t"] == text, "\(text.debugDescription)")
        }
    }
}
