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
        .library(name: "PouchFingerprint", targets: ["PouchFingerprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The cable model, its formats, validation, access policy and search queries: pure, no I/O.
        .target(name: "PouchCore", swiftSettings: swiftSettings),
        // Traceable copies: the fingerprint schemes and their rule catalogue, the slot rules by
        // linguistic kind, the engine that finds slots and writes copies, the Tardos code, and
        // tracing a leak back to a copy. Pure, no I/O.
        .target(
            name: "PouchFingerprint",
            dependencies: ["PouchCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // Storage: sealing (per-record data keys under a master key), post signatures; the store protocol follows.
        .target(
            name: "PouchStore",
            dependencies: [
                "PouchCore",
                "PouchFingerprint",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The embedded store: SQLite through GRDB.
        .target(
            name: "PouchSQLite",
            dependencies: [
                "PouchCore", "PouchFingerprint", "PouchStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The shared store for several servers: PostgreSQL through postgres-nio.
        .target(
            name: "PouchPostgres",
            dependencies: [
                "PouchCore", "PouchStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP server (Hummingbird 2): web pages (swift-mustache), the JSON API, metrics.
        .target(
            name: "PouchServer",
            dependencies: [
                "PouchCore",
                "PouchFingerprint",
                "PouchStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: swiftSettings
        ),
        // Attack transforms, a hunspell spell checker, a synthetic-corpus generator and a reference
        // search: what the tests and the benchmarks share. Never linked into `pouch`.
        .target(
            name: "PouchTestSupport",
            dependencies: [
                "PouchCore", "PouchFingerprint", "PouchCorpus", "PouchStore", "PouchSQLite", "PouchPostgres",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Reading the real-cable corpus and its ground truth; scoring a parser against it.
        .target(name: "PouchCorpus", dependencies: ["PouchCore"], swiftSettings: swiftSettings),
        // The benchmarks (parse, trace, store, search, operations): every figure an issue asks for.
        .target(
            name: "PouchBenchmarks",
            dependencies: [
                "PouchCore", "PouchFingerprint", "PouchCorpus", "PouchStore", "PouchSQLite", "PouchPostgres", "PouchTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // `pouch-bench`: the benchmarks' command line, a separate executable so `pouch` carries no test code.
        .executableTarget(
            name: "pouch-bench",
            dependencies: [
                "PouchCore", "PouchCorpus", "PouchStore", "PouchBenchmarks", "PouchPostgres", "PouchTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "pouch",
            dependencies: [
                "PouchCore",
                "PouchFingerprint",
                "PouchStore",
                "PouchSQLite",
                "PouchPostgres",
                "PouchServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PouchCoreTests", dependencies: ["PouchCore", "PouchTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PouchSQLiteTests",
            dependencies: [
                "PouchSQLite", "PouchStore", "PouchCore", "PouchFingerprint", "PouchCorpus", "PouchTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures/format1-store")],
            swiftSettings: swiftSettings),
        // Runs against the PostgreSQL server named by $POUCH_TEST_POSTGRES (scripts/test starts one).
        .testTarget(
            name: "PouchPostgresTests",
            dependencies: [
                "PouchPostgres", "PouchStore", "PouchTestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The store's behaviour, on SQLite and (with $POUCH_TEST_POSTGRES) on PostgreSQL, from one suite.
        .testTarget(
            name: "PouchStoreTests", dependencies: ["PouchStore", "PouchCore", "PouchCorpus", "PouchSQLite", "PouchPostgres", "PouchTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PouchFingerprintTests",
            dependencies: ["PouchFingerprint", "PouchCore", "PouchCorpus", "PouchTestSupport", .product(name: "Crypto", package: "swift-crypto")],
            // The digests of every frozen scheme's copies (scripts/freeze-scheme).
            resources: [.copy("Resources/frozen")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PouchServerTests",
            dependencies: [
                "PouchServer", "PouchSQLite", "PouchPostgres", "PouchStore", "PouchCore", "PouchFingerprint", "PouchTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PouchCorpusTests", dependencies: ["PouchCorpus", "PouchCore", "PouchTestSupport"], swiftSettings: swiftSettings),
    ]
)

// Coverage-guided fuzz targets (libFuzzer), built only with POUCH_FUZZ=1 so they never ship:
// `scripts/fuzz TARGET SECONDS` (see Fuzz/README.md).
if Context.environment["POUCH_FUZZ"] != nil {
    for name in ["FuzzCableParser", "FuzzDraftParser", "FuzzSearchQuery", "FuzzLeakReader"] {
        package.targets.append(
            .executableTarget(
                name: name, dependencies: ["PouchCore", "PouchFingerprint"], path: "Fuzz/\(name)",
                // libFuzzer supplies `main`; the instrumentation comes from `swift build --sanitize fuzzer`.
                swiftSettings: swiftSettings + [.unsafeFlags(["-parse-as-library"])]))
    }
}
