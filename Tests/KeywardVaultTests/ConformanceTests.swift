import KeywardVault
import Testing

// One suite per backend, each running every conformance check against the real thing. A backend that
// cannot run here is skipped with the reason, never passed.

@Suite("Conformance: in-memory")
struct InMemoryConformanceTests {
    @Test(arguments: ConformanceCheck.allCases)
    func conformance(_ check: ConformanceCheck) async throws {
        try await check.run(on: .inMemory)
    }
}

@Suite("Conformance: file")
struct FileConformanceTests {
    @Test(arguments: ConformanceCheck.allCases)
    func conformance(_ check: ConformanceCheck) async throws {
        try await check.run(on: .file)
    }
}

@Suite(
    "Conformance: keyctl",
    .enabled(if: Backend.keyctl.skipReason == nil, Comment(rawValue: Backend.keyctl.skipReason ?? "")))
struct KeyctlConformanceTests {
    @Test(arguments: ConformanceCheck.allCases)
    func conformance(_ check: ConformanceCheck) async throws {
        try await check.run(on: .keyctl)
    }
}

@Suite(
    "Conformance: secret-service",
    .enabled(if: Backend.secretService.skipReason == nil, Comment(rawValue: Backend.secretService.skipReason ?? "")))
struct SecretServiceConformanceTests {
    @Test(arguments: ConformanceCheck.allCases)
    func conformance(_ check: ConformanceCheck) async throws {
        try await check.run(on: .secretService)
    }
}

@Suite(
    "Conformance: pass",
    .enabled(if: Backend.pass.skipReason == nil, Comment(rawValue: Backend.pass.skipReason ?? "")))
struct PassConformanceTests {
    @Test(arguments: ConformanceCheck.allCases)
    func conformance(_ check: ConformanceCheck) async throws {
        try await check.run(on: .pass)
    }
}
