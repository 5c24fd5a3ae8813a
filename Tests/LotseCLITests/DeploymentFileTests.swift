import Foundation
import Testing

/// The commands take a deployment file where they take a rules folder: the Schleswig-Flensburg
/// deployment beside the folder's own lotse.yaml (Rendsburg-Eckernförde).
@Suite struct DeploymentFileTests {
    static let flensburg = "rules/schleswig-flensburg.lotse.yaml"

    static func files(in folder: String, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: LotseProcess.packageRoot.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(suffix) }.map { folder + "/" + $0 }
    }

    static func passed(_ out: LotseProcess.Output) throws -> Int {
        let last = try #require(out.lines.last)
        let words = last.split(separator: " ")
        try #require(words.count == 4 && words[1] == "passed," && words[2] == "0", "\(last)")
        return try #require(Int(words[0]))
    }

    static func summary(_ arguments: [String]) throws -> (files: Int, version: String) {
        let out = try LotseProcess.run(["check"] + arguments + ["--date", "2026-12-04", "--format", "json"])
        #expect(out.status == 0, "\(out)")
        let json = try #require(try JSONSerialization.jsonObject(with: out.stdout) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        return (try #require(summary["files"] as? Int), try #require(json["version"] as? String))
    }

    @Test func checkReadsTheNamedFileAndOnlyItsLayers() throws {
        let out = try LotseProcess.run(["check", Self.flensburg, "--date", "2026-12-04"])
        #expect(out.status == 0, "\(out)")
        #expect(out.lines.last?.hasSuffix("7 languages: 0 errors, 0 warnings") == true, "\(out)")
        let layerFiles = ["federal", "schleswig-holstein", "schleswig-flensburg"].map { layer in
            (FileManager.default.enumerator(atPath: LotseProcess.packageRoot.appendingPathComponent("rules/" + layer).path)?
                .allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }.count
        }.reduce(0, +)
        let file = try Self.summary([Self.flensburg])
        #expect(file.files == 1 + layerFiles)
        #expect(file.version.hasPrefix("schleswig-flensburg-"))
        let folder = try Self.summary(["rules"])
        #expect(folder.version != file.version && !folder.version.hasPrefix("schleswig-flensburg-"))
    }

    /// The default deployment replays transcripts/ and the shared personas; Schleswig-Flensburg's
    /// replaces transcripts/ by its own personas and transcripts in rules/tests/schleswig-flensburg/.
    @Test func testRunsTheTestsOfTheDeployment() throws {
        let own = "rules/tests/schleswig-flensburg"
        let ownPersonas = try Self.files(in: own, suffix: ".yaml").map { path in
            try String(contentsOf: LotseProcess.packageRoot.appendingPathComponent(path), encoding: .utf8)
                .components(separatedBy: "\n").filter { $0.hasPrefix("  - name:") }.count
        }.reduce(0, +)
        let ownTranscripts = try Self.files(in: own, suffix: ".transcript").count
        let defaultTranscripts = try Self.files(in: "transcripts", suffix: ".transcript").count
        #expect(ownPersonas >= 6 && ownTranscripts >= 2 && defaultTranscripts > 0)

        let rendsburg = try LotseProcess.run(["test"])
        #expect(rendsburg.status == 0, "\(rendsburg)")
        let flensburg = try LotseProcess.run(["test", "--rules", Self.flensburg])
        #expect(flensburg.status == 0, "\(flensburg)")
        #expect(try Self.passed(flensburg) == Self.passed(rendsburg) - defaultTranscripts + ownPersonas + ownTranscripts)
    }

    @Test func chatGreetsInTheNamedDistrict() throws {
        let executable = try #require(LotseProcess.executable)
        let out = try LotseProcess.launch(executable, ["chat", "--rules", Self.flensburg, "--lang", "de"], input: Data("Ende\n".utf8))
        #expect(out.status == 0, "\(out)")
        #expect(out.text.contains("Neuzugewanderte im Kreis\nSchleswig-Flensburg") || out.text.contains("Neuzugewanderte im Kreis Schleswig-Flensburg"), "\(out)")
        #expect(!out.text.contains("Rendsburg"))
    }
}
