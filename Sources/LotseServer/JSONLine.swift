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
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}
