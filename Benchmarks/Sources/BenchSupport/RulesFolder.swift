import Foundation
import LotseCore
import LotseRules

/// Reads a rules folder from disk the way `lotse check` does (`lotse.yaml`, then every `*.yaml`
/// below each layer folder it names, sorted by path), so the benchmarks can time the pure
/// `RuleSetLoader.load` apart from the disk. `RuleDirectory` does the same in LotseCLI, which is
/// not a library product, hence this copy.
public enum RulesFolder {
    /// The repository root: the current directory or its parent when it holds `rules/lotse.yaml`
    /// (so both `swift run` in `Benchmarks/` and a binary started from the root work), else the
    /// root this source file was compiled in.
    public static func repositoryRoot() -> String {
        let cwd = FileManager.default.currentDirectoryPath
        for candidate in [cwd, (cwd as NSString).deletingLastPathComponent] {
            if FileManager.default.fileExists(atPath: candidate + "/rules/lotse.yaml") { return candidate }
        }
        // …/Benchmarks/Sources/BenchSupport/RulesFolder.swift → …
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }

    /// Reads `folder` (relative to `root`, e.g. `rules`). File paths in the result are relative
    /// (`rules/federal/facts.yaml`), as staff see them. Nil when `lotse.yaml` cannot be read.
    public static func read(_ folder: String, root: String) -> RuleSources? {
        let deploymentPath = folder + "/lotse.yaml"
        guard let text = readText(root + "/" + deploymentPath) else { return nil }
        let deployment = SourceFile(path: deploymentPath, text: text)
        var layers: [String: [SourceFile]?] = [:]
        if let parsed = DeploymentParser.parse(deployment).0 {
            for layer in parsed.layers {
                layers[layer.value] = yamlFiles(in: folder + "/" + layer.value, root: root)
            }
        }
        return RuleSources(deployment: deployment, layers: layers)
    }

    /// Every `*.yaml` / `*.yml` below `folder`, subfolders included, sorted by path; nil when the
    /// folder is missing.
    static func yamlFiles(in folder: String, root: String) -> [SourceFile]? {
        let absolute = root + "/" + folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: absolute) else { return nil }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { paths.append(relative) }
        }
        return paths.sorted().map { relative in
            SourceFile(path: folder + "/" + relative, text: readText(absolute + "/" + relative) ?? "\u{0}")
        }
    }

    static func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}

extension RuleSources {
    /// How many files: the deployment plus every layer file.
    public var fileCount: Int { 1 + layers.values.reduce(0) { $0 + ($1?.count ?? 0) } }
    /// Total bytes of YAML text.
    public var byteCount: Int {
        deployment.text.utf8.count + layers.values.reduce(0) { $0 + ($1 ?? []).reduce(0) { $0 + $1.text.utf8.count } }
    }
}
