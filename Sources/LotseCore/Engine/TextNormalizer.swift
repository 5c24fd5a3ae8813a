import Foundation

/// Makes typed answers comparable: case, accents, width, German umlauts, Arabic-Indic and
/// Persian digits, stray punctuation. Applied to both the input and the words in the rules.
public enum TextNormalizer {
    public static func normalize(_ input: String) -> String {
        if input.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(input) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.utf8.count + 8)
        func append(_ text: StaticString) { text.withUTF8Buffer { bytes.append(contentsOf: $0) } }
        for ch in input.lowercased().unicodeScalars {
            switch ch.value {
            case 0x00E4: append("ae")   // ä
            case 0x00F6: append("oe")   // ö
            case 0x00FC: append("ue")   // ü
            case 0x00DF, 0x1E9E: append("ss") // ß ẞ
            case 0x0660...0x0669: bytes.append(UInt8(ch.value - 0x0660 + 0x30)) // Arabic-Indic digits
            case 0x06F0...0x06F9: bytes.append(UInt8(ch.value - 0x06F0 + 0x30)) // Persian digits
            case 0x0640: break       // Arabic tatweel
            case 0x066B, 0x060C: append(",") // Arabic decimal separator, Arabic comma
            case 0x0643: append("\u{06A9}") // Arabic kaf -> Persian keheh
            case 0x064A, 0x0649: append("\u{06CC}") // Arabic yeh, alef maksura -> Persian yeh
            default: UTF8.encode(ch) { bytes.append($0) }
            }
        }
        let s = String(decoding: bytes, as: UTF8.self)
        let folded = s.folding(options: [.diacriticInsensitive, .widthInsensitive, .caseInsensitive], locale: nil)
        // Built as UTF-8 bytes: appending scalar by scalar to a `String` cost as much as the folding.
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for ch in folded.unicodeScalars {
            if isWhitespace(ch.value) || separators.contains(ch.value) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
            UTF8.encode(ch) { out.append($0) }
        }
        while out.last == UInt8(ascii: ".") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Unicode's White_Space characters, listed: the property look-up was a fifth of the cost
    /// of normalising a word.
    private static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Punctuation read as a space between words. A set of code points: searching a string of
    /// them for every character of every word was most of the cost of normalising a word.
    private static let separators = Set("!?¿¡:;\"'()[]{}«»„“”‚‘’…؟".unicodeScalars.map(\.value))

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
