#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
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

    /// Byte-wise: hashing a `String` normalises non-ASCII text first, which would cost as
    /// much as the layout it saves.
    struct Key: Hashable, Sendable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        static func == (a: Key, b: Key) -> Bool {
            a.bytes.count == b.bytes.count && a.bytes.withUnsafeBytes { x in
                b.bytes.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
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
        let size = key.bytes.count + line.utf8.count
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
