// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Pouch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pouch", targets: ["pouch"]),
        .library(name: "PouchCore", targets: ["PouchCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The cable model, its formats, validation and the fingerprint engine: pure, no I/O.
        .target(
            name: "PouchCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Storage: sealing (per-record data keys under a master key), post signatures; the store protocol follows.
        .target(
            name: "PouchStore",
            dependencies: [
                "PouchCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The embedded store: SQLite through GRDB.
        .target(
            name: "PouchSQLite",
            dependencies: ["PouchCore", "PouchStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Attack transforms, a hunspell spell checker and the benchmarks, shared by tests and `pouch bench`.
        .target(
            name: "PouchTestSupport",
            dependencies: ["PouchCore", "PouchCorpus", "PouchStore", "PouchSQLite", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Reading the real-cable corpus and its ground truth; scoring a parser against it.
        .target(name: "PouchCorpus", dependencies: ["PouchCore"], swiftSettings: swiftSettings),
        // The thin command-line front end.
        .executableTarget(
            name: "pouch",
            dependencies: [
                "PouchCore",
                "PouchStore",
                "PouchSQLite",
                "PouchCorpus",
                "PouchTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PouchCoreTests", dependencies: ["PouchCore", "PouchTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PouchSQLiteTests", dependencies: ["PouchSQLite", "PouchStore", "PouchCore", "PouchCorpus", "PouchTestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swiftSettings),
        .testTarget(name: "PouchStoreTests", dependencies: ["PouchStore", "PouchTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PouchFingerprintTests", dependencies: ["PouchCore", "PouchCorpus", "PouchTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PouchCorpusTests", dependencies: ["PouchCorpus", "PouchCore", "PouchTestSupport"], swiftSettings: swiftSettings),
    ]
)
