import LotseCore

/// A small JSON writer: the server writes one object per line for every event, and Foundation's
/// encoder would cost more than the engine's whole turn.
struct JSONLine {
    private(set) var text = "{"
    private var first = true

    mutating func key(_ k: String) {
        if !first { text += "," }
        first = false
        text += "\""
        text += k
        text += "\":"
    }

    mutating func string(_ k: String, _ v: String?) {
        guard let v else { return }
        key(k)
        JSONLine.appendString(v, to: &text)
    }

    mutating func number(_ k: String, _ v: Int) { key(k); text += String(v) }

    mutating func number(_ k: String, _ v: Double?) {
        guard let v, v.isFinite else { return }
        key(k)
        text += v.compact
    }

    mutating func bool(_ k: String, _ v: Bool?) {
        guard let v else { return }
        key(k)
        text += v ? "true" : "false"
    }

    mutating func strings(_ k: String, _ v: [String]) {
        key(k)
        text += "["
        for (i, s) in v.enumerated() {
            if i > 0 { text += "," }
            JSONLine.appendString(s, to: &text)
        }
        text += "]"
    }

    mutating func raw(_ k: String, _ json: String) {
        key(k)
        text += json
    }

    func finished() -> String { text + "}" }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        // Copy runs that need no escaping whole; only quotes, backslashes and control characters
        // (and U+2028/2029, which break JavaScript parsers) are escaped one by one.
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = utf8.startIndex
        func flush(_ upTo: String.UTF8View.Index) {
            if runStart < upTo { out += Substring(s.utf8[runStart..<upTo]) }
        }
        while i < utf8.endIndex {
            let b = utf8[i]
            var escape: String?
            switch b {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20:
                let hex = String(b, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                let j = utf8.index(after: i)
                if j < utf8.endIndex, utf8[j] == 0x80 {
                    let k = utf8.index(after: j)
                    if k < utf8.endIndex, utf8[k] == 0xA8 || utf8[k] == 0xA9 {
                        flush(i)
                        out += utf8[k] == 0xA8 ? "\\u2028" : "\\u2029"
                        i = utf8.index(after: k)
                        runStart = i
                        continue
                    }
                }
            default: break
            }
            if let escape {
                flush(i)
                out += escape
                i = utf8.index(after: i)
                runStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        flush(utf8.endIndex)
        out += "\""
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}
