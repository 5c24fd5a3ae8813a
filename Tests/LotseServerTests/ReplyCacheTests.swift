import LotseCLI
import LotseCore
@testable import LotseServer
import LotseTestSupport
import Testing

/// Lines taken from the reply cache must be exactly the lines laid out afresh.
@Suite struct ReplyCacheTests {
    static let day = Day(iso: "2026-11-23")!
    static let shipped: RuleSet = RuleDirectory.load(Repository.root + "/rules", today: day).ruleSet!

    /// Questions, three results, a language switch, a typo, a command and a restart.
    static let script = ["Deutsch", "1", "3", "2", "1", "2", "30", "3", "1", "2",
                         #"{"cmd":"language","language":"uk"}"#, "4", "2", "Jaa", #"{"cmd":"back"}"#,
                         #"{"cmd":"language","language":"ar"}"#, "1", #"{"cmd":"restart"}"#, "Deutsch", "1"]

    static func run(_ replies: ReplyCache?) -> [[String]] {
        var (conversation, opening) = Conversation.open(rules: shipped, today: day, replies: replies)
        return [opening] + script.map { conversation.receive($0) }
    }

    @Test func cachedLinesAreTheLinesLaidOutAfresh() {
        let fresh = Self.run(nil)
        let cache = ReplyCache(budget: 16 << 20)
        let first = Self.run(cache)
        let second = Self.run(cache)
        #expect(first == fresh)
        #expect(second == fresh)
        #expect(fresh.joined().filter { $0.contains(#""type":"refer""#) }.count == 3)
        #expect(fresh.joined().contains { $0.contains(#""language":"ar""#) })
        let counts = cache.counts
        // The second run finds every line of the first.
        #expect(counts.hits >= fresh.joined().count - 2)
        #expect(counts.lines > 0 && counts.bytes > 0)
    }

    @Test func anotherEditionOrLanguageIsAnotherLine() {
        let event = Event.say("Willkommen")
        let key = ReplyCache.Key(edition: "2026-11-23+aaaa", language: "de", event: event)
        #expect(key != ReplyCache.Key(edition: "2026-11-24+bbbb", language: "de", event: event))
        #expect(key != ReplyCache.Key(edition: "2026-11-23+aaaa", language: "en", event: event))
        #expect(key == ReplyCache.Key(edition: "2026-11-23+aaaa", language: "de", event: .say("Willkommen")))
        #expect(key.hashValue == ReplyCache.Key(edition: "2026-11-23+aaaa", language: "de", event: .say("Willkommen")).hashValue)
    }

    @Test func longTextsThatDifferOnlyInTheMiddleAreDifferentLines() {
        // Same length, same ends: the same hash, so only equality can tell them apart.
        let a = "Ihr Integrationskurs beginnt in Husum am Montag, bringen Sie den Pass mit."
        let b = "Ihr Integrationskurs beginnt in Heide am Montag, bringen Sie den Pass mit."
        let cache = ReplyCache(budget: 1 << 20)
        let keyA = ReplyCache.Key(edition: "e", language: "de", event: .say(a))
        let keyB = ReplyCache.Key(edition: "e", language: "de", event: .say(b))
        #expect(keyA.hashValue == keyB.hashValue)
        cache.store("line A", for: keyA)
        #expect(cache.line(for: keyB) == nil)
        cache.store("line B", for: keyB)
        #expect(cache.line(for: keyA) == "line A")
        #expect(cache.line(for: keyB) == "line B")
    }

    @Test func keepsWithinItsBudget() {
        let cache = ReplyCache(budget: 4_000)
        for i in 0..<50 {
            let key = ReplyCache.Key(edition: "e", language: "de", event: .say("line \(i)"))
            cache.store(String(repeating: "x", count: 400), for: key)
            #expect(cache.counts.bytes <= 4_000)
        }
        // A line over a quarter of the budget is not kept at all.
        cache.store(String(repeating: "y", count: 1_500), for: .init(edition: "e", language: "de", event: .say("big")))
        #expect(cache.line(for: .init(edition: "e", language: "de", event: .say("big"))) == nil)

        let off = ReplyCache(budget: 0)
        let key = ReplyCache.Key(edition: "e", language: "de", event: .say("a"))
        off.store("line", for: key)
        #expect(off.line(for: key) == nil)
        #expect(off.counts.lines == 0)
    }
}
