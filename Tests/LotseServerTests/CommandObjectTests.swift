import Foundation
@testable import LotseServer
import Testing

/// The server's own reader of JSON commands must accept and refuse what a JSON parser does,
/// and read the same strings.
@Suite struct CommandObjectTests {
    static let wellFormed = [
        #"{"cmd":"start","language":"ar"}"#,
        #"  { "cmd" : "start" , "date" : "2026-03-01" }  "#,
        #"{}"#,
        #"{"cmd":"language","language":"uk","extra":[1,2.5,-3e+2,{"a":[true,false,null]}],"n":0}"#,
        #"{"cmd":"quit","text":"\"quoted\" \\ \/ \b\f\n\r\t \u00e4 \u0627 \ud83c\udde9"}"#,
        #"{"cmd":"help","cmd":"back"}"#,
        #"{"cmd":"Ünïcödé ß العربية"}"#,
        #"{"language":5,"cmd":"start"}"#,
    ]
    static let malformed = [
        "", "{", "}", "[]", #""cmd""#, #"{"cmd":"start""#, #"{"cmd":"start",}"#, #"{"cmd" "start"}"#,
        #"{cmd:"start"}"#, #"{"cmd":'start'}"#, #"{"cmd":"start"} x"#, #"{"cmd":"a\qb"}"#, #"{"cmd":"\u12"}"#,
        #"{"cmd":"\u+abc"}"#, #"{"n":01}"#, #"{"n":1.}"#, #"{"n":-}"#, #"{"b":tru}"#, "{\"cmd\":\"tab\there\"}",
        #"{"a":[1,2}"#, String(repeating: "[", count: 3) + String(repeating: "]", count: 3),
    ]

    @Test func readsWhatAJSONParserReads() throws {
        for text in Self.wellFormed {
            let parsed = try #require(CommandObject.parse(text), "\(text)")
            let reference = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let strings = reference.compactMapValues { $0 as? String }
            #expect(parsed == strings, "\(text)")
        }
    }

    @Test func refusesWhatIsNotOneJSONObject() {
        for text in Self.malformed {
            #expect(CommandObject.parse(text) == nil, "\(text.debugDescription)")
        }
    }

    /// Deeper than any command needs: refused rather than followed down (a JSON parser would accept it).
    @Test func refusesDeepNesting() {
        let deep = #"{"cmd":"start","x":"# + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}"
        #expect(CommandObject.parse(deep) == nil)
        let shallow = #"{"cmd":"start","x":"# + String(repeating: "[", count: 20) + String(repeating: "]", count: 20) + "}"
        #expect(CommandObject.parse(shallow) == ["cmd": "start"])
    }
}
