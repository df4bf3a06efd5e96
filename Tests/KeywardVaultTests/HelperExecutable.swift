import Foundation

/// The test process's own environment: tests may read it (library code never does).
let testEnvironment = ProcessInfo.processInfo.environment

/// The helper executable built next to the test bundle.
let helperExecutable: String = {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("KeywardVaultTestHelper").path
}()
