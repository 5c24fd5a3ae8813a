import Foundation
import LotseTestSupport
import Testing

/// Runs the built `lotse` executable as staff run it, and captures what it prints.
enum LotseProcess {
    static let packageRoot = Repository.url
    static let exampleRules = packageRoot.appendingPathComponent("docs/example-rules")
    static let executable = Repository.lotseExecutable

    struct Output: CustomStringConvertible {
        var status: Int32
        var exitedNormally: Bool
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
        var description: String {
            "\(exitedNormally ? "exit" : "signal") \(status), stdout: \(text.prefix(300).debugDescription), stderr: \(stderr.prefix(300).debugDescription)"
        }
    }

    /// Runs `lotse` with the arguments in the package root, English unless `environment` says otherwise.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120,
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Output {
        let executable = try #require(executable, "the lotse executable was not built next to the tests", sourceLocation: sourceLocation)
        return try launch(executable, arguments, input: nil, environment: environment, timeout: timeout, sourceLocation: sourceLocation)
    }

    static func launch(_ executable: URL, _ arguments: [String], input: Data?, environment: [String: String] = [:],
                       timeout: TimeInterval = 120, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Output {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("lotse-cli-\(UUID().uuidString)")
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C"
        env["LC_ALL"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = scratch.appendingPathComponent("in")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                Issue.record("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s",
                             sourceLocation: sourceLocation)
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Output(status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
                      stdout: (try? Data(contentsOf: outURL)) ?? Data(),
                      stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }
}

/// A private copy of the example rules in a temporary folder, to break on purpose.
final class RulesCopy {
    let root: URL
    var path: String { root.path }

    init() throws {
        let fm = FileManager.default
        let parent = fm.temporaryDirectory.appendingPathComponent("lotse-rules-\(UUID().uuidString)")
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        root = parent.appendingPathComponent("rules")
        try fm.copyItem(at: LotseProcess.exampleRules, to: root)
    }

    deinit { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }

    /// Replaces the one occurrence of `old` in the file.
    func replace(_ old: String, with new: String, in relative: String,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try text(relative)
        let count = text.components(separatedBy: old).count - 1
        try #require(count == 1, "expected one \(old.debugDescription) in \(relative), found \(count)", sourceLocation: sourceLocation)
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// `path:line:column` of the first occurrence of `needle`, as the checker prints it.
    func place(of needle: String, in relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let text = try text(relative)
        let range = try #require(text.range(of: needle), "\(needle.debugDescription) not in \(relative)", sourceLocation: sourceLocation)
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text[lineStart..<range.lowerBound].unicodeScalars.count + 1
        return "\(root.appendingPathComponent(relative).path):\(line):\(column)"
    }
}
