import Foundation
import LotseCLI
import LotseCore
import LotseREPL
import LotseServer
import Testing

/// The server over real loopback sockets.
@Suite(.serialized) struct ServerTests {
    func type(_ reply: RemoteClient.Reply) -> [String] { reply.messages.compactMap { $0["type"] as? String } }

    @Test func aWholeConversation() async throws {
        let h = try await ServerHarness()
        let c = try h.client()
        #expect(c.hello["protocol"] as? String == "lotse/1")
        #expect(c.hello["rules"] as? String == ServerHarness.exampleRules.version)
        let opening = try c.readReply()
        #expect(opening.messages.last?["id"] as? String == "language")
        for line in ["Deutsch", "1", "nein", "Aufenthaltserlaubnis", "5"] {
            try c.send(line)
            _ = try c.readReply()
        }
        try c.send("ja")
        let result = try c.readReply()
        let refer = try #require(result.messages.first { $0["type"] as? String == "refer" })
        let eligible = (refer["eligible"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(eligible.contains("integrationskurs_anspruch"))
        #expect(result.display.contains("Integrationskurs mit Anspruch"))
        try c.send("Ende")
        #expect(type(try c.readReply()).last == "bye")
        await h.stop()
    }

    @Test func theSocketShowsWhatTheKioskShows() async throws {
        let h = try await ServerHarness()
        let c = try h.client()
        var driver = SessionDriver(rules: ServerHarness.exampleRules)
        #expect(try c.readReply().display == driver.start(language: nil, date: Day(iso: "2026-11-23")!).text)
        for line in ["English", "1", "no", "permit", "7", "yes", "back", "language", "Deutsch", "Notfall", "help"] {
            try c.send(line)
            #expect(try c.readReply().display == driver.send(line).text, "\(line)")
        }
        await h.stop()
    }

    @Test func jsonCommands() async throws {
        let h = try await ServerHarness()
        let c = try h.client()
        _ = try c.readReply()
        try c.send(command: ["cmd": "start", "language": "en"])
        let started = try c.readReply()
        #expect(started.messages.contains { $0["type"] as? String == "reset" })
        #expect(started.messages.last?["id"] as? String == "topic")
        try c.send("1")
        _ = try c.readReply()
        try c.send(command: ["cmd": "back"])
        #expect(try c.readReply().messages.last?["id"] as? String == "topic")
        try c.send(command: ["cmd": "language", "language": "de"])
        let switched = try c.readReply()
        #expect(switched.language == "de")
        try c.send(command: ["cmd": "help"])
        #expect(type(try c.readReply()) == ["say", "ask"])
        try c.send("{\"cmd\":\"dance\"}")
        let unknown = try c.readReply()
        #expect(unknown.messages.first?["code"] as? String == "unknown_command")
        try c.send("{not json")
        #expect(try c.readReply().messages.first?["code"] as? String == "bad_command")
        try c.send(command: ["cmd": "quit"])
        #expect(type(try c.readReply()).last == "bye")
        await h.stop()
    }

    @Test func anOverlongLineIsRefusedAndTheConnectionStaysUsable() async throws {
        let h = try await ServerHarness { $0.maximumLineLength = 64 }
        let c = try h.client()
        _ = try c.readReply()
        try c.send(String(repeating: "x", count: 100_000))
        let refused = try c.readReply()
        #expect(refused.messages.first?["code"] as? String == "line_too_long")
        #expect(refused.messages.last?["id"] as? String == "language")
        try c.send("English")
        #expect(try c.readReply().messages.last?["id"] as? String == "topic")
        await h.stop()
    }

    @Test func invalidUTF8IsRefused() async throws {
        let h = try await ServerHarness()
        let c = try h.client()
        _ = try c.readReply()
        try c.send(bytes: [0xFF, 0xFE, 0x41, 0x0A])
        #expect(try c.readReply().messages.first?["code"] as? String == "invalid_utf8")
        try c.send("Deutsch")
        #expect(try c.readReply().messages.last?["id"] as? String == "topic")
        await h.stop()
    }

    @Test func tooManyConnectionsAreRefusedWithAnErrorLine() async throws {
        let h = try await ServerHarness { $0.maximumConnections = 2 }
        let a = try h.client(), b = try h.client()
        _ = try a.readReply()
        _ = try b.readReply()
        #expect(throws: RemoteClient.Failure.self) { _ = try h.client() } // greeted with an error, not hello
        // The two admitted conversations are unharmed.
        try a.send("Deutsch")
        #expect(try a.readReply().messages.last?["id"] as? String == "topic")
        await h.stop()
    }

    @Test func anIdleClientIsWarnedThenClosed() async throws {
        let h = try await ServerHarness { $0.idleTimeout = .milliseconds(300) }
        let c = try h.client()
        _ = try c.readReply()
        let warning = try c.readMessage()
        #expect(warning["code"] as? String == "idle")
        let bye = try c.readMessage()
        #expect(bye["type"] as? String == "bye")
        #expect(throws: RemoteClient.Failure.self) { _ = try c.readMessage() }
        await h.stop()
    }

    @Test func aClientThatDoesNotReadDoesNotHarmOthers() async throws {
        let h = try await ServerHarness()
        let greedy = try h.client()
        // Thousands of lines, never reading the answers: the server stops reading from it.
        let flood = Array(String(repeating: "help\n", count: 20_000).utf8)
        nonisolated(unsafe) let sender = greedy
        DispatchQueue.global().async { try? sender.send(bytes: flood) }
        try await Task.sleep(for: .milliseconds(300))
        let other = try h.client()
        _ = try other.readReply()
        try other.send("Deutsch")
        #expect(try other.readReply().messages.last?["id"] as? String == "topic")
        #expect(await h.stop())
    }

    @Test func reloadKeepsRunningConversationsOnTheirRules() async throws {
        let h = try await ServerHarness()
        let old = try h.client()
        _ = try old.readReply()
        try old.send("Deutsch")
        _ = try old.readReply()
        // A new edition of the rules, loaded beside the old one.
        let newer = try #require(RuleDirectory.load(Self.changedCopy(), today: Day(iso: "2026-11-23")!).ruleSet)
        h.store.replace(with: newer)
        try old.send("1")
        let stillOld = try old.readReply()
        #expect(stillOld.display.contains("Ich stelle Ihnen ein paar kurze Fragen"))
        let fresh = try h.client()
        #expect(fresh.hello["rules"] as? String == newer.version)
        _ = try fresh.readReply()
        try fresh.send("Deutsch")
        _ = try fresh.readReply()
        try fresh.send("1")
        #expect(try fresh.readReply().display.contains("NEUE EINLEITUNG"))

        // A kiosk that starts its next conversation on the same connection gets the new rules too.
        try old.send(command: ["cmd": "start", "language": "de"])
        let restarted = try old.readReply()
        #expect(restarted.messages.first?["type"] as? String == "hello")
        #expect(restarted.messages.first?["rules"] as? String == newer.version)
        try old.send("1")
        #expect(try old.readReply().display.contains("NEUE EINLEITUNG"))
        await h.stop()
    }

    @Test func shutdownSaysByeToEveryClientAndStops() async throws {
        let h = try await ServerHarness()
        let a = try h.client(), b = try h.client()
        _ = try a.readReply()
        _ = try b.readReply()
        let started = Date()
        #expect(await h.stop(within: 5))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try a.readMessage()["type"] as? String == "bye")
        #expect(try b.readMessage()["type"] as? String == "bye")
    }

    /// The example rules with a changed intro text, in a temporary folder.
    static func changedCopy() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-reload-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: ServerHarness.root + "/docs/example-rules", toPath: folder)
        let tree = folder + "/bund/deutsch_lernen.yaml"
        try (try String(contentsOfFile: tree, encoding: .utf8))
            .replacingOccurrences(of: "Ich stelle Ihnen ein paar kurze Fragen", with: "NEUE EINLEITUNG")
            .write(toFile: tree, atomically: true, encoding: .utf8)
        return folder
    }
}
