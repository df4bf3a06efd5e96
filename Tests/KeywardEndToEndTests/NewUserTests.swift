import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// Issue 21 ("what a new user hit"), item by item, through the binary. Each test is named after its item
/// and fails on the `main` the issue was filed against.
@Suite(.serialized) struct NewUserTests {
    /// A sandbox whose only profile, `plain`, has a key in the credentials file (no vault, no AWS needed),
    /// with every AWS endpoint on a loopback port nothing listens on: a test that reaches AWS fails.
    static func offlineSandbox(config: String = "[profile plain]\nregion = us-east-1\n") throws -> (VaultSandbox, Int) {
        let sandbox = try VaultSandbox()
        try sandbox.home.write(
            ".aws/credentials", "[plain]\naws_access_key_id = AKIAPLAINPLAINPLAIN1\naws_secret_access_key = s\n")
        try sandbox.home.write(".aws/config", config)
        return (sandbox, try FreePort.find())
    }

    /// Item 4: a refused connection fails in well under a second per attempt (it took three 10 s
    /// attempts), in one readable line, and each attempt is logged under `--debug`.
    @Test func item04ARefusedConnectionIsOneLineAndQuick() throws {
        let (sandbox, port) = try Self.offlineSandbox()
        let endpoint = ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(port)"]
        // The bound kills a run that still waits out the old 3 x 10 s, which the checks below then refuse.
        let result = try KeywardCLI.run(
            ["exec", "plain", "--", "true"], environment: sandbox.environment.merging(endpoint) { _, new in new },
            timeout: 15)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "keyward: profile plain: sts:GetSessionToken: cannot reach http://127.0.0.1:\(port): connection "
                + "refused\n")

