@testable import LotseCore
import Testing

/// The kiosk's word wrap: columns are characters, whatever the script; nothing is lost.
@Suite struct WrapTests {
    static func wrap(_ text: String, width: Int = 20, indent: String = "", continuation: String? = nil,
                     bold: Bool = false, color: Bool = false) -> [String] {
        var page = Page(width: width, color: color)
        page.paragraph(text, indent: indent, continuation: continuation, bold: bold)
        var lines = page.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        lines.removeLast()
        return lines
    }

    @Test func wrapsAtSpacesWithinTheWidth() {
        #expect(Self.wrap("aaa bbb ccc ddd eee fff ggg") == ["aaa bbb ccc ddd eee", "fff ggg"])
        #expect(Self.wrap("  several   spaces    collapse  ") == ["several spaces", "collapse"])
        #expect(Self.wrap("") == [""])
    }

    @Test func countsCharactersNotBytes() {
        // 19 characters but 35 bytes: one line.
        #expect(Self.wrap("Привіт світ, добре") == ["Привіт світ, добре"])
        let arabic = Self.wrap("مرحبا بكم في مكتب الاندماج في المنطقة")
        #expect(arabic == ["مرحبا بكم في مكتب", "الاندماج في المنطقة"])
        for line in arabic { #expect(line.count <= 20) }
        // A flag is one character of 8 bytes.
        let flags = String(repeating: "🇩🇪", count: 7)
        #expect(Self.wrap([flags, flags, flags].joined(separator: " ")) == [flags + " " + flags, flags])
    }

    @Test func aWordLongerThanTheLineStaysWhole() {
        #expect(Self.wrap("kurz Integrationskursberechtigungsbescheinigung da") ==
                ["kurz", "Integrationskursberechtigungsbescheinigung", "da"])
    }

    @Test func indentsTheFirstLineAndContinuesUnderTheText() {
        #expect(Self.wrap("eins zwei drei vier fünf sechs", indent: "  1) ", continuation: "     ") ==
                ["  1) eins zwei drei", "     vier fünf sechs"])
        #expect(Self.wrap("eins zwei drei vier fünf sechs", indent: "    ") == ["    eins zwei drei", "    vier fünf sechs"])
    }

    @Test func boldMarksEveryLineOnlyInColour() {
        #expect(Self.wrap("aaa bbb ccc ddd eee fff", bold: true) == ["aaa bbb ccc ddd eee", "fff"])
        #expect(Self.wrap("aaa bbb ccc ddd eee fff", bold: true, color: true) ==
                ["\u{1B}[1maaa bbb ccc ddd eee\u{1B}[0m", "\u{1B}[1mfff\u{1B}[0m"])
    }
}
