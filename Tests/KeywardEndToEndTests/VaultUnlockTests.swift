import Foundation
import KeywardTestSupport
import Testing

/// `KEYWARD_FILE_KEY_TTL`: the file vault stays unlocked for a while in the session keyring, like sudo's
/// timestamp, until it expires or `keyward clear` locks it again.
@Suite struct VaultUnlockTests {
    static let setsid = URL(fileURLWithPath: "/usr/bin/setsid")

    /// Runs `keyward` without a terminal and without `KEYWARD_FILE_PASSPHRASE`: only a cached key can open
    /// the vault.
    static func runLocked(_ sandbox: VaultSandbox, _ arguments: [String], ttl: String?) throws -> KeywardCLI.Result {
        var environment = sandbox.environment
        environment["KEYWARD_FILE_PASSPHRASE"] = nil
        environment["KEYWARD_FILE_KEY_TTL"] = ttl
        return try KeywardCLI.run(
            executable: setsid, ["--wait", KeywardCLI.binary.path] + arguments, environment: environment)
    }

    @Test func withATimeToLiveTheNextCommandsNeedNoPassphraseUntilClear() throws {
        let sandbox = try VaultSandbox()
        let added = try sandbox.run(
            ["add", "jo", "--env"],
            extra: [
                "AWS_ACCESS_KEY_ID": AddTests.key.accessKeyID,
                "AWS_SECRET_ACCESS_KEY": AddTests.key.secretAccessKey.unredacted, "KEYWARD_FILE_KEY_TTL": "5m",
            ])
        #expect(added.status == 0, "\(added.stderr)")

        let unlocked = try Self.runLocked(sandbox, ["list"], ttl: "5m")
        #expect(unlocked.status == 0, "\(unlocked.stderr)")
        #expect(unlocked.stdout.contains("jo       ****************MPLE  file"))

        // Without the variable the cached key is not consulted.
        let strict = try Self.runLocked(sandbox, ["list"], ttl: nil)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("passphrase"))

        let cleared = try sandbox.run(["clear"])
        #expect(cleared.status == 0)
        #expect(cleared.stderr.contains("The vault is locked again."))
        let locked = try Self.runLocked(sandbox, ["list"], ttl: "5m")
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("passphrase"))
        #expect(sandbox.filesContaining(AddTests.key.secretAccessKey.unredacted).isEmpty)
    }

    @Test func theKeyExpiresAfterItsTimeToLive() throws {
        let sandbox = try VaultSandbox()
        let added = try sandbox.run(
            ["add", "jo", "--env"],
            extra: [
                "AWS_ACCESS_KEY_ID": AddTests.key.accessKeyID,
                "AWS_SECRET_ACCESS_KEY": AddTests.key.secretAccessKey.unredacted, "KEYWARD_FILE_KEY_TTL": "1s",
            ])
        #expect(added.status == 0, "\(added.stderr)")
        Thread.sleep(forTimeInterval: 2.5)
        let expired = try Self.runLocked(sandbox, ["list"], ttl: "1s")
        #expect(expired.status == 1)
        #expect(expired.stderr.contains("passphrase"))
    }

    @Test(arguments: ["soon", "2h", "-5"])
    func aBadTimeToLiveIsAOneLineError(value: String) throws {
        let sandbox = try VaultSandbox()
        let result = try sandbox.run(["list"], extra: ["KEYWARD_FILE_KEY_TTL": value])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "keyward: KEYWARD_FILE_KEY_TTL=\(value): expected a duration of at most 1h, such as 300, 90s or 5m\n"
        )
    }
}