        let debug = try sandbox.run(["exec", "--debug", "plain", "--", "true"], extra: endpoint)
        let attempts = debug.stderr.split(separator: "\n").filter { $0.contains("attempt failed") }
        #expect(attempts.count == 3, "\(debug.stderr)")
        #expect(attempts.allSatisfy { $0.contains("connection refused") })
        #expect(attempts.last?.contains("giving up") == true)
    }

    /// Item 4: a name that does not resolve is said so, as quickly.
    @Test func item04AnUnresolvableHostIsSaidSo() throws {
        let (sandbox, _) = try Self.offlineSandbox()
        let result = try KeywardCLI.run(
            ["exec", "plain", "--", "true"],
            environment: sandbox.environment.merging(["AWS_ENDPOINT_URL": "http://sts.keyward-test.invalid"]) {
                _, new in new
            }, timeout: 15)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "keyward: profile plain: sts:GetSessionToken: cannot reach http://sts.keyward-test.invalid: the "
                + "host name sts.keyward-test.invalid does not resolve\n")
    }

    /// Item 4: `login` to a federation endpoint that refuses says so at once (it waited 15 s) and logs the
    /// request under `--debug`.
    @Test func item04LoginToARefusingEndpointFailsAtOnce() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let endpoint = ["KEYWARD_FEDERATION_ENDPOINT": "http://127.0.0.1:\(try FreePort.find())/federation"]
            let login = try fixture.keyward(["login", "admin", "--mfa-token", "123456", "--debug"], extra: endpoint)
            #expect(login.status == 1)
            #expect(login.stderr.hasSuffix("keyward: console sign-in: cannot reach 127.0.0.1: connection refused\n"))
            #expect(login.stderr.contains("asking for a sign-in token"), "\(login.stderr)")
        }
    }

    /// Item 10: `exec PROFILE COMMAND...` needs no `--`; options after the command are the command's, and
    /// `--` is still accepted.
    @Test func item10ExecNeedsNoDoubleDash() throws {
        let (sandbox, _) = try Self.offlineSandbox()
        let bare = try sandbox.run([
            "exec", "plain", "--no-session", "sh", "-c", "echo \"$KEYWARD_PROFILE\" \"$1\"", "sh", "--debug",
        ])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stdout == "plain --debug\n")
        #expect(bare.stderr == "")
        let dashed = try sandbox.run(["exec", "plain", "--no-session", "--", "sh", "-c", "echo dashed"])
        #expect(dashed.status == 0, "\(dashed.stderr)")
        #expect(dashed.stdout == "dashed\n")
        let unknown = try sandbox.run(["exec", "plain", "--bogus", "true"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--bogus'"))
    }

    /// Item 11: the global options are accepted before the subcommand as after it.
    @Test func item11GlobalOptionsBeforeTheSubcommand() throws {
        let (sandbox, _) = try Self.offlineSandbox()
        let key = AWSCredentials(accessKeyID: "AKIAIOSFODNN7JOJOJOJ", secretAccessKey: SecretString("secret-of-jo"))
        #expect(try sandbox.add("jo", key: key).status == 0)
        // KEYWARD_BACKEND names no backend, so only the flag can make this work.
        let broken = ["KEYWARD_BACKEND": "nonesuch"]
        let before = try sandbox.run(["--backend", "file", "list"], extra: broken)
        #expect(before.status == 0, "\(before.stderr)")
        let after = try sandbox.run(["list", "--backend", "file"], extra: broken)
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("jo       ****************OJOJ  file"))
        let debug = try sandbox.run(["--debug", "--backend=file", "exec", "plain", "--no-session", "echo", "ran"])
        #expect(debug.status == 0, "\(debug.stderr)")
        #expect(debug.stdout == "ran\n")
    }

    /// Item 1: `add` does not replace a different stored key without asking: no terminal means no, `--force`
    /// replaces, and a terminal's "y" replaces.
    @Test func item01AddAsksBeforeReplacingAStoredKey() async throws {
        let sandbox = try VaultSandbox()
        let first = AWSCredentials(
            accessKeyID: "AKIAIOSFODNN7FIRST01", secretAccessKey: SecretString("first/secret"))
        let second = AWSCredentials(
            accessKeyID: "AKIAIOSFODNN7SECND02", secretAccessKey: SecretString("second/secret"))
        #expect(try sandbox.add("jo", key: first).status == 0)
        let secondEnvironment = [
            "AWS_ACCESS_KEY_ID": second.accessKeyID, "AWS_SECRET_ACCESS_KEY": second.secretAccessKey.unredacted,
        ]

        let refused = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/setsid"),
            ["--wait", KeywardCLI.binary.path, "add", "jo", "--env"],
            environment: sandbox.environment.merging(secondEnvironment) { _, new in new })
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "keyward: profile jo: the access key ****************ST01 is already stored in file; pass --force "
                + "to replace it, or keyward rotate to replace it with a new key; nothing was stored\n")
        #expect(try await sandbox.storedKey("jo")?.accessKeyID == first.accessKeyID)

        // The same key again loses nothing and is not asked about.
        #expect(try sandbox.add("jo", key: first).status == 0)

        let forced = try sandbox.run(["add", "jo", "--env", "--force"], extra: secondEnvironment)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.hasPrefix("Replaced the key of profile jo: ****************ND02 in file"))
        #expect(try await sandbox.storedKey("jo")?.accessKeyID == second.accessKeyID)

        var terminalEnvironment = sandbox.environment.merging(secondEnvironment) { _, new in new }
        terminalEnvironment["AWS_ACCESS_KEY_ID"] = first.accessKeyID
        terminalEnvironment["AWS_SECRET_ACCESS_KEY"] = first.secretAccessKey.unredacted
        let asked = try TerminalDriver.run(
            [KeywardCLI.binary.path, "add", "jo", "--env"], environment: terminalEnvironment,
            replies: [(prompt: "[y/N]", reply: "y")])
        #expect(asked.status == 0, "\(asked.transcript)")
        #expect(
            asked.transcript.contains(
                "Replace the access key ****************ND02 of profile jo in file with ****************ST01? The old "
                    + "key cannot be recovered. [y/N]"))
        #expect(try await sandbox.storedKey("jo")?.accessKeyID == first.accessKeyID)
    }

    /// Item 3: `rotate` drops the cached sessions minted from the old key (jo's MFA session and admin's role
    /// session), so `list` shows none of them afterwards.
    @Test func item03RotateDropsTheOldKeysSessions() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            for profile in ["jo", "admin"] {
                let ran = try fixture.keyward(["exec", profile, "--mfa-token", "123456", "--", "true"])
                #expect(ran.status == 0, "\(ran.stderr)")
            }
            let before = try fixture.keyward(["list"])
            #expect(before.stdout.contains("assumed-role until"), "\(before.stdout)")
            let rotated = try fixture.keyward(["rotate", "jo", "--mfa-token", "123456"])
            #expect(rotated.status == 0, "\(rotated.stderr)")
            #expect(
                rotated.stdout.hasSuffix(" deleted, 2 cached sessions of the old key dropped\n"), "\(rotated.stdout)")
            let after = try fixture.keyward(["list", "--json"])
            #expect(!after.stdout.contains("\"kind\""), "\(after.stdout)")
            // Item 15: both key ids are masked.
            #expect(!rotated.stdout.contains(fixture.account.jo.accessKeyID))
            #expect(rotated.stdout.contains("old key ****************\(fixture.account.jo.accessKeyID.suffix(4))"))
        }
    }

    /// Item 13: values STS would refuse are refused before any call or cache write, in one line.
    @Test func item13ValuesSTSWouldRefuseAreRefusedLocally() throws {
        let serial = "arn:aws:iam::123456789012:mfa/plain"
        let (sandbox, port) = try Self.offlineSandbox(
            config: """
                [profile plain]
                region = us-east-1

                [profile mfa]
                mfa_serial = \(serial)
                source_profile = plain
                role_arn = arn:aws:iam::123456789012:role/admin

                [profile bad]
                role_arn = not-an-arn
                source_profile = plain

                """)
        let offline = ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(port)"]
        let short = try sandbox.run(["exec", "plain", "--duration", "10s", "--", "true"], extra: offline)
        #expect(short.status == 1)
        #expect(
            short.stderr
                == "keyward: profile plain: sts:GetSessionToken: the session length 10 s is below STS's minimum of "
                + "900 s (15m); nothing was sent\n")
        let long = try sandbox.run(
            ["exec", "mfa", "--duration", "13h", "--mfa-token", "123456", "--", "true"], extra: offline)
        #expect(
            long.stderr
                == "keyward: profile mfa: sts:AssumeRole: the session length 46800 s (13h) is above STS's maximum of "
                + "43200 s (12h); nothing was sent\n")
        let notARN = try sandbox.run(["exec", "bad", "--", "true"], extra: offline)
        #expect(
            notARN.stderr
                == "keyward: profile bad: sts:AssumeRole: \"not-an-arn\" is not a role ARN "
                + "(arn:aws:iam::123456789012:role/NAME); nothing was sent\n")
        let code = try sandbox.run(["exec", "mfa", "--mfa-token", "12345", "--", "true"], extra: offline)
        #expect(
            code.stderr == "keyward: profile mfa: sts:AssumeRole: the MFA code is not six digits; nothing was sent\n")
        #expect(!code.stderr.contains("12345"))

        let assumeName = try sandbox.run(
            ["assume", "admin", "sess", "--source-profile", "plain", "--exec", "true"], extra: offline)
        #expect(assumeName.status == 64)
        #expect(
            assumeName.stderr.hasPrefix(
                "Error: \"admin\" is not a role ARN (arn:aws:iam::123456789012:role/NAME)."))
        let assumeShort = try sandbox.run(
            ["assume", "arn:aws:iam::123456789012:role/admin", "sess", "--duration", "5m", "--exec", "true"],
            extra: offline)
        #expect(assumeShort.status == 64)
        #expect(
            assumeShort.stderr.hasPrefix(
                "Error: the session length 300 s (5m) is below STS's minimum of 900 s (15m)."))

        // Nothing was cached by any of them.
        let list = try sandbox.run(["list", "--json"], extra: offline)
        #expect(!list.stdout.contains("\"kind\""), "\(list.stdout)")
    }
    /// Item 14: messages that pointed the wrong way now name what is wrong and where to go.
    @Test func item14MessagesPointTheRightWay() throws {
        let (sandbox, port) = try Self.offlineSandbox(
            config: """
                [profile plain]
                region = us-east-1

                [profile admin]
                role_arn = arn:aws:iam::123456789012:role/admin
                source_profile = plain

                [profile orphan]
                role_arn = arn:aws:iam::123456789012:role/admin
                source_profile = jo

                [profile "my dev"]
                region = us-east-1

                """)
        let offline = ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(port)"]
        let typo = try sandbox.run(["exec", "admn", "--", "true"], extra: offline)
        #expect(typo.status == 1)
        #expect(
            typo.stderr
                == "keyward: profile \"admn\" does not exist in the AWS config files or the vault; the closest: admin\n"
        )
        let orphan = try sandbox.run(["exec", "orphan", "--", "true"], extra: offline)
        #expect(
            orphan.stderr
                == "keyward: source_profile \"jo\" of profile orphan does not exist in the AWS config files or the "
                + "vault; keyward list shows the profiles there are\n")
        let role = try sandbox.run(
            ["assume", "arn:aws:iam::123456789012:role/admin", "sess", "--source-profile", "admin", "--exec", "true"],
            extra: offline)
        #expect(
            role.stderr
                == "keyward: profile admin assumes a role (role_arn) and holds no key: give a profile with a key "
                + "here; its source_profile plain holds the key\n")
        // A suggested command quotes a name with a space, so it can be pasted.
        let spaced = try sandbox.run(["exec", "my dev", "--", "true"], extra: offline)
        #expect(spaced.stderr.contains("keyward add 'my dev'"), "\(spaced.stderr)")

        try sandbox.home.write(".aws/config", "[profile plain]\nregion = us-east-1\n[profile dev\nregion = x\n")
        let header = try sandbox.run(["exec", "plain", "--", "true"], extra: offline)
        #expect(
            header.stderr
                == "keyward: ~/.aws/config:3: the section header is not closed: expected \"]\" at the end of the line\n"
        )
    }

    /// Item 6: a profile name over 80 bytes (and any Unicode) works in `list`, `add` and `exec`.
    @Test func item06LongAndUnicodeProfileNamesWork() async throws {
        let name = "team-" + String(repeating: "ü", count: 40) + "-" + String(repeating: "x", count: 40)
        #expect(name.utf8.count > 80)
        let (sandbox, _) = try Self.offlineSandbox(config: "[profile \(name)]\nregion = us-east-1\n")
        let list = try sandbox.run(["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains(name))
        let key = AWSCredentials(accessKeyID: "AKIAIOSFODNN7LONGNME", secretAccessKey: SecretString("long/secret"))
        let added = try sandbox.add(name, key: key)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try await sandbox.storedKey(name)?.accessKeyID == key.accessKeyID)
        let exec = try sandbox.run(["exec", name, "--no-session", "sh", "-c", "echo \"$AWS_ACCESS_KEY_ID\""])
        #expect(exec.stdout == "\(key.accessKeyID)\n", "\(exec.stderr)")
        let json = try sandbox.run(["list", "--json"])
        #expect(json.stdout.contains("\"name\" : \"\(name)\""))
        #expect(json.stdout.contains("****************GNME"))
    }
}
