import Foundation
import LotseCore
import LotseREPL
import LotseStats
import LotseTestSupport
import Testing

/// What a newcomer types appears nowhere the statistics reach: in no table, in no file the run
/// wrote, in no log line. Driven through the real doors: `lotse serve` over a loopback socket,
/// and `lotse chat` on a pipe.
@Suite struct StatsPrivacyTests {
    static let marker = "MARKER-7f3a9c"

    @Test(arguments: StatsBackend.tested)
    func theServerKeepsNothingANewcomerTyped(_ backend: StatsBackend) async throws {
        let location = try backend.freshLocation()
        let server = try ServedLotse(["--stats", StatsFixtures.argument(location), "--door", "kiosk-3"])
        do {
            var client: RemoteClient? = try RemoteClient(address: server.address, timeout: 30)
            _ = try client!.readReply()                              // language question
            for line in ["1", Self.marker, "2", Self.marker, "{\"cmd\":\"\(Self.marker)\"}", "34 \(Self.marker)"] {
                try client!.send(line)
                _ = try client!.readReply()
            }
            client = nil                                             // leaves with a question open
            let second = try RemoteClient(address: server.address, timeout: 30)
            _ = try second.readReply()
            try second.send("2")
            _ = try second.readReply()
            try second.send(Self.marker)
            _ = try second.readReply()
            try second.send("quit")
            _ = try second.readReply()
        }
        let log = try server.stop()
        #expect(log.contains("statistics on"), "\(log)")
        try await Self.expectNoMarker(in: location, log: log, counted: ["kiosk-3|started||de|1", "kiosk-3|topic|counselling|de|1",
                                                                          "kiosk-3|started||en|1", "kiosk-3|abandoned|topic|en|1"])
    }

    @Test func aStoreThatCannotBeReachedBreaksNoConversation() throws {
        let server = try ServedLotse(["--stats", "postgres://lotse:secret-pw@127.0.0.1:1/lotse"])
        let client = try RemoteClient(address: server.address, timeout: 30)
        _ = try client.readReply()
        var types: [String] = []
        for line in ["1", "2", "weiß nicht", "quit"] {
            try client.send(line)
            types += try client.readReply().messages.compactMap { $0["type"] as? String }
        }
        #expect(types.contains("refer"))
        #expect(types.last == "bye")
        let log = try server.stop()
        #expect(log.contains("statistics store not reachable now; tried again later"), "\(log)")
        #expect(log.contains("statistics not written at shutdown"), "\(log)")
        #expect(!log.contains("secret-pw"))
    }

    @Test func aWrongStoreOrDoorIsAWrongOption() throws {
        for arguments in [["--stats", "postgres://nobody@/"], ["--stats", "x.sqlite", "--door", "Kiosk 1"]] {
            let run = try LotseProcess.run(["serve", "--port", "0"] + arguments)
            #expect(run.status == 64, "\(run)")
            #expect(run.stderr.split(separator: "\n").count <= 3, "\(run)")
        }
    }

    @Test(arguments: StatsBackend.tested)
    func theKioskKeepsNothingANewcomerTyped(_ backend: StatsBackend) async throws {
        let location = try backend.freshLocation()
        let input = ["1", Self.marker, "2", Self.marker, "\(Self.marker) 34"].joined(separator: "\n") + "\n"
        let run = try LotseProcess.launch(try #require(LotseProcess.executable), ["chat", "--stats", StatsFixtures.argument(location)],
                                          input: Data(input.utf8))
        #expect(run.status == 0, "\(run)")
        #expect(!run.text.contains(Self.marker), "the kiosk does not echo piped input")
        try await Self.expectNoMarker(in: location, log: run.stderr, counted: ["kiosk|started||de|1", "kiosk|topic|counselling|de|1"])
    }

    /// Every table, every file beside a SQLite store (-wal, -shm, -journal) and the log, checked
    /// for the marker; `counted` proves the statistics were written at all.
    static func expectNoMarker(in location: StatsLocation, log: String, counted: [String]) async throws {
        #expect(!log.contains(marker))
        let store = try await UsageStore.open(location, readOnly: true, today: Day(ordinal: 0))
        let dump = try await store.dump()
        await store.close()
        #expect(!dump.contains(marker))
        for row in counted { #expect(dump.split(separator: "\n").contains { $0.hasSuffix(row) }, "\(row) in \(dump)") }
        if case .sqlite(let path) = location {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.contains("stats.sqlite"))
            for file in files {
                let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
                #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(file)")
            }
        }
    }
}

/// `lotse serve --port 0` on the shipped rules as a child process; its log is its standard error.
final class ServedLotse {
    let process = Process()
    let logURL: URL
    private(set) var address = ""

    init(_ arguments: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        logURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let executable = try #require(LotseProcess.executable, "the lotse executable was not built next to the tests")
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0", "--rules", "rules", "--threads", "1"] + arguments
        process.currentDirectoryURL = LotseProcess.packageRoot
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let line = log.split(separator: "\n").first(where: { $0.contains("listening") }),
               let port = line.split(separator: " ").first(where: { $0.hasPrefix("port=") })?.dropFirst(5) {
                address = "127.0.0.1:\(port)"
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "lotse serve did not start: \(log)"])
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// SIGTERM, as systemd stops it; returns the whole log.
    func stop() throws -> String {
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(log)")
        return log
    }
}
