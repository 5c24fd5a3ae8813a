// swift-tools-version: 6.1
// Speed measurements of Lotse. A separate package, so the main build and CI do not pay for it:
//   cd Benchmarks && swift run -c release LoadBenchmark
//   cd Benchmarks && swift run -c release TurnBenchmark
//   Benchmarks/server-load.sh    (ServerLoad: the socket server under load, against redis)
//   cd Benchmarks && swift run -c release StatsBenchmark   (10 M usage events, then the report)
//   Benchmarks/stats-load.sh     (turns/s of lotse serve with statistics on ÷ off)
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
        // Only the ServerLoad client uses it (the server already does).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // StatsBenchmark hands the recorder a logger.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Reading the rules folder, timing, RSS: shared by both benchmarks.
        .target(name: "BenchSupport", dependencies: ["BenchFormat"] + lotse),
        // Number formatting, without the engine, so the black-box load generator can use it too.
        .target(name: "BenchFormat"),
        // Load and check: the shipped rules and generated large rule sets.
        .executableTarget(name: "LoadBenchmark", dependencies: ["BenchSupport"] + lotse),
        // Conversation turns per second and memory per session.
        .executableTarget(name: "TurnBenchmark", dependencies: ["BenchSupport"] + lotse),
        // 10 million usage events through the real recorder into SQLite, then the report's query.
        .executableTarget(name: "StatsBenchmark", dependencies: [
            "BenchSupport", "BenchFormat",
            .product(name: "LotseStats", package: "Lotse"),
            .product(name: "Logging", package: "swift-log"),
        ] + lotse),
        // A load generator for `lotse serve` (protocol lotse/1 over TCP): closed loop, open loop,
        // idle connections. A black-box client: it does not link the engine. Run by server-load.sh.
        .executableTarget(name: "ServerLoad", dependencies: [
            "BenchFormat",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
