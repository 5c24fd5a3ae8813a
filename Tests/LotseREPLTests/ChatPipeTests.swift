import Foundation
import Testing

/// `lotse chat` with piped standard input, for scripting: no prompt echo, no escape codes.
@Suite struct ChatPipeTests {
    func run(_ input: String, _ arguments: [String] = []) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Lotse.executable)
        process.arguments = ["chat", "--rules", Lotse.packageRoot + "/docs/example-rules", "--date", "2026-11-23"] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test func scriptedConversationReachesTheReferral() throws {
        let (output, status) = try run("Deutsch\n1\nnein\nAufenthaltserlaubnis\n5\nja\nEnde\n")
        #expect(status == 0)
        #expect(output.contains("Integrationskurs mit Anspruch"))
        #expect(output.contains("Auf Wiedersehen"))
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("> "))
        #expect(!output.contains("Aufenthaltserlaubnis\nAufenthaltserlaubnis"))
    }

    @Test func endOfInputExitsZero() throws {
        let (output, status) = try run("English\n")
        #expect(status == 0)
        #expect(output.contains("Choose a topic."))
    }

    @Test func crlfLinesAreAccepted() throws {
        let (output, _) = try run("English\r\n1\r\n")
        #expect(output.contains("level B1"))
    }

    @Test func brokenRulesExitOneWithTheCheckerReport() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Lotse.executable)
        process.arguments = ["chat", "--rules", "/nonexistent-lotse-rules"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardInput = Pipe()
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("lotse.yaml"))
    }
}
