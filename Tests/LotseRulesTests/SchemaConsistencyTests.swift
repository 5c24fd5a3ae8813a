import Foundation
import LotseCore
import LotseTestSupport
import LotseRules
import Testing

/// The JSON Schema that editors use must accept exactly what the loader accepts.
@Suite struct SchemaConsistencyTests {
    static let root = Repository.root

    func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/rules/schema/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func keys(_ schema: [String: Any], _ definition: String) -> Set<String> {
        let defs = schema["$defs"] as? [String: Any]
        let def = defs?[definition] as? [String: Any]
        return Set((def?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
    }

    func required(_ schema: [String: Any], _ definition: String) -> Set<String> {
        let def = (schema["$defs"] as? [String: Any])?[definition] as? [String: Any]
        return Set(def?["required"] as? [String] ?? [])
    }

    @Test func layerSchemaHasTheLoadersKeys() throws {
        let s = try schema("lotse-rules.schema.json")
        #expect(Set((s["properties"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(RuleFileParser.sections))
        #expect(keys(s, "fact") == Set(RuleFileParser.factKeys))
        #expect(keys(s, "option") == Set(RuleFileParser.optionKeys))
        #expect(keys(s, "tree") == Set(RuleFileParser.treeKeys))
        #expect(keys(s, "node") == Set(RuleFileParser.nodeKeys))
        #expect(keys(s, "branch") == Set(RuleFileParser.branchKeys))
        #expect(keys(s, "eligiblePart") == Set(RuleFileParser.eligibilityKeys))
        #expect(required(s, "eligiblePart") == Set(RuleFileParser.eligibilityKeys))
        #expect(keys(s, "offer") == Set(RuleFileParser.offerKeys))
        #expect(keys(s, "contact") == Set(RuleFileParser.contactKeys))
        #expect(keys(s, "menu") == Set(RuleFileParser.menuKeys))
        #expect(keys(s, "messages") == Set(MessageKey.allCases.map(\.rawValue)))
        #expect(keys(s, "vocabulary") == Set(WordKey.allCases.map(\.rawValue)))
    }

    @Test func deploymentSchemaHasTheLoadersKeys() throws {
        let s = try schema("lotse-deployment.schema.json")
        #expect(Set((s["properties"] as? [String: Any])?.keys.map { $0 } ?? []) == Set(DeploymentParser.keys))
    }

    /// Runs scripts/validate-schema.py (Python's jsonschema, installed by scripts/bootstrap).
    func validate(_ folders: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root + "/scripts/validate-schema.py"] + folders
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func shippedRulesAndTheExampleValidateAgainstTheSchema() throws {
        let (status, output) = try validate([Self.root + "/rules", Self.root + "/docs/example-rules"])
        #expect(status == 0, "\(output)")
        #expect(output.contains(" 0 errors"))
    }

    @Test func anUnknownKeyFailsTheSchema() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-schema-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.root + "/docs/example-rules", toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let facts = copy + "/bund/facts.yaml"
        let text = try String(contentsOfFile: facts, encoding: .utf8)
        try text.replacingOccurrences(of: "    type: yesno\n", with: "    type: yesno\n    colour: red\n")
            .write(toFile: facts, atomically: true, encoding: .utf8)
        let (status, output) = try validate([copy])
        #expect(status == 1)
        #expect(output.contains("colour"))
    }
}
