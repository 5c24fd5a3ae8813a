import Foundation
import LotseCore

/// Replays transcript files and reports as `lotse test` prints it.
public enum TranscriptSuite {
    public struct Report: Sendable {
        public var passed = 0
        public var failed = 0
        public var lines: [String] = []
        public var updated: [String] = []
        public var trace = Trace()
    }

    public static func files(_ paths: [String]) -> [String] {
        RuleDirectory.files(paths, suffixes: [".transcript"], keepMissing: false)
    }

    /// - Parameter makeDriver: the engine in-process, or a client of a running server.
    public static func run<D: ConversationDriver>(files: [String], rules: RuleSet, update: Bool,
                                                   makeDriver: () throws -> D) -> Report {
        var report = Report()
        for path in files {
            guard let text = RuleDirectory.readText(path) else {
                report.failed += 1
                report.lines.append("\(path):1: cannot read the transcript")
                continue
            }
            let transcript: Transcript
            do {
                transcript = try TranscriptFormat.parse(text, path: path)
            } catch {
                report.failed += 1
                report.lines.append("\(path):\(error.line): \(error.message)")
                continue
            }
            var driver: D
            do { driver = try makeDriver() } catch {
                report.failed += 1
                report.lines.append("\(path):1: cannot start a conversation: \(error)")
                continue
            }
            let result = TranscriptReplayer.replay(transcript, rules: rules, driver: &driver)
            if let session = driver as? SessionDriver, let trace = session.trace { report.trace.formUnion(trace) }
            if update, result.error == nil, !result.mismatches.isEmpty {
                let rewritten = TranscriptReplayer.updated(transcript, with: result)
                if rewritten != text {
                    do {
                        try FileReplacement.write(rewritten, to: path)
                        report.updated.append(path)
                    } catch {
                        report.lines.append("\(path):1: cannot write: \(error)")
                    }
                }
                if result.assertionFailures.isEmpty { report.passed += 1; continue }
            }
            if result.passed { report.passed += 1; continue }
            report.failed += 1
            if let error = result.error { report.lines.append("\(path):1: \(error)") }
            if let first = result.mismatches.first {
                let after = first.input.map { "after '> \($0)' (line \(first.inputLine ?? 0))" } ?? "at the start"
                report.lines.append("\(path):\(first.expectedStart): the kiosk showed something else \(after):")
                report.lines.append(UnifiedDiff.render(expected: first.expected, actual: first.actual, expectedStart: first.expectedStart,
                                                       expectedName: "\(path) (expected)", actualName: "actual"))
                if result.mismatches.count > 1 {
                    report.lines.append("\(path): \(result.mismatches.count - 1) more turn(s) differ; 'lotse test --update' rewrites them after an intended change")
                }
            }
            for failure in result.assertionFailures {
                report.lines.append("\(path):\(failure.line): assertion failed: \(failure.message)")
            }
        }
        return report
    }
}
