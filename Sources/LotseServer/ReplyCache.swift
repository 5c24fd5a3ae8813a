import LotseCore
import Synchronization

/// Lines already sent, by what they say. Most replies repeat: every newcomer gets the same
/// questions, and many the same results, while laying out a result's `display` text costs more
/// than the engine's turn. The key is a line's fields without `display` plus the rule edition,
/// because `display` is laid out from exactly those fields and that edition's headings.
///
/// Bounded by bytes: when full it starts again empty, which keeps it simple and lock hold
/// times short; a server with a varied load keeps the common questions cached anyway.
public final class ReplyCache: Sendable {
    public let budget: Int
    private let storage = Mutex(Storage())

    struct Storage {
        var lines: [Key: String] = [:]
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    /// An event in a language of a rule edition. Equality is the event's own; the hash reads
    /// only the fields that tell events apart, and of long texts only their length and both
    /// ends, as bytes: `String`'s own hash normalises non-ASCII text first, and hashing whole
    /// question texts cost more per turn than the engine's look-ups. Texts that differ only in
    /// the middle collide and are told apart by equality.
    struct Key: Hashable, Sendable {
        let edition: String
        let language: String
        let event: Event

        func hash(into hasher: inout Hasher) {
            hasher.bytes(of: edition)
            hasher.bytes(of: language)
            switch event {
            case .say(let text), .bye(let text):
                hasher.bytes(of: text)
            case .ask(let p):
                hasher.bytes(of: p.id)
                hasher.bytes(of: p.text)
                hasher.combine(p.options.count)
            case .refer(let r):
                hasher.bytes(of: r.topic)
                for o in r.eligible + r.askCounsellor {
                    hasher.bytes(of: o.id)
                    for reason in o.reasons { hasher.bytes(of: reason) }
                    for question in o.openQuestions { hasher.bytes(of: question) }
                }
                for name in r.notEligible { hasher.bytes(of: name) }
                hasher.combine(r.asOf.ordinal)
            case .contacts(let heading, let cards):
                hasher.bytes(of: heading)
                for c in cards { hasher.bytes(of: c.id) }
            case .error(let code, let message):
                hasher.bytes(of: code.rawValue)
                hasher.bytes(of: message)
            case .reset:
                hasher.combine(0)
            }
        }
    }

    /// `budget`: bytes of keys and lines kept at most; 0 keeps nothing.
    public init(budget: Int) { self.budget = max(0, budget) }

    func line(for key: Key) -> String? {
        guard budget > 0 else { return nil }
        return storage.withLock { s in
            let line = s.lines[key]
            if line == nil { s.misses += 1 } else { s.hits += 1 }
            return line
        }
    }

    func store(_ line: String, for key: Key) {
        // The key shares most of its text with the rule set; the line is what it adds.
        let size = line.utf8.count
        guard size <= budget / 4 else { return }
        storage.withLock { s in
            if s.bytes + size > budget {
                s.lines.removeAll(keepingCapacity: true)
                s.bytes = 0
            }
            if s.lines.updateValue(line, forKey: key) == nil { s.bytes += size }
        }
    }

    /// For the log: how many lines it holds, and how often it was asked with and without success.
    public var counts: (lines: Int, bytes: Int, hits: Int, misses: Int) {
        storage.withLock { ($0.lines.count, $0.bytes, $0.hits, $0.misses) }
    }
}

extension Hasher {
    /// The text's length and at most its first 24 and last 8 bytes.
    mutating func bytes(of text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let all = UnsafeRawBufferPointer(utf8)
            if all.count <= 32 {
                combine(bytes: all)
            } else {
                combine(bytes: UnsafeRawBufferPointer(rebasing: all.prefix(24)))
                combine(bytes: UnsafeRawBufferPointer(rebasing: all.suffix(8)))
            }
            combine(all.count)
        }
    }
}
