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
        let c = try await h.client()
        #expect(c.hello["protocol"] as? String == "lotse/1")
        #expect(c.hello["rules"] as? String == ServerHarness.exampleRules.version)
        let opening = try await c.readReply()
        #expect(opening.messages.last?["id"] as? String == "language")
        for line in ["Deutsch", "1", "nein", "Aufenthaltserlaubnis", "5"] {
            try await c.send(line)
            _ = try await c.readReply()
        }
        try await c.send("ja")
        let result = try await c.readReply()
        let refer = try #require(result.messages.first { $0["type"] as? String == "refer" })
        let eligible = (refer["eligible"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(eligible.contains("integrationskurs_anspruch"))
        #expect(result.display.contains("Integrationskurs mit Anspruch"))
        try await c.send("Ende")
        #expect(type(try await c.readReply()).last == "bye")
        await h.stop()
    }

    @Test func theSocketShowsWhatTheKioskShows() async throws {
        let h = try await ServerHarness()
        let c = try await h.client()
        var driver = SessionDriver(rules: ServerHarness.exampleRules)
        #expect(try await c.readReply().display == driver.start(language: nil, date: Day(iso: "2026-11-23")!).text)
        for line in ["English", "1", "no", "permit", "7", "yes", "back", "language", "Deutsch", "Notfall", "help"] {
            try await c.send(line)
            #expect(try await c.readReply().display == driver.send(line).text, "\(line)")
        }
        await h.stop()
    }

    @Test func jsonCommands() async throws {
        let h = try await ServerHarness()
        let c = try await h.client()
        _ = try await c.readReply()
        try await c.send(command: ["cmd": "start", "language": "en"])
        let started = try await c.readReply()
        #expect(started.messages.contains { $0["type"] as? String == "reset" })
        #expect(started.messages.last?["id"] as? String == "topic")
        try await c.send("1")
        _ = try await c.readReply()
        try await c.send(command: ["cmd": "back"])
        #expect(try await c.readReply().messages.last?["id"] as? String == "topic")
        try await c.send(command: ["cmd": "language", "language": "de"])
        let switched = try await c.readReply()
        #expect(switched.language == "de")
        try await c.send(command: ["cmd": "help"])
        #expect(type(try await c.readReply()) == ["say", "ask"])
        try await c.send("{\"cmd\":\"dance\"}")
        let unknown = try await c.readReply()
        #expect(unknown.messages.first?["code"] as? String == "unknown_command")
        try await c.send("{not json")
        #expect(try await c.readReply().messages.first?["code"] as? String == "bad_command")
        try await c.send(command: ["cmd": "quit"])
        #expect(type(try await c.readReply()).last == "bye")
        await h.stop()
    }

    @Test func anOverlongLineIsRefusedAndTheConnectionStaysUsable() async throws {
        let h = try await ServerHarness { $0.maximumLineLength = 64 }
        let c = try await h.client()
        _ = try await c.readReply()
        try await c.send(String(repeating: "x", count: 100_000))
        let refused = try await c.readReply()
        #expect(refused.messages.first?["code"] as? String == "line_too_long")
        #expect(refused.messages.last?["id"] as? String == "language")
        try await c.send("English")
        #expect(try await c.readReply().messages.last?["id"] as? String == "topic")
        await h.stop()
    }

    @Test func invalidUTF8IsRefused() async throws {
        let h = try await ServerHarness()
        let c = try await h.client()
        _ = try await c.readReply()
        try await c.send(bytes: [0xFF, 0xFE, 0x41, 0x0A])
        #expect(try await c.readReply().messages.first?["code"] as? String == "invalid_utf8")
        try await c.send("Deutsch")
        #expect(try await c.readReply().messages.last?["id"] as? String == "topic")
        await h.stop()
    }

    @Test func tooManyConnectionsAreRefusedWithAnErrorLine() async throws {
        let h = try await ServerHarness { $0.maximumConnections = 2 }
        let a = try await h.client(), b = try await h.client()
        _ = try await a.readReply()
        _ = try await b.readReply()
        await #expect(throws: RemoteClient.Failure.self) { _ = try await h.client() } // greeted with an error, not hello
        // The two admitted conversations are unharmed.
        try await a.send("Deutsch")
        #expect(try await a.readReply().messages.last?["id"] as? String == "topic")
        await h.stop()
    }

    @Test func anIdleClientIsWarnedThenClosed() async throws {
        let h = try await ServerHarness { $0.idleTimeout = .milliseconds(300) }
        let c = try await h.client()
        _ = try await c.readReply()
        let warning = try await c.readMessage()
        #expect(warning["code"] as? String == "idle")
        let bye = try await c.readMessage()
        #expect(bye["type"] as? String == "bye")
        await #expect(throws: RemoteClient.Failure.self) { _ = try await c.readMessage() }
        await h.stop()
    }

    @Test func aClientThatDoesNotReadDoesNotHarmOthers() async throws {
        let h = try await ServerHarness()
        let greedy = try await h.client()
        // Thousands of lines, never reading the answers: the server stops reading from it.
        let flood = Array(String(repeating: "help\n", count: 20_000).utf8)
        DispatchQueue.global().async { try? greedy.client.send(bytes: flood) }
        try await Task.sleep(for: .milliseconds(300))
        let other = try await h.client()
        _ = try await other.readReply()
        try await other.send("Deutsch")
        #expect(try await other.readReply().messages.last?["id"] as? String == "topic")
        #expect(await h.stop())
    }

    @Test func reloadKeepsRunningConversationsOnTheirRules() async throws {
        let h = try await ServerHarness()
        let old = try await h.client()
        _ = try await old.readReply()
        try await old.send("Deutsch")
        _ = try await old.readReply()
        // A new edition of the rules, loaded beside the old one.
        let newer = try #require(RuleDirectory.load(Self.changedCopy(), today: Day(iso: "2026-11-23")!).ruleSet)
        h.store.replace(with: newer)
        try await old.send("1")
        let stillOld = try await old.readReply()
        #expect(stillOld.display.contains("Ich stelle Ihnen ein paar kurze Fragen"))
        let fresh = try await h.client()
        #expect(fresh.hello["rules"] as? String == newer.version)
        _ = try await fresh.readReply()
        try await fresh.send("Deutsch")
        _ = try await fresh.readReply()
        try await fresh.send("1")
        #expect(try await fresh.readReply().display.contains("NEUE EINLEITUNG"))

        // A kiosk that starts its next conversation on the same connection gets the new rules too.
        try await old.send(command: ["cmd": "start", "language": "de"])
        let restarted = try await old.readReply()
        #expect(restarted.messages.first?["type"] as? String == "hello")
        #expect(restarted.messages.first?["rules"] as? String == newer.version)
        try await old.send("1")
        #expect(try await old.readReply().display.contains("NEUE EINLEITUNG"))
        await h.stop()
    }

    @Test func shutdownSaysByeToEveryClientAndStops() async throws {
        let h = try await ServerHarness()
        let a = try await h.client(), b = try await h.client()
        _ = try await a.readReply()
        _ = try await b.readReply()
        let started = Date()
        #expect(await h.stop(within: 5))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try await a.readMessage()["type"] as? String == "bye")
        #expect(try await b.readMessage()["type"] as? String == "bye")
    }

    @Test func aClientThatReadsLateGetsEveryReplyInOrder() async throws {
        let h = try await ServerHarness()
        let slow = try await h.client()
        _ = try await slow.readReply()
        // More reply bytes than the socket buffers hold: the server holds lines back until the
        // client reads, and then answers each of them.
        let count = 3000
        try await slow.send(bytes: Array(String(repeating: "hilfe\n", count: count).utf8))
        try await Task.sleep(for: .milliseconds(500))
        var helps = 0
        for _ in 0..<count {
            let reply = try await slow.readReply()
            if reply.messages.last?["id"] as? String == "language" { helps += 1 }
        }
        #expect(helps == count)
        try await slow.send("Deutsch")
        #expect(try await slow.readReply().messages.last?["id"] as? String == "topic")
        await h.stop()
    }

    @Test func aTurnInFlightAtShutdownIsAnsweredBeforeTheGoodbye() async throws {
        let h = try await ServerHarness()
        let c = try await h.client()
        _ = try await c.readReply()
        try await c.send("Deutsch")
        h.server.shutdown()
        // Either the reply came first, whole, and then the goodbye; or the goodbye alone.
        var types: [String] = []
        while types.last != "bye" { types.append(try await c.readMessage()["type"] as? String ?? "?") }
        #expect(types == ["bye"] || (types.dropLast().last == "ask" && !types.dropLast().contains("bye")))
        _ = await h.stop()
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
