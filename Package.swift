// swift-tools-version:6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // A warning is a finding: the project's own targets build without any (dependencies are not affected).
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "mindsphere-fake",
    // Linux is the platform: the server listens through epoll and Glibc, and CI builds and tests on Linux only. The
    // macOS entry only names the release whose Mutex and Atomic the core needs, for anyone who builds the core,
    // the contract kit or the testing helpers' in-process parts there (untested).
    platforms: [.macOS(.v15)],
    products: [
        /// The fake's transport-free core: request value in, response value out.
        .library(name: "MindSphereFake", targets: ["MindSphereFake"]),
        /// The libmicrohttpd server that serves the core over HTTP.
        .library(name: "MindSphereFakeServer", targets: ["MindSphereFakeServer"]),
        /// The contract-test kit: one suite for the fake and for a real tenant.
        .library(name: "MindSphereContract", targets: ["MindSphereContract"]),
        /// Helpers for testing an app against the fake: default credentials, tokens, a served fake per test.
        .library(name: "MindSphereFakeTesting", targets: ["MindSphereFakeTesting"]),
        .executable(name: "mindsphere-fake", targets: ["mindsphere-fake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.2.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.0"),
    ],
    targets: [
        // C shims over libmicrohttpd; no logic.
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev", "pkg-config"])]
        ),
        // The fake itself: no sockets, no C, no file I/O.
        .target(
            name: "MindSphereFake",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                // Parses multipart/form-data uploads (Asset Management files). It brings SwiftNIO's buffer and
                // header types into the core; the core uses them to parse bytes only, never to open sockets.
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            swiftSettings: strictSettings
        ),
        // The only importer of CMicroHTTPD.
        .target(
            name: "MindSphereFakeServer",
            dependencies: ["MindSphereFake", "CMicroHTTPD", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MindSphereContract",
            dependencies: [
                "MindSphereFake",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        // What tests of an app (and the package's own tests) need around the fake; nothing here is test-only logic
        // of the fake itself.
        .target(
            name: "MindSphereFakeTesting",
            dependencies: [
                "MindSphereFake",
                "MindSphereFakeServer",
                "MindSphereContract",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "mindsphere-fake",
            dependencies: [
                "MindSphereFake",
                "MindSphereFakeServer",
                "MindSphereContract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // In-process IoT Time Series measurements (memory per record, GET latency on a large series).
        .executableTarget(
            name: "mindsphere-fake-bench",
            dependencies: [
                "MindSphereFake",
                "MindSphereFakeTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MindSphereFakeTests",
            dependencies: [
                "MindSphereFake",
                "MindSphereFakeTesting",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MindSphereFakeServerTests",
            dependencies: [
                "MindSphereFake", "MindSphereFakeServer", "MindSphereFakeTesting", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MindSphereContractTests",
            dependencies: ["MindSphereContract", "MindSphereFake", "MindSphereFakeServer", "MindSphereFakeTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MindSphereFakeTestingTests",
            dependencies: [
                "MindSphereFakeTesting", "MindSphereFake", "MindSphereFakeServer", "MindSphereContract",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictSettings
        ),
        // The command line: argument parsing in process, and the built binary run as a child process.
        .testTarget(
            name: "MindSphereFakeCLITests",
            dependencies: [
                "mindsphere-fake",
                "MindSphereFake",
                "MindSphereFakeServer",
                "MindSphereFakeTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)

// libFuzzer targets (Fuzz/, run by scripts/fuzz.sh). They exist only when MINDSPHERE_FAKE_FUZZ=1, so the normal
// build and test never compile them, and they need flags (-sanitize=fuzzer) that only their own build path uses.
if Context.environment["MINDSPHERE_FAKE_FUZZ"] == "1" {
    package.targets.append(
        .target(
            name: "FuzzSupport",
            dependencies: ["MindSphereFake"],
            path: "Fuzz/FuzzSupport",
            swiftSettings: strictSettings
        ))
    for name in ["FuzzGateway", "FuzzJSONParser", "FuzzFilterParser", "FuzzScenarioLoader", "FuzzRecordScanner"] {
        package.targets.append(
            .executableTarget(
                name: name,
                dependencies: ["MindSphereFake", "FuzzSupport", .product(name: "HTTPTypes", package: "swift-http-types")],
                path: "Fuzz/\(name)",
                swiftSettings: strictSettings
            ))
    }
}
