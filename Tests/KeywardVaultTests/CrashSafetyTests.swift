import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardVault

/// A writer process killed (SIGKILL) at random points of many writes never leaves the vault unreadable:
/// afterwards it opens with the right passphrase and holds the last value the writer reported stored,
/// or the one it was writing when it died.
@Suite("Crash safety")
struct CrashSafetyTests {
    static let rounds = 25

    @Test func killingAWriterAtRandomPointsLeavesTheOldOrTheNewValue() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let home = directory.appending("home")
        let options = ["--backend", "file", "--directory", home, "--log2-cost", "\(Backend.fileLog2Cost)"]
        let store = FileSecretStore(
            directory: home, passphrase: .fixed(SecretString(Backend.filePassphrase)), parameters: FileFormatTests.cheap
        )
        let item = try VaultItem.accessKey(profile: "crash")
        var generator = SystemRandomNumberGenerator()

        for _ in 0..<Self.rounds {
            let before = try await store.read(item)
            let process = try TestProcess(
                URL(fileURLWithPath: helperExecutable), ["crash-writer"] + options, environment: testEnvironment,
                stdin: Backend.filePassphrase + "\n")
            // A random moment: sometimes before the first write, usually in the middle of one.
            try await Task.sleep(for: .microseconds(Int.random(in: 2_000...60_000, using: &generator)))
            process.send(SIGKILL)
            let outcome = await process.outcome()
            #expect(outcome.status == 128 + SIGKILL)

            let reported = outcome.stdout.split(separator: "\n").compactMap { Int($0) }
            let after = try await store.read(item)
            if let last = reported.last {
                // Stored and reported, or stored and killed before reporting.
                #expect(after == SecretString("value-\(last)") || after == SecretString("value-\(last + 1)"))
            } else {
                #expect(after == before || after == SecretString("value-1"))
            }
            try store.verify()
        }
        // Each round starts again at value-1; whatever was left, the next writer replaces it.
        try await store.store(SecretString("final"), for: item)
        #expect(try await store.read(item) == SecretString("final"))
        #expect(try SecureFile.entries(in: home) == ["vault.keyward", "vault.keyward.lock"])
    }
}
