import Foundation
import Testing

/// `lotse check --format json`: one document for tools (editors, CI annotations).
@Suite struct CheckJSONTests {
    static func document(_ out: LotseProcess.Output) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: out.stdout)
        return try #require(object as? [String: Any], "not a JSON object: \(out.text)")
    }

    @Test func theExample() throws {
        let out = try LotseProcess.run(["check", "docs/example-rules", "--date", "2026-11-23", "--format", "json"])
        #expect(out.status == 0)
        let doc = try Self.document(out)
        let diagnostics = try #require(doc["diagnostics"] as? [Any])
        #expect(diagnostics.isEmpty)
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 9)
        #expect(summary["facts"] as? Int == 4)
        #expect(summary["trees"] as? Int == 1)
        #expect(summary["nodes"] as? Int == 10)
        #expect(summary["offers"] as? Int == 5)
        #expect(summary["contacts"] as? Int == 6)
        #expect(summary["languages"] as? [String] == ["de", "en"])
        #expect(summary["errors"] as? Int == 0)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["coverage"] as? [String: Double] == ["de": 100, "en": 100])
        let version = try #require(doc["version"] as? String)
        #expect(version.hasPrefix("beispiel-2026-11+"))
    }

    @Test func aBrokenCopyListsEveryFinding() throws {
        let copy = try RulesCopy()
        try copy.replace("contacts: [jobcenter]", with: "contacts: [jobcentre]", in: "bund/offers.yaml")
        try copy.replace("review_by: 2027-01-15", with: "review_by: 2026-11-22", in: "bund/offers.yaml")
        let out = try LotseProcess.run(["check", copy.path, "--date", "2026-11-23", "--format", "json", "--lang", "de"])
        #expect(out.status == 1)
        let doc = try Self.document(out)
        let diagnostics = try #require(doc["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 2)
        let file = copy.root.appendingPathComponent("bund/offers.yaml").path
        let contact = try #require(diagnostics.first { $0["code"] as? String == "undefined-reference" })
        let place = try copy.place(of: "jobcentre", in: "bund/offers.yaml")
        #expect("\(contact["file"] as? String ?? ""):\(contact["line"] as? Int ?? 0):\(contact["column"] as? Int ?? 0)" == place)
        #expect(contact["file"] as? String == file)
        #expect(contact["severity"] as? String == "error")
        #expect(contact["message"] as? String == "Kontakt 'jobcentre' ist nicht definiert – meinten Sie 'jobcenter'?")
        let review = try #require(diagnostics.first { $0["code"] as? String == "review-overdue" })
        #expect(review["severity"] as? String == "warning")
        #expect(review["line"] as? Int == Int(try copy.place(of: "2026-11-22", in: "bund/offers.yaml").split(separator: ":").dropLast().last!))
        let summary = try #require(doc["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)
        #expect(doc["version"] == nil || doc["version"] is NSNull, "no rule set, no version")
    }
}
