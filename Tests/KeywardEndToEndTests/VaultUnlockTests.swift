import Foundation
import KeywardTestSupport
import KeywardVault
import Testing

/// `KEYWARD_FILE_KEY_TTL`: the file vault stays unlocked for a while in the login session's keyring, like
/// sudo's timestamp, until it expires or `keyward clear` locks it again; without a session keyring of its
/// own nothing is cached, and Keyward says so (issue 12, item 3).
@Suite struct VaultUnlockTests {
    static let keyctl = "/usr/bin/keyctl"

    /// Runs `script` with `sh`, `$0` being the keyward binary, in a new session keyring of its own (as a
    /// login shell gets from pam_keyinit) and without a terminal; every command of the script shares that
    /// session keyring. Each command's lines are followed by `== NAME STATUS`.
    static func runInOwnSession(_ sandbox: VaultSandbox, _ script: String) throws -> [String: (Int32, String)] {
        var environment = sandbox.environment
        environment["KEYWARD_FILE_KEY_TTL"] = "5m"
        environment["AWS_ACCESS_KEY_ID"] = AddTests.key.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = AddTests.key.secretAccessKey.unredacted
        let result = try KeywardCLI.run(
            executable: URL(fileURLWithPath: keyctl),
            ["session", "-", "/usr/bin/setsid", "--wait", "/bin/sh", "-c", script, KeywardCLI.binary.path],
            environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        var sections: [String: (Int32, String)] = [:]
        var lines: [Substring] = []
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ")
            if fields.count == 3, fields[0] == "==", let status = Int32(fields[2]) {
                sections[String(fields[1])] = (status, lines.joined(separator: "\n"))
                lines = []
            } else {
                lines.append(line)
            }
        }
        return sections
    }

    @Test(
        .enabled(
            if: TestRequirement.runs(FileManager.default.isExecutableFile(atPath: keyctl)),
            "keyctl is not installed (scripts/setup installs keyutils)"))
    func withATimeToLiveTheNextCommandsOfTheSessionNeedNoPassphraseUntilClear() throws {
        let sandbox = try VaultSandbox()
        let run = try Self.runInOwnSession(
            sandbox,
            """
            "$0" add jo --env 2>&1; echo "== add $?"
            unset KEYWARD_FILE_PASSPHRASE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
            "$0" list 2>&1; echo "== unlocked $?"
            KEYWARD_FILE_KEY_TTL= "$0" list 2>&1; echo "== strict $?"
            "$0" clear 2>&1; echo "== cleared $?"
            "$0" list 2>&1; echo "== locked $?"
            """)
        #expect(run["add"]?.0 == 0, "\(run)")
        #expect(run["add"]?.1.contains("KEYWARD_FILE_KEY_TTL") == false, "a notice in a login session: \(run)")
        #expect(run["unlocked"]?.0 == 0, "\(run)")
        #expect(run["unlocked"]?.1.contains("jo       ****************MPLE  file") == true, "\(run)")
        // Without the variable the cached key is not consulted.
        #expect(run["strict"]?.0 == 1)
        #expect(run["strict"]?.1.contains("passphrase") == true)
        #expect(run["cleared"]?.0 == 0)
        #expect(run["cleared"]?.1.contains("The vault is locked again.") == true, "\(run)")
        #expect(run["locked"]?.0 == 1)
        #expect(run["locked"]?.1.contains("passphrase") == true)
        #expect(sandbox.filesContaining(AddTests.key.secretAccessKey.unredacted).isEmpty)
    }

    @Test(
        .enabled(
            if: TestRequirement.runs(FileManager.default.isExecutableFile(atPath: keyctl)),
            "keyctl is not installed (scripts/setup installs keyutils)"))
    func theKeyExpiresAfterItsTimeToLive() throws {
        let sandbox = try VaultSandbox()
        let run = try Self.runInOwnSession(
            sandbox,
            """
            KEYWARD_FILE_KEY_TTL=3s "$0" add jo --env 2>&1; echo "== add $?"
            unset KEYWARD_FILE_PASSPHRASE
            KEYWARD_FILE_KEY_TTL=3s "$0" list 2>&1; echo "== unlocked $?"
            sleep 4
            KEYWARD_FILE_KEY_TTL=3s "$0" list 2>&1; echo "== expired $?"
            """)
        #expect(run["add"]?.0 == 0, "\(run)")
        #expect(run["unlocked"]?.0 == 0, "the key was not cached at all: \(run)")
        #expect(run["expired"]?.0 == 1, "\(run)")
        #expect(run["expired"]?.1.contains("passphrase") == true)
    }

    /// Issue 12, item 3: a process without a session keyring of its own (this test process here: `keyctl
    /// show @s` shows the user-session keyring `_uid_ses.0`) is not given a cached vault key in the keyring
    /// every such process shares: one notice on stderr, and the next command needs the passphrase again.
    @Test(
        .enabled(
            if: TestRequirement.runs(!KeyctlSecretStore.hasOwnSessionKeyring),
            "this process has a session keyring of its own; the case needs one without (keyctl show @s)"))
    func withoutALoginSessionKeyringNothingIsCachedAndANoticeSaysSo() throws {
        let sandbox = try VaultSandbox()
        let unlocked = try sandbox.run(["list"], extra: ["KEYWARD_FILE_KEY_TTL": "5m"])
        #expect(unlocked.status == 0)
        // Exactly once (list also says on stderr that this home has no profiles yet).
        let expected: String =
            "keyward: KEYWARD_FILE_KEY_TTL: the vault key is not cached: this process has no session keyring "
            + "of its own, and the user-session keyring it falls back to is shared by all of the user's "
            + "processes without one; the passphrase is asked for each time (run from a login session, or a "
            + "shell started with keyctl session -, to cache it)"
        let notices: [String] = unlocked.stderr.split(separator: "\n").map(String.init).filter {
            $0.contains("KEYWARD_FILE_KEY_TTL")
        }
        #expect(notices == [expected], "\(unlocked.stderr)")
        var locked = sandbox.environment
        locked["KEYWARD_FILE_PASSPHRASE"] = nil
        locked["KEYWARD_FILE_KEY_TTL"] = "5m"
        let next = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/setsid"), ["--wait", KeywardCLI.binary.path, "list"],
            environment: locked)
        #expect(next.status == 1)
        #expect(next.stderr.contains("passphrase"))
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
