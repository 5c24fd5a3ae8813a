import LotseCore

/// A small JSON writer: the server writes one object per line for every event, and Foundation's
/// encoder would cost more than the engine's whole turn. Bytes are appended to one array,
/// nested objects included, and become a string once at the end.
struct JSONLine {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    private mutating func key(_ k: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func ascii(_ s: String) { bytes.append(contentsOf: s.utf8) }

    mutating func string(_ k: StaticString, _ v: String?) {
        guard let v else { return }
        key(k)
        Self.appendEscaped(v, to: &bytes)
    }

    mutating func number(_ k: StaticString, _ v: Int) { key(k); ascii(String(v)) }

    mutating func number(_ k: StaticString, _ v: Double?) {
        guard let v, v.isFinite else { return }
        key(k)
        ascii(v.compact)
    }

    mutating func bool(_ k: StaticString, _ v: Bool?) {
        guard let v else { return }
        key(k)
        ascii(v ? "true" : "false")
    }

    mutating func strings(_ k: StaticString, _ v: [String]) {
        key(k)
        bytes.append(UInt8(ascii: "["))
        for (i, s) in v.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendEscaped(s, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object under `k`, written in place by `body`.
    mutating func object(_ k: StaticString, _ body: (inout JSONLine) -> Void) {
        key(k)
        nested(body)
    }

    /// An array of objects under `k`, one per item, each written in place by `body`.
    mutating func objects<T>(_ k: StaticString, _ items: [T], _ body: (inout JSONLine, T) -> Void) {
        key(k)
        bytes.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            nested { body(&$0, item) }
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object whose keys are not known in advance (one per language).
    mutating func dictionary(_ k: StaticString, _ pairs: [(String, String)]) {
        key(k)
        bytes.append(UInt8(ascii: "{"))
        for (i, (name, value)) in pairs.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendEscaped(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            Self.appendEscaped(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// The nested object continues the same array: moved in and out, never copied.
    private mutating func nested(_ body: (inout JSONLine) -> Void) {
        var moved: [UInt8] = []
        swap(&moved, &bytes)
        moved.append(UInt8(ascii: "{"))
        var inner = JSONLine(continuing: consume moved)
        body(&inner)
        swap(&inner.bytes, &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    private init(continuing bytes: consuming [UInt8]) { self.bytes = bytes }

    func finished() -> String {
        var all = bytes
        all.append(UInt8(ascii: "}"))
        return String(decoding: all, as: UTF8.self)
    }

    private static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendEscaped($0, to: &out) }
    }

    /// Copies runs that need no escaping whole; only quotes, backslashes and control characters
    /// (and U+2028/2029, which break JavaScript parsers) are escaped one by one.
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        func flush(_ upTo: Int) {
            if runStart < upTo { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<upTo])) }
        }
        while i < text.count {
            let b = text[i]
            // Most bytes: printable ASCII other than quote and backslash, or any byte of a
            // multi-byte character other than the lead byte 0xE2.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 {
                i += 1
                continue
            }
            let escape: String
            var length = 1
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                guard i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 else {
                    i += 1
                    continue
                }
                escape = text[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                let hex = String(b, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            flush(i)
            out.append(contentsOf: escape.utf8)
            i += length
            runStart = i
        }
        flush(text.count)
        out.append(UInt8(ascii: "\""))
    }
}
