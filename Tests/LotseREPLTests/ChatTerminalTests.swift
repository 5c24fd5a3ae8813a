import Foundation
import Testing

/// `lotse chat` driven through a real pseudo-terminal, as at the kiosk.
@Suite(.serialized) struct ChatTerminalTests {
    @Test func wholeConversationInGerman() throws {
        let t = try Lotse.chat([])
        #expect(t.expect("Please choose your language.") != nil)
        t.type("Deutsch\r")
        #expect(t.expect("Wählen Sie ein Thema.") != nil)
        t.type("1\r")
        #expect(t.expect("B1 oder höher?") != nil)
        t.type("nein\r")
        #expect(t.expect("Welches Aufenthaltspapier") != nil)
        t.type("Aufenthaltserlaubnis\r")
        #expect(t.expect("Monaten") != nil)
        t.type("5 Monate\r")
        #expect(t.expect("Bürgergeld") != nil)
        t.type("ja\r")
        let result = t.expect("Das war alles zu diesem Thema.")
        #expect(result?.contains("Integrationskurs mit Anspruch") == true)
        #expect(result?.contains("Rechtsberatung") == true)
        t.type("Ende\r")
        #expect(t.waitForExit() == 0)
    }

    @Test func backAndLanguageSwitchMidway() throws {
        let t = try Lotse.chat(["--lang", "de"])
        t.expect("Wählen Sie ein Thema.")
        t.type("1\r")
        t.expect("B1 oder höher?")
        t.type("nein\r")
        t.expect("Welches Aufenthaltspapier")
        t.type("zurück\r")
        #expect(t.expect("B1 oder höher?") != nil)
        t.type("nein\r")
        t.expect("Welches Aufenthaltspapier")
        t.type("Sprache\r")
        #expect(t.expect("Please choose your language.") != nil)
        t.type("2\r")
        #expect(t.expect("Which residence document do you have?") != nil)
        t.type("quit\r")
        #expect(t.waitForExit() == 0)
    }

    @Test func tabCompletesTheCurrentOptions() throws {
        let t = try Lotse.chat([])
        t.expect("2) English")
        t.type("Eng\t")
        #expect(t.expect("English") != nil)
        t.type("\r")
        #expect(t.expect("Choose a topic.") != nil)
    }

    @Test func ctrlCAndCtrlDRestartInKioskMode() throws {
        let t = try Lotse.chat(["--kiosk"])
        t.expect("2) English")
        t.type("Deutsch\r")
        t.expect("Wählen Sie ein Thema.")
        t.type("1\r")
        t.expect("B1 oder höher?")
        t.type("hal")
        t.type("\u{03}")                       // Ctrl-C
        #expect(t.expect("Please choose your language.") != nil)
        #expect(t.exited == nil)
        t.type("Deutsch\r")
        t.expect("Wählen Sie ein Thema.")
        t.type("\u{04}")                       // Ctrl-D on an empty line
        #expect(t.expect("Please choose your language.") != nil)
        #expect(t.exited == nil)
        t.type("Ende\r")                       // quitting also restarts at a kiosk
        #expect(t.expect("Please choose your language.") != nil)
        #expect(t.exited == nil)
    }

    @Test func ctrlCEndsAnOrdinaryChat() throws {
        let t = try Lotse.chat([])
        t.expect("2) English")
        t.type("\u{03}")
        #expect(t.waitForExit() == 130)
    }

    @Test func idleResetWipesAnswersScreenAndHistory() throws {
        let t = try Lotse.chat(["--kiosk", "--idle", "1", "--grace", "1"])
        t.expect("2) English")
        t.type("Deutsch\r")
        t.expect("Wählen Sie ein Thema.")
        #expect(t.expect("Sind Sie noch da?", timeout: 5) != nil)
        let reset = t.expect("Please choose your language.", timeout: 5)
        #expect(reset?.contains("\u{1B}[3J") == true)  // screen and scrollback cleared
        // With history left, arrow-up would bring back "Deutsch" and Enter would choose it.
        t.type("\u{1B}[A\r")
        let after = t.drain(for: 0.7)
        #expect(!after.contains("Willkommen"))
        #expect(after.contains("Please choose your language."))
    }
}
