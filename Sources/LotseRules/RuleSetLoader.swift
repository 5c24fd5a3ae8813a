import Dispatch
import LotseCore
import Synchronization

/// From file contents to a checked rule set: parse the deployment and every layer file, then
/// compile. Pure, so tests and benchmarks can feed it generated text.
public enum RuleSetLoader {
    public static func load(_ sources: RuleSources, today: Day) -> CompileResult {
        let (deployment, deploymentDiagnostics) = DeploymentParser.parse(sources.deployment)
        var diagnostics = deploymentDiagnostics
        guard let deployment else {
            var stats = Statistics()
            stats.files = 1
            return CompileResult(ruleSet: nil, diagnostics: diagnostics, statistics: stats)
        }
        var present: [(name: Located<String>, files: [SourceFile])] = []
        for name in deployment.layers {
            guard let files = sources.layers[name.value] ?? nil else {
                diagnostics.append(.error(.undefinedReference(.layer, name.value, suggestion: nil), at: name.location))
                continue
            }
            present.append((name, files))
        }
        // Files parse independently; parsing is most of the load time, so use every core.
        let all = present.flatMap(\.files)
        let parsed = parseAll(all)
        var layers: [Layer] = []
        var next = 0
        for (name, files) in present {
            let slice = parsed[next..<(next + files.count)]
            next += files.count
            layers.append(Layer(name: name, files: slice.map(\.0)))
            for (_, d) in slice { diagnostics += d }
        }
        let version = (deployment.version.map { $0 + "+" } ?? "") + contentHash(sources, deployment)
        return RuleSetCompiler.compile(deployment: deployment, layers: layers, today: today, version: version,
                                       priorDiagnostics: diagnostics)
    }

    static func parseAll(_ files: [SourceFile]) -> [(RuleFile, [Diagnostic])] {
        guard files.count > 1 else { return files.map(RuleFileParser.parse) }
        let results = Mutex<[(RuleFile, [Diagnostic])?]>(Array(repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let result = RuleFileParser.parse(files[i])
            results.withLock { $0[i] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// FNV-1a over every path and text in load order: the same files give the same version.
    static func contentHash(_ sources: RuleSources, _ deployment: Deployment) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func feed(_ s: String) {
            for b in s.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xff) &* 0x100_0000_01b3
        }
        feed(sources.deployment.text)
        for name in deployment.layers {
            for file in (sources.layers[name.value] ?? nil) ?? [] { feed(file.path); feed(file.text) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
