// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Kinerja",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kinerja", targets: ["kinerja"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: Foundation only.
        .target(name: "KinerjaDomain", swiftSettings: strict),
        // Persistence: Fluent models, migrations, the write service.
        .target(
            name: "KinerjaPersistence",
            dependencies: [
                "KinerjaDomain",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: strict
        ),
        // zlib as the system has it (Debian's zlib1g-dev, which swift-nio-extras needs too): deflate for the office
        // files' ZIP and the web's gzip.
        .systemLibrary(name: "CKinerjaZlib", path: "Sources/CKinerjaZlib", providers: [.apt(["zlib1g-dev"])]),
        // Spreadsheets: XLSX and CSV (no domain knowledge).
        .target(
            name: "KinerjaSpreadsheet",
            dependencies: [
                "CKinerjaZlib",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        // Import, consistency check and export of the Pemda's workbooks (templates and official layouts), reports as
        // XLSX/CSV.
        .target(
            name: "KinerjaImport",
            dependencies: ["KinerjaDomain", "KinerjaSpreadsheet"],
            swiftSettings: strict
        ),
        // Use cases, named after what users do, callable without HTTP: the web and the CLI both call them.
        .target(
            name: "KinerjaApplication",
            dependencies: ["KinerjaDomain", "KinerjaPersistence", "KinerjaImport", "KinerjaSpreadsheet"],
            swiftSettings: strict
        ),
        // Demo data (from the seed documents) and the synthetic kabupaten generator.
        .target(
            name: "KinerjaDemo",
            dependencies: ["KinerjaDomain", "KinerjaPersistence", "KinerjaSpreadsheet"],
            resources: [.copy("Resources/seed-data")],
            swiftSettings: strict
        ),
        // Test helpers: a freshly migrated SQLite-in-memory or PostgreSQL database per test.
        .target(
            name: "KinerjaTestSupport",
            dependencies: [
                "KinerjaPersistence",
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: strict
        ),
        // Web: routes, controllers, pages. It does not link the demo.
        .target(
            name: "KinerjaWeb",
            dependencies: [
                "KinerjaDomain",
                "KinerjaPersistence",
                "KinerjaSpreadsheet",
                "KinerjaImport",
                "KinerjaApplication",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        // The command line: every `kinerja` subcommand but `serve`, and the demo.
        .target(
            name: "KinerjaCLI",
            dependencies: [
                "KinerjaDomain",
                "KinerjaPersistence",
                "KinerjaSpreadsheet",
                "KinerjaImport",
                "KinerjaApplication",
                "KinerjaDemo",
                "KinerjaWeb",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja",
            dependencies: [
                "KinerjaWeb",
                "KinerjaCLI",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaDomainTests",
            dependencies: [
                "KinerjaDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaPersistenceTests",
            dependencies: [
                "KinerjaPersistence", "KinerjaTestSupport", "KinerjaImport", "KinerjaApplication", "KinerjaDemo",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaGoldenTests",
            dependencies: [
                "KinerjaDomain", "KinerjaPersistence", "KinerjaSpreadsheet", "KinerjaImport", "KinerjaDemo",
                "KinerjaTestSupport",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaSpreadsheetTests",
            dependencies: ["KinerjaSpreadsheet"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaImportTests",
            dependencies: [
                "KinerjaImport", "KinerjaDemo", "KinerjaTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaWebTests",
            dependencies: [
                "KinerjaWeb",
                "KinerjaCLI",
                "KinerjaApplication",
                "KinerjaTestSupport",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "VaporTesting", package: "vapor"),
            ],
            // Read by path (`SnapshotTests.folder`), not bundled.
            exclude: ["Snapshots"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
