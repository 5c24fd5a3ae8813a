import Foundation
import LotseCore
import LotseRules

/// Reads a rules folder from disk: `lotse.yaml` and every `*.yaml` below each layer folder it
/// names. This is the only place that touches rule files.
public enum RuleDirectory {
    public static let deploymentFile = "lotse.yaml"

    public static func read(_ directory: String) -> Result<RuleSources, Diagnostic> {
        let deploymentPath = join(directory, deploymentFile)
        guard let text = readText(deploymentPath) else {
            return .failure(.error(.fileUnreadable(deploymentPath), at: SourceLocation(file: deploymentPath, line: 1, column: 1)))
        }
        let deploymentSource = SourceFile(path: deploymentPath, text: text)
        var layers: [String: [SourceFile]?] = [:]
        if let deployment = DeploymentParser.parse(deploymentSource).0 {
            for layer in deployment.layers {
                layers[layer.value] = yamlFiles(in: join(directory, layer.value))
            }
        }
        return .success(RuleSources(deployment: deploymentSource, layers: layers))
    }

    /// Reads and checks a rules folder as of `today`.
    public static func load(_ directory: String, today: Day) -> CompileResult {
        switch read(directory) {
        case .success(let sources): return RuleSetLoader.load(sources, today: today)
        case .failure(let d): return CompileResult(ruleSet: nil, diagnostics: [d], statistics: Statistics())
        }
    }

    /// The layer's YAML files sorted by path, subfolders included; nil when the folder is missing.
    static func yamlFiles(in folder: String) -> [SourceFile]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return files([folder], suffixes: yamlSuffixes, keepMissing: false).map { path in
            // A file that cannot be read or is not UTF-8 is handed on as text that fails to parse,
            // so it is reported like every other problem instead of aborting the run.
            SourceFile(path: path, text: readText(path) ?? "\u{0}")
        }
    }

    static let yamlSuffixes = [".yaml", ".yml"]

    /// Files with one of `suffixes` among `paths` (files, or folders searched recursively), each
    /// folder's files sorted. A path that does not exist is kept, so reading it reports it.
    static func files(_ paths: [String], suffixes: [String], keepMissing: Bool) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if keepMissing { out.append(path) }
                continue
            }
            if isDirectory.boolValue {
                let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                    .filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted()
                out += found.map { join(path, $0) }
            } else if suffixes.contains(where: { path.hasSuffix($0) }) {
                out.append(path)
            }
        }
        return out
    }

    static func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    static func join(_ a: String, _ b: String) -> String {
        a.isEmpty || a == "." ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }
}
