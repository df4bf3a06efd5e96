// swift-tools-version:6.1
import PackageDescription

// Dependencies point downward only (PRODUCT.md §Architecture): the CLI uses the modules,
// KeywardPolicy and KeywardConfig need nothing but Foundation and the leaf, KeywardAWS never sees a
// profile, KeywardSystem is the leaf (OS plumbing and the shared vocabulary: SecretString, AccessKeyID,
// ARN) everything may use.
let package = Package(
    name: "Keyward",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keyward", targets: ["keyward"]),
        .library(name: "KeywardConfig", targets: ["KeywardConfig"]),
        .library(name: "KeywardAWS", targets: ["KeywardAWS"]),
        .library(name: "KeywardVault", targets: ["KeywardVault"]),
        .library(name: "KeywardPolicy", targets: ["KeywardPolicy"]),
        .library(name: "KeywardSystem", targets: ["KeywardSystem"]),
        .library(name: "KeywardCredentials", targets: ["KeywardCredentials"]),
        .library(name: "KeywardFederation", targets: ["KeywardFederation"]),
        .library(name: "KeywardServer", targets: ["KeywardServer"]),
        .library(name: "KeywardAudit", targets: ["KeywardAudit"]),
        .library(name: "KeywardCatalog", targets: ["KeywardCatalog"]),
        .library(name: "KeywardAnalysis", targets: ["KeywardAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Default traits off: swift-configuration is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `swift package generate-documentation`: the modules' DocC catalogues.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // prctl(2) for the process hardening (variadic in C, so Swift needs a wrapper).
        .target(name: "CProcessControl"),
        .target(name: "KeywardSystem", dependencies: ["CProcessControl"]),
        .target(name: "KeywardConfig", dependencies: ["KeywardSystem"]),
        .target(
            name: "KeywardAWS",
            dependencies: [
                "KeywardSystem",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .systemLibrary(name: "CKeyutils", pkgConfig: "libkeyutils", providers: [.apt(["libkeyutils-dev"])]),
        // libsecret is loaded with dlopen on first use, so plain start-up never pays for glib/gio.
        .target(name: "CSecretService", linkerSettings: [.linkedLibrary("dl")]),
        .target(
            name: "KeywardVault",
            dependencies: [
                "KeywardSystem", "CKeyutils", "CSecretService",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "KeywardCredentials",
            dependencies: [
                "KeywardConfig", "KeywardAWS", "KeywardVault", "KeywardSystem",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "KeywardFederation",
            dependencies: ["KeywardConfig", "KeywardAWS", "KeywardSystem", "KeywardVault"]
        ),
        // The service catalogue (issue 14): generated data in the binary, parsed on first use. The policy
        // module's validator and summaries use it; its evaluator never does.
        .target(name: "KeywardCatalog"),
        .target(name: "KeywardPolicy", dependencies: ["KeywardCatalog", "KeywardSystem"]),
        // Access checks with counterexamples (issue 15): decided with the policy engine, over the catalogue.
        .target(name: "KeywardAnalysis", dependencies: ["KeywardPolicy", "KeywardCatalog", "KeywardSystem"]),
        // IAM's answers (GetAccountAuthorizationDetails, per-entity reads) as the policy engine's input.
        .target(
            name: "KeywardAudit",
            dependencies: ["KeywardAWS", "KeywardPolicy", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "KeywardServer",
            dependencies: [
                "KeywardAWS", "KeywardSystem",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "KeywardTestSupport",
            dependencies: ["KeywardAWS", "KeywardCredentials", "KeywardSystem", "KeywardVault", "KeywardPolicy"]
        ),
        .executableTarget(
            name: "keyward",
            dependencies: [
                "KeywardSystem", "KeywardConfig", "KeywardAWS", "KeywardVault", "KeywardCredentials",
                "KeywardFederation", "KeywardPolicy", "KeywardCatalog", "KeywardServer", "KeywardAudit",
                "KeywardAnalysis",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // `credential_process` starts keyward for every SDK client, so its start-up is the product's
            // latency. In release: lld (shipped with the toolchain) packs the binary's 137,000 relative
            // relocations into RELR bitmaps the loader reads in a fraction of the time, and no symbol is
            // exported for dynamic lookup (43,000 otherwise, which the C library walks on start-up). Together
            // about 0.8 ms of a 6.3 ms cached `keyward export` (scripts/bench-export).
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-Xclang-linker", "-fuse-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                        "-Xlinker", "--no-export-dynamic",
                    ],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // `swift run -c release keyward-policy-bench`: the in-process policy evaluation benchmark.
        .executableTarget(name: "keyward-policy-bench", dependencies: ["KeywardPolicy"]),
        // `swift run -c release keyward-access-bench`: the access checks' time per check (scripts/bench-access).
        .executableTarget(
            name: "keyward-access-bench",
            dependencies: ["KeywardAnalysis", "KeywardPolicy", "KeywardCatalog", "KeywardTestSupport"]),
        // scripts/bench-server: a credential server on a static source, for the load test.
        .executableTarget(
            name: "keyward-server-bench",
            dependencies: ["KeywardServer", "KeywardAWS", .product(name: "Logging", package: "swift-log")]
        ),
        // A `KeyImport` run the import kill test stops with SIGKILL after each durable write (the hook lives
        // here, never in the shipped binary).
        .executableTarget(
            name: "KeywardImportTestHelper",
            dependencies: ["KeywardFederation", "KeywardVault", "KeywardSystem", "KeywardConfig"]),
        // A child process the vault tests kill and race against.
        .executableTarget(
            name: "KeywardVaultTestHelper", dependencies: ["KeywardVault", "KeywardSystem", "CKeyutils"]),
        .testTarget(name: "KeywardSystemTests", dependencies: ["KeywardSystem", "KeywardTestSupport"]),
        .testTarget(name: "KeywardConfigTests", dependencies: ["KeywardConfig", "KeywardTestSupport"]),
        .testTarget(
            name: "KeywardServerTests",
            dependencies: [
                "KeywardServer", "KeywardAWS", "KeywardTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "KeywardPolicyTests", dependencies: ["KeywardPolicy", "KeywardCatalog", "KeywardTestSupport"]),
        .testTarget(name: "KeywardCatalogTests", dependencies: ["KeywardCatalog"]),
        .testTarget(
            name: "KeywardAnalysisTests",
            dependencies: ["KeywardAnalysis", "KeywardPolicy", "KeywardCatalog", "KeywardTestSupport"]),
        .testTarget(name: "KeywardAuditTests", dependencies: ["KeywardAudit", "KeywardPolicy", "KeywardAWS"]),
        .testTarget(
            name: "KeywardAWSTests",
            dependencies: ["KeywardAWS", "KeywardTestSupport"],
            exclude: ["botocore_signer.py"],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "KeywardVaultTests",
            dependencies: ["KeywardVault", "KeywardSystem", "KeywardVaultTestHelper", "KeywardTestSupport"]
        ),
        .testTarget(
            name: "KeywardCredentialsTests",
            dependencies: [
                "KeywardCredentials", "KeywardConfig", "KeywardAWS", "KeywardVault", "KeywardSystem",
                "KeywardTestSupport",
            ],
            exclude: ["Support/aws_view.py"]
        ),
        .testTarget(
            name: "KeywardFederationTests",
            dependencies: ["KeywardFederation", "KeywardConfig", "KeywardAWS", "KeywardSystem", "KeywardTestSupport"]
        ),
        // The commands run in-process (`@testable import keyward`): a command's `run(in:)` with a test's own
        // environment, HOME and moto endpoint, its stdout and stderr captured.
        .testTarget(
            name: "KeywardCommandTests",
            dependencies: [
                "keyward", "KeywardTestSupport", "KeywardAWS", "KeywardConfig", "KeywardCredentials", "KeywardVault",
                "KeywardSystem", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KeywardEndToEndTests",
            dependencies: [
                "KeywardTestSupport", "KeywardAWS", "KeywardVault", "KeywardSystem", "KeywardCredentials", "keyward",
                "KeywardImportTestHelper", "KeywardPolicy",
            ]
        ),
    ]
)
