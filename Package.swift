// swift-tools-version:6.0
// beredskap — preparedness daemon and CLI for the City of Oslo's refugee reception.
//
// No third-party packages: only the Swift toolchain and the system SQLite library.
// Dependencies run in one direction (see ../shared/design/ARCHITECTURE.md):
//
//   CSQLite, CShims                            C: system SQLite, what Glibc hides
//   BeredskapJSON                              strict JSON / JSON5 codec (generic)
//   BeredskapCore        ← JSON                the domain, pure: time, rules, state machines
//   BeredskapSQLite      ← Core, CSQLite       SQLite wrapper, migrations runner, read pool, writer (generic)
//   BeredskapStore       ← SQLite              the schema's migrations, event-log and feature queries
//   BeredskapAPI         ← Core                wire types and endpoints shared by daemon and client
//   BeredskapHTTPParser                        HTTP/1.1 parsers and encoders, pure: no I/O (generic)
//   BeredskapHTTP        ← HTTPParser, CShims  epoll server, Unix sockets, client connection (generic)
//   BeredskapCLIKit      ← Core                arguments, help, tables, CSV, charts, terminal (generic)
//   BeredskapDaemon      ← Store, API, HTTP    configuration, access, routes, engines, lifecycle
//   BeredskapClient      ← API, HTTP           typed client over the Unix socket
//   BeredskapCLI         ← Client, CLIKit      the `beredskap` commands (and Daemon, for `beredskap demo`)
import PackageDescription

let package = Package(
    name: "beredskap",
    products: [
        .executable(name: "beredskapd", targets: ["beredskapd"]),
        .executable(name: "beredskap", targets: ["beredskap"]),
        .executable(name: "beredskap-bench", targets: ["beredskap-bench"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "CShims"),
        .target(name: "BeredskapJSON"),
        .target(name: "BeredskapCore", dependencies: ["BeredskapJSON"]),
        .target(name: "BeredskapSQLite", dependencies: ["BeredskapCore", "BeredskapJSON", "CSQLite", "CShims"]),
        .target(name: "BeredskapStore", dependencies: ["BeredskapSQLite", "BeredskapCore", "BeredskapJSON"]),
        .target(name: "BeredskapAPI", dependencies: ["BeredskapCore", "BeredskapJSON"]),
        .target(name: "BeredskapHTTPParser"),
        .target(name: "BeredskapHTTP", dependencies: ["BeredskapHTTPParser", "CShims"]),
        .target(
            name: "BeredskapDaemon",
            dependencies: [
                "BeredskapCore", "BeredskapJSON", "BeredskapSQLite", "BeredskapStore", "BeredskapAPI", "BeredskapHTTP",
                "BeredskapHTTPParser", "CShims",
            ],
            resources: [.embedInCode("Resources/beredskap.json5")]
        ),
        .target(
            name: "BeredskapClient",
            dependencies: ["BeredskapAPI", "BeredskapJSON", "BeredskapCore", "BeredskapHTTP", "BeredskapHTTPParser"]
        ),
        .target(name: "BeredskapCLIKit", dependencies: ["BeredskapCore"]),
        .target(
            name: "BeredskapCLI",
            // The daemon only for `beredskap demo`, which runs one in-process (Commands/Demo/DemoDaemon.swift).
            dependencies: ["BeredskapCLIKit", "BeredskapClient", "BeredskapAPI", "BeredskapJSON", "BeredskapCore", "BeredskapDaemon"]
        ),
        .executableTarget(name: "beredskapd", dependencies: ["BeredskapDaemon"]),
        .executableTarget(name: "beredskap", dependencies: ["BeredskapCLI", "BeredskapCLIKit"]),
        .executableTarget(
            name: "beredskap-bench",
            dependencies: [
                "BeredskapDaemon", "BeredskapSQLite", "BeredskapStore", "BeredskapCore", "BeredskapJSON",
                "BeredskapHTTP", "BeredskapHTTPParser", "BeredskapClient", "CShims", "BeredskapTestSupport",
            ]
        ),

        // Helpers shared by the test targets (deterministic random numbers, waiting on conditions,
        // raw sockets) and by the benchmark (the slow clients of the slowloris measurement).
        .target(name: "BeredskapTestSupport", path: "Tests/BeredskapTestSupport"),
        .testTarget(name: "BeredskapJSONTests", dependencies: ["BeredskapJSON", "BeredskapTestSupport"]),
        .testTarget(name: "BeredskapCoreTests", dependencies: ["BeredskapCore", "BeredskapTestSupport"]),
        .testTarget(name: "BeredskapSQLiteTests", dependencies: ["BeredskapSQLite", "BeredskapCore", "BeredskapJSON"]),
        .testTarget(
            name: "BeredskapStoreTests",
            dependencies: ["BeredskapStore", "BeredskapSQLite", "BeredskapCore", "BeredskapJSON"]
        ),
        .testTarget(name: "BeredskapAPITests", dependencies: ["BeredskapAPI", "BeredskapCore"]),
        .testTarget(name: "BeredskapHTTPParserTests", dependencies: ["BeredskapHTTPParser", "BeredskapTestSupport"]),
        .testTarget(name: "BeredskapHTTPTests", dependencies: ["BeredskapHTTP", "BeredskapHTTPParser"]),
        .testTarget(
            name: "BeredskapDaemonTests",
            dependencies: [
                "BeredskapDaemon", "BeredskapCore", "BeredskapJSON", "BeredskapSQLite", "BeredskapStore",
                "BeredskapAPI", "BeredskapHTTP", "BeredskapHTTPParser", "BeredskapTestSupport",
            ]
        ),
        .testTarget(name: "BeredskapCLIKitTests", dependencies: ["BeredskapCLIKit", "BeredskapCore"]),
        .testTarget(
            name: "BeredskapCLITests",
            dependencies: ["BeredskapCLI", "BeredskapCLIKit", "BeredskapClient", "BeredskapAPI", "BeredskapDaemon"]
        ),
        .testTarget(
            name: "BeredskapEndToEndTests",
            dependencies: [
                "beredskapd", "beredskap", "BeredskapClient", "BeredskapAPI", "BeredskapJSON", "BeredskapCore",
                "BeredskapHTTP", "BeredskapHTTPParser", "BeredskapSQLite", "BeredskapTestSupport",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
