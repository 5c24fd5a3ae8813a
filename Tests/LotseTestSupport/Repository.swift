import Foundation

/// Where the tests find the repository and the `lotse` built with them.
public enum Repository {
    /// The package root (the folder with Package.swift), from this file's path.
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static var root: String { url.path }

    /// The `lotse` built together with these tests: it sits next to the test binary (or bundle);
    /// failing that, the newest `.build*/debug/lotse` of the package.
    public static let lotseExecutable: URL? = {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for dir in candidates {
            let candidate = dir.appendingPathComponent("lotse")
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let builds = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasPrefix(".build") }
        let found = builds.map { url.appendingPathComponent($0).appendingPathComponent("debug/lotse") }
            .filter { fm.isExecutableFile(atPath: $0.path) }
        func modified(_ u: URL) -> Date {
            ((try? fm.attributesOfItem(atPath: u.path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return found.max { modified($0) < modified($1) }
    }()
}

/// Small deterministic PRNG so that a failing fuzz case can be reproduced from its seed.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
