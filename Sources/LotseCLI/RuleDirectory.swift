import Foundation
import LotseCore
import LotseRules

/// Reads a deployment from disk: its deployment file and every `*.yaml` below each layer folder it
/// names. This is the only place that touches rule files.
public enum RuleDirectory {
    public static let deploymentFile = "lotse.yaml"
    public static let testsFolder = "tests"

    /// What `--rules` names. One rules folder can hold several deployments, so that districts share
    /// the federal and Land layers: the folder itself means its `lotse.yaml`, as it always did, and a
    /// file such as `rules/schleswig-flensburg.lotse.yaml` means that deployment. Either way, layer
    /// and persona folders are relative to the folder the deployment file is in.
    public struct Location: Sendable, Equatable {
        public let file: String
        public let folder: String

        public init(_ path: String) {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            // A missing path that looks like a file is taken as one, so reading it reports that file.
            if exists ? !isDirectory.boolValue : yamlSuffixes.contains(where: { path.hasSuffix($0) }) {
                file = path
                let parent = (path as NSString).deletingLastPathComponent
                folder = parent.isEmpty ? "." : parent
            } else {
                folder = path
                file = join(path, deploymentFile)
            }
        }

        /// The folder's own `lotse.yaml`: the deployment the recorded transcripts were made with.
        public var isDefault: Bool { (file as NSString).lastPathComponent == deploymentFile }
    }

    public static func read(_ path: String) -> Result<RuleSources, Diagnostic> {
        let location = Location(path)
        guard let text = readText(location.file) else {
            return .failure(.error(.fileUnreadable(location.file), at: SourceLocation(file: location.file, line: 1, column: 1)))
        }
        let deploymentSource = SourceFile(path: location.file, text: text)
        var layers: [String: [SourceFile]?] = [:]
        if let deployment = DeploymentParser.parse(deploymentSource).0 {
            for layer in deployment.layers {
                layers[layer.value] = yamlFiles(in: join(location.folder, layer.value))
            }
        }
        return .success(RuleSources(deployment: deploymentSource, layers: layers))
    }

    /// The folders `tests/LAYER/` of a deployment's layers: a district's own personas and
    /// transcripts, run only where its layer is used.
    public static func layerTestFolders(_ path: String, layers: [String]) -> [String] {
        layers.map { join(join(Location(path).folder, testsFolder), $0) }
    }

    /// The persona files of a deployment: those directly in `tests/`, which every deployment runs,
    /// and those in its `layerTestFolders`.
    public static func personaFiles(_ path: String, layers: [String]) -> [String] {
        let tests = join(Location(path).folder, testsFolder)
        let shared = ((try? FileManager.default.contentsOfDirectory(atPath: tests)) ?? []).sorted()
            .map { join(tests, $0) }.filter { !isFolder($0) }
        return files(shared + layerTestFolders(path, layers: layers), suffixes: yamlSuffixes, keepMissing: false)
    }

    /// Reads and checks a deployment as of `today`.
    public static func load(_ path: String, today: Day) -> CompileResult {
        switch read(path) {
        case .success(let sources): return RuleSetLoader.load(sources, today: today)
        case .failure(let d): return CompileResult(ruleSet: nil, diagnostics: [d], statistics: Statistics())
        }
    }

    /// The layer's YAML files sorted by path, subfolders included; nil when the folder is missing.
    static func yamlFiles(in folder: String) -> [SourceFile]? {
        guard isFolder(folder) else { return nil }
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

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func readText(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    static func join(_ a: String, _ b: String) -> String {
        a.isEmpty || a == "." ? b : (a.hasSuffix("/") ? a + b : a + "/" + b)
    }
}
