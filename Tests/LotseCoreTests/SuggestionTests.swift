import LotseCore
import Testing

/// "Did you mean …?" picks the closest id within a few edits, and none when nothing is close.
@Suite struct SuggestionTests {
    @Test func closestWithinTheLimit() throws {
        #expect(Suggestions.closest(to: "buergergelt", in: ["buergergeld", "deutsch_b1"]) == "buergergeld")
        #expect(Suggestions.closest(to: "sumary", in: ["summary", "source"]) == "summary")
        #expect(Suggestions.closest(to: "zzz", in: ["summary", "source"]) == nil)
        #expect(Suggestions.closest(to: "note", in: ["note"]) == nil, "an exact match is no suggestion")
    }

    @Test func levenshtein() throws {
        #expect(EditDistance.levenshtein("kitten", "sitting") == 3)
        #expect(EditDistance.levenshtein("", "abc") == 3)
        #expect(EditDistance.levenshtein("größe", "grösse") == 2)
        #expect(EditDistance.levenshtein("abc", "abcdefgh", limit: 2) == 3, "gives up above the limit")
    }
}

extension SuggestionTests {
    @Test func swappedNeighboursCountAsOneEdit() throws {
        #expect(EditDistance.levenshtein("noet", "note") == 1)
        #expect(Suggestions.closest(to: "tpye", in: ["type", "id", "question"]) == "type")
    }
}
