import Foundation

/// Makes typed answers comparable: case, accents, width, German umlauts, Arabic-Indic and
/// Persian digits, stray punctuation. Applied to both the input and the words in the rules.
public enum TextNormalizer {
    public static func normalize(_ input: String) -> String {
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
}
