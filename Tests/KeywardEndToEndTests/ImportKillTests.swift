import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// `keyward import --scrub` killed with SIGKILL part-way loses no key: each key is still in the file or
/// already in the vault (or both), and a re-run completes the import.
///
/// Two ways of killing it: deterministically, right after each of its durable writes (`KeyImport`'s
/// `afterDurableWrite` hook, run by `KeywardImportTestHelper`: the shipped binary has no such switch), and
/// `keyward` itself after a range of delays from the outside, which also lands inside writes. Keys are imported `--offline`, so no emulator is needed and the runs are short.
@Suite struct ImportKillTests {
    static let profileCount = 6

    static let keys: [(profile: String, key: AWSCredentials)] = (1...profileCount).map { index in
        let digits = String(index)
        let id = "AKIAKILLTEST" + String(repeating: "0", count: 8 - digits.count) + digits
        return (
            "user\(index)", AWSCredentials(accessKeyID: id, secretAccessKey: SecretString("kill/Secret+\(index)xyz"))
        )
    }

    static let original: String =
        "# keys to move\n"
        + keys.map {
            "[\($0.profile)]\naws_access_key_id = \($0.key.accessKeyID)\n"
                + "aws_secret_access_key = \($0.key.secretAccessKey.unredacted)\n"
        }.joined(separator: "\n")
        + "\n[session]\naws_access_key_id = ASIAKILLTESTSESSION1\naws_secret_access_key = s\naws_session_token = t\n"

    /// A sandbox holding the original file.
    static func freshSandbox() throws -> (VaultSandbox, String) {
        let sandbox = try VaultSandbox()
        try sandbox.home.write(".aws/credentials", original)
        return (sandbox, sandbox.home.url.appendingPathComponent(".aws/credentials").path)
    }

    /// Every key is in the file or in the vault; then a re-run finishes: all in the vault, none in the file.
    static func expectNothingLostAndRerunCompletes(_ sandbox: VaultSandbox, path: String, note: String) async throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for (profile, key) in keys {
            let inFile = text.contains("aws_secret_access_key = \(key.secretAccessKey.unredacted)\n")
            let stored = try await sandbox.storedKey(profile)
            let inVault =
                stored?.accessKeyID == key.accessKeyID
                && stored?.secretAccessKey.unredacted == key.secretAccessKey.unredacted
            #expect(inFile || inVault, "\(note): the key of \(profile) is lost")
        }
        let rerun = try sandbox.run(["import", "--offline", "--scrub"])
        #expect(rerun.status == 0, "\(note): re-run: \(rerun.stdout) \(rerun.stderr)")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        for (profile, key) in keys {
            #expect(!after.contains(key.secretAccessKey.unredacted), "\(note): \(profile) still in the file")
            #expect(try await sandbox.storedKey(profile)?.accessKeyID == key.accessKeyID, "\(note): \(profile)")
        }
        #expect(after.contains("[session]\naws_access_key_id = ASIAKILLTESTSESSION1\n"))
    }

    @Test func killedAfterEachDurableWriteLosesNothing() async throws {
        // One vault write per profile, one scrub per profile, and the backup before the first scrub.
        let writes = 2 * Self.profileCount + 1
        for limit in 1...writes {
            let (sandbox, path) = try Self.freshSandbox()
            let helper = KeywardCLI.binary.deletingLastPathComponent().appendingPathComponent("KeywardImportTestHelper")
            let killed = try KeywardCLI.run(
                executable: helper, [path, sandbox.keywardHome, String(limit)], environment: [:],
                stdin: VaultSandbox.passphrase + "\n")
            #expect(killed.status == 128 + SIGKILL, "after write \(limit): \(killed.stderr)")
            try await Self.expectNothingLostAndRerunCompletes(sandbox, path: path, note: "after write \(limit)")
        }
    }

    @Test func killedFromOutsideAfterARangeOfDelaysLosesNothing() async throws {
        var finishedEarly = 0
        for delay in stride(from: 0, through: 240, by: 20) {
            let (sandbox, path) = try Self.freshSandbox()
            let process = Process()
            process.executableURL = KeywardCLI.binary
            process.arguments = ["import", "--offline", "--scrub"]
            var environment = sandbox.environment
            environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit { finishedEarly += 1 }
            try await Self.expectNothingLostAndRerunCompletes(sandbox, path: path, note: "killed after \(delay) ms")
        }
        // No assertion on how many runs finished before the kill: that depends on the machine's speed.
        _ = finishedEarly
    }
}
