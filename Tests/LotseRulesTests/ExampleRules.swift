import Foundation
import LotseTestSupport
import LotseCore
import LotseRules
import Testing

/// The worked example of docs/example-rules, held in memory so that each test can change one
/// thing and see what the checker says about it. Paths are relative to the rules folder
/// (`lotse.yaml`, `bund/facts.yaml`, …), which is also how they appear in the diagnostics.
struct ExampleRules: Sendable {
    static let folder = Repository.url.appendingPathComponent("docs/example-rules")

    /// The date the example is checked as of: no review date of the example is due yet.
    static let today = Day(iso: "2026-11-23")!

    static let deploymentPath = "lotse.yaml"

    /// Read once; every test starts from a copy.
    static let original: ExampleRules = {
        let fm = FileManager.default
        func text(_ relative: String) -> String {
            let url = folder.appendingPathComponent(relative)
            guard let data = fm.contents(atPath: url.path), let s = String(data: data, encoding: .utf8) else {
                fatalError("cannot read the fixture \(url.path)")
            }
            return s
        }
        var files: [String: String] = [deploymentPath: text(deploymentPath)]
        var layers: [String: [String]] = [:]
        let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
        for layer in entries.sorted() {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: folder.appendingPathComponent(layer).path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { continue }
            let names = ((try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent(layer).path)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted()
            layers[layer] = names.map { "\(layer)/\($0)" }
            for name in names { files["\(layer)/\(name)"] = text("\(layer)/\(name)") }
        }
        return ExampleRules(files: files, layers: layers)
    }()

    /// Path → text.
    var files: [String: String]
    /// Layer folder → its files in load order. A layer that is absent here is a missing folder.
    var layers: [String: [String]]

    init(files: [String: String], layers: [String: [String]]) {
        self.files = files
        self.layers = layers
    }

    init() { self = Self.original }

    var sources: RuleSources {
        var out: [String: [SourceFile]?] = [:]
        for (layer, paths) in layers {
            out[layer] = paths.map { SourceFile(path: $0, text: files[$0] ?? "") }
        }
        return RuleSources(deployment: SourceFile(path: Self.deploymentPath, text: files[Self.deploymentPath] ?? ""), layers: out)
    }

    func check(today: Day = ExampleRules.today) -> CompileResult {
        RuleSetLoader.load(sources, today: today)
    }

    func text(_ path: String) throws -> String {
        try #require(files[path], "no fixture file \(path)")
    }

    /// Replaces the one occurrence of `old` in the file; fails the test if it is not there exactly once.
    mutating func replace(_ old: String, with new: String, in path: String,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let text = try #require(files[path], "no fixture file \(path)", sourceLocation: sourceLocation)
        let count = text.components(separatedBy: old).count - 1
        try #require(count == 1, "expected exactly one \(old.debugDescription) in \(path), found \(count)",
                     sourceLocation: sourceLocation)
        files[path] = text.replacingOccurrences(of: old, with: new)
    }

    /// Adds a file at the end of a layer's load order.
    mutating func add(_ path: String, _ text: String, layer: String) {
        files[path] = text
        layers[layer, default: []].append(path)
    }

    /// Line and column (1-based, counted in Unicode scalars like libyaml) of the first scalar of
    /// the `occurrence`-th `needle` in the file, as it is now. Records an issue when it is not there.
    func position(of needle: String, in path: String, occurrence: Int = 1,
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Where {
        guard let text = files[path] else {
            Issue.record("no fixture file \(path)", sourceLocation: sourceLocation)
            return Where("<no such file \(path)>", 0, 0)
        }
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            found = text.range(of: needle, range: searchStart..<text.endIndex)
            guard let f = found else { break }
            searchStart = f.upperBound
        }
        guard let range = found else {
            Issue.record("no occurrence \(occurrence) of \(needle.debugDescription) in \(path)", sourceLocation: sourceLocation)
            return Where("<\(needle) not in \(path)>", 0, 0)
        }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text[lineStart..<range.lowerBound].unicodeScalars.count + 1
        return Where(path, line, column)
    }

    /// Where `needle` starts, moved right by `offset` columns (a spot inside a condition).
    func position(of needle: String, plus offset: Int, in path: String, occurrence: Int = 1,
                  sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Where {
        let p = position(of: needle, in: path, occurrence: occurrence, sourceLocation: sourceLocation)
        return Where(p.file, p.line, p.column + offset)
    }
}

/// A place in a rule file, for comparing with a diagnostic's location.
struct Where: Hashable, CustomStringConvertible, Sendable {
    var file: String
    var line: Int
    var column: Int

    init(_ file: String, _ line: Int, _ column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    var description: String { "\(file):\(line):\(column)" }
}

extension Diagnostic {
    var at: Where { Where(location.file, location.line, location.column) }
    var en: String { problem.message(.en) }
    var de: String { problem.message(.de) }
    var code: String { problem.code }
}

extension CompileResult {
    /// Every diagnostic, one per line, for failure messages.
    var listing: String {
        diagnostics.map { "\($0.at): \($0.severity.rawValue) [\($0.code)]: \($0.en)" }.joined(separator: "\n")
    }

    func with(code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// The one diagnostic with this code; fails the test when there is none or more than one.
    func only(_ code: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let matches = with(code: code)
        return try #require(matches.count == 1 ? matches.first : nil,
                            "expected exactly one '\(code)' diagnostic, got:\n\(listing)", sourceLocation: sourceLocation)
    }

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
