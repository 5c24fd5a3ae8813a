import Foundation

/// Makes typed answers comparable: case, accents, width, German umlauts, Arabic-Indic and
/// Persian digits, stray punctuation. Applied to both the input and the words in the rules.
public enum TextNormalizer {
    public static func normalize(_ input: String) -> String {
        if input.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(input) }
        var s = ""
        s.reserveCapacity(input.utf8.count)
        for ch in input.lowercased().unicodeScalars {
            switch ch.value {
            case 0x00E4: s += "ae"   // ä
            case 0x00F6: s += "oe"   // ö
            case 0x00FC: s += "ue"   // ü
            case 0x00DF, 0x1E9E: s += "ss" // ß ẞ
            case 0x0660...0x0669: s.unicodeScalars.append(Unicode.Scalar(ch.value - 0x0660 + 0x30)!) // Arabic-Indic digits
            case 0x06F0...0x06F9: s.unicodeScalars.append(Unicode.Scalar(ch.value - 0x06F0 + 0x30)!) // Persian digits
            case 0x0640: break       // Arabic tatweel
            case 0x066B, 0x060C: s += "," // Arabic decimal separator, Arabic comma
            case 0x0643: s += "\u{06A9}" // Arabic kaf -> Persian keheh
            case 0x064A, 0x0649: s += "\u{06CC}" // Arabic yeh, alef maksura -> Persian yeh
            default: s.unicodeScalars.append(ch)
            }
        }
        let folded = s.folding(options: [.diacriticInsensitive, .widthInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        var pendingSpace = false
        for ch in folded.unicodeScalars {
            if ch.properties.isWhitespace || "!?¿¡:;\"'()[]{}«»„“”‚‘’…؟".unicodeScalars.contains(ch) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out += " "; pendingSpace = false }
            out.unicodeScalars.append(ch)
        }
        while out.hasSuffix(".") { out.removeLast() }
        return out
    }

    /// The same for plain ASCII (most commands, numbers and many answers) without Foundation's
    /// folding, which costs more than the rest of a turn.
    static func normalizeASCII(_ input: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.utf8.count)
        var pendingSpace = false
        for b in input.utf8 {
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C,
                 UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "\""),
                 UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"):
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(UInt8(ascii: " ")); pendingSpace = false }
                bytes.append(b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b)
            }
        }
        while bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
