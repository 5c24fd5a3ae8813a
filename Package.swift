// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Lotse",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lotse", targets: ["lotse"]),
        .library(name: "LotseCore", targets: ["LotseCore"]),
        .library(name: "LotseRules", targets: ["LotseRules"]),
        .library(name: "LotseStats", targets: ["LotseStats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure: the rule model, the condition language and the checks. No I/O.
        .target(name: "LotseCore"),
        // Pure: YAML text -> rule model, with source positions. Takes file contents, never opens files.
        .target(name: "LotseRules", dependencies: ["LotseCore", .product(name: "Yams", package: "Yams")]),
        // GNU readline for the kiosk REPL.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // The kiosk door: a terminal conversation on the engine.
        .target(name: "LotseREPL", dependencies: ["LotseCore", "CReadline"]),
        // The socket door: protocol lotse/1 (JSON lines) over TCP for many kiosks.
        .target(name: "LotseServer", dependencies: [
            "LotseCore",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Anonymous usage statistics: daily counters in SQLite or PostgreSQL, the batching recorder, the report.
        .target(name: "LotseStats", dependencies: [
            "LotseCore",
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The doors' shared command-line layer: reads files, prints reports.
        .target(name: "LotseCLI", dependencies: [
            "LotseCore", "LotseRules", "LotseREPL", "LotseServer", "LotseStats",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        .executableTarget(name: "lotse", dependencies: ["LotseCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Helpers shared by the test targets: the repository root, the built `lotse`, a seeded PRNG.
        .target(name: "LotseTestSupport", dependencies: ["LotseStats"], path: "Tests/LotseTestSupport"),
        .testTarget(name: "LotseCoreTests", dependencies: ["LotseCore", "LotseTestSupport"]),
        .testTarget(name: "LotseRulesTests", dependencies: ["LotseTestSupport", "LotseRules", "LotseCore"]),
        .testTarget(name: "LotseCLITests", dependencies: ["LotseTestSupport", "LotseCLI", "LotseRules", "LotseCore", "LotseStats",
                                                         "LotseServer", "LotseREPL",
                                                         .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "LotseEngineTests", dependencies: ["LotseTestSupport", "LotseCore", "LotseCLI"]),
        .testTarget(name: "LotseServerTests", dependencies: ["LotseTestSupport", 
            "LotseServer", "LotseCore", "LotseCLI", "LotseREPL",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "LotseStatsTests", dependencies: ["LotseTestSupport", "LotseStats", "LotseCore", "LotseCLI",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "LotseREPLTests", dependencies: ["LotseTestSupport", "LotseREPL", "LotseCore", "LotseRules", "LotseCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
