import Foundation
import LotseCLI
import LotseCore
import LotseREPL
import Testing

/// Every shipped transcript, replayed against a real server on an ephemeral port: what a client
/// on the socket sees is what the kiosk showed.
@Suite struct TranscriptOverSocketTests {
    @Test func everyShippedTranscriptReplaysOverTheSocket() async throws {
        let rules = try #require(RuleDirectory.load(ServerHarness.root + "/rules", today: Day(iso: "2026-11-23")!).ruleSet)
        let h = try await ServerHarness(rules: rules)
        let files = TranscriptSuite.files([ServerHarness.root + "/transcripts"])
        let address = h.address
        let report = try await AsyncClient.offPool(DispatchQueue(label: "lotse-test-replay")) {
            TranscriptSuite.run(files: files, rules: rules, update: false) { try RemoteDriver(address: address) }
        }
        #expect(report.failed == 0, "\(report.lines.joined(separator: "\n"))")
        #expect(report.passed == files.count)
        #expect(files.count >= 40)
        await h.stop()
    }
}
