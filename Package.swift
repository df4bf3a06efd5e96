// swift-tools-version:6.1
import PackageDescription

// Dependencies point downward only (PRODUCT.md §Architecture): the CLI uses the modules,
// KeywardPolicy and KeywardConfig need nothing but Foundation, KeywardAWS never sees a profile,
// KeywardSystem is the leaf of OS plumbing everything may use.
let package = Package(
    name: "Keyward",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keyward", targets: ["keyward"]),
        .library(name: "KeywardConfig", targets: ["KeywardConfig"]),
        .library(name: "KeywardAWS", targets: ["KeywardAWS"]),
        .library(name: "KeywardVault", targets: ["KeywardVault"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .target(name: "KeywardSystem"),
        .target(name: "KeywardConfig"),
        .target(
            name: "KeywardAWS",
            dependencies: [
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
            name: "KeywardTestSupport",
            dependencies: ["KeywardAWS"]
        ),
        .executableTarget(
            name: "keyward",
            dependencies: [
                "KeywardSystem", "KeywardConfig", "KeywardAWS", "KeywardVault",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Commands/Policy"]
        ),
        // A child process the vault tests kill and race against.
        .executableTarget(name: "KeywardVaultTestHelper", dependencies: ["KeywardVault", "KeywardSystem"]),
        .testTarget(name: "KeywardSystemTests", dependencies: ["KeywardSystem"]),
        .testTarget(name: "KeywardConfigTests", dependencies: ["KeywardConfig"]),
        .testTarget(
            name: "KeywardAWSTests",
            dependencies: ["KeywardAWS", "KeywardTestSupport"],
            exclude: ["botocore_signer.py"],
            resources: [.copy("Vectors")]
        ),
        .testTarget(
            name: "KeywardVaultTests",
            dependencies: ["KeywardVault", "KeywardSystem", "KeywardVaultTestHelper"]
        ),
        .testTarget(
            name: "KeywardEndToEndTests",
            dependencies: ["KeywardTestSupport", "KeywardAWS", "keyward"]
        ),
    ]
)
