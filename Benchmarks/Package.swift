// swift-tools-version: 6.1
// Speed measurements of Lotse. A separate package, so the main build and CI do not pay for it:
//   cd Benchmarks && swift run -c release LoadBenchmark
//   cd Benchmarks && swift run -c release TurnBenchmark
// Plain executables that time with ContinuousClock; no benchmark framework.
import PackageDescription

let lotse: [Target.Dependency] = [
    .product(name: "LotseCore", package: "Lotse"),
    .product(name: "LotseRules", package: "Lotse"),
]

let package = Package(
    name: "LotseBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Lotse", path: "../"),
    ],
    targets: [
        // Reading the rules folder, timing, RSS: shared by both benchmarks.
        .target(name: "BenchSupport", dependencies: lotse),
        // Load and check: the shipped rules and generated large rule sets.
        .executableTarget(name: "LoadBenchmark", dependencies: ["BenchSupport"] + lotse),
        // Conversation turns per second and memory per session.
        .executableTarget(name: "TurnBenchmark", dependencies: ["BenchSupport"] + lotse),
    ],
    swiftLanguageModes: [.v6]
)
