import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12's security review, item by item, end to end through the binary. Each test is named after its
/// item and fails on the code the review read.
@Suite(.serialized) struct HardeningTests {
    /// `env` output as a dictionary.
    static func variables(_ text: String) -> [String: String] {
        MatrixWorld.variables(text)
    }

    /// Item 1: no child started by Keyward sees `KEYWARD_FILE_PASSPHRASE` (or the key-cache setting): not
    /// `exec`'s, not `exec --server`'s, not `assume --exec`'s, not a `credential_process` or `mfa_process`.
    @Test func item01ChildrenNeverSeeTheVaultPassphrase() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                """
                [profile jo]
                region = us-east-1
                mfa_serial = \(account.joMFASerial)
                mfa_process = env > "$HOME/mfa-env"; echo 123456

                [profile cp]
                credential_process = sh -c 'env > "$HOME/cp-env"; cat "$HOME/cp.json"'

                [profile cprole]
                role_arn = \(account.readonlyRoleARN)
                source_profile = cp

                """
            }
            defer { fixture.clearSessions() }
            let home = fixture.home.url.path
            try fixture.writeCredentialProcessOutput("cp.json")
            let extra = ["KEYWARD_FILE_KEY_TTL": "5m"]
            let passphrase = fixture.environment["KEYWARD_FILE_PASSPHRASE"] ?? "-"

            let exec = try fixture.keyward(["exec", "jo", "--", "env"], extra: extra)
            #expect(exec.status == 0, "\(exec.stderr)")
            let seen = Self.variables(exec.stdout)
            #expect(seen["KEYWARD_FILE_PASSPHRASE"] == nil)
            #expect(seen["KEYWARD_FILE_KEY_TTL"] == nil)
            #expect(!exec.stdout.contains(passphrase))
            #expect(seen["KEYWARD_HOME"] == fixture.environment["KEYWARD_HOME"])
            #expect(seen["KEYWARD_PROFILE"] == "jo")

            let server = try fixture.keyward(["exec", "jo", "--server", "ecs", "--", "env"], extra: extra)
            #expect(server.status == 0, "\(server.stderr)")
            #expect(!server.stdout.contains(passphrase))
            #expect(Self.variables(server.stdout)["AWS_CONTAINER_CREDENTIALS_FULL_URI"] != nil)

            let assume = try fixture.keyward(
                ["assume", fixture.account.readonlyRoleARN, "sess", "--source-profile", "jo", "--exec", "env"],
                extra: extra)
            #expect(assume.status == 0, "\(assume.stderr)")
            #expect(!assume.stdout.contains(passphrase))
            #expect(Self.variables(assume.stdout)["AWS_SESSION_TOKEN"] != nil)

            let process = try fixture.keyward(["export", "cprole"], extra: extra)
            #expect(process.status == 0, "\(process.stderr)")
            for file in ["mfa-env", "cp-env"] {
                let text = try String(contentsOfFile: home + "/" + file, encoding: .utf8)
                #expect(!text.contains(passphrase), "\(file)")
                #expect(!text.contains("KEYWARD_FILE_KEY_TTL"), "\(file)")
            }
        }
    }

    /// Item 2: the local endpoints serve only this user's processes: `nobody` on the same machine gets no
    /// IMDSv2 token (and no ECS credentials, even with the bearer token), while this user does.
    @Test(arguments: ["--ec2", "--ecs"])
    func item02AnotherUserOfTheMachineIsRefused(mode: String) async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                ExecFixture.seedConfig(account).replacingOccurrences(
                    of: "[profile jo]\n", with: "[profile jo]\nmfa_process = echo 123456\n")
            }
            defer { fixture.clearSessions() }
            let server = try RunningServer(["serve", "admin", mode], environment: fixture.environment)
            // Alive until the requests below are done (ARC may end a value after its last use).
            defer { withExtendedLifetime(server) {} }
            let exports = server.exports
            let request: [String]
            if mode == "--ec2" {
                var base = exports["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "http://127.0.0.1:1/"
                if !base.hasSuffix("/") { base += "/" }
                request = [
                    "-sf", "-X", "PUT", "-H", "X-aws-ec2-metadata-token-ttl-seconds: 60", base + "latest/api/token",
                ]
            } else {
                request = [
                    "-sf", "-H", "Authorization: \(exports["AWS_CONTAINER_AUTHORIZATION_TOKEN"] ?? "")",
                    exports["AWS_CONTAINER_CREDENTIALS_FULL_URI"] ?? "http://127.0.0.1:1/",
                ]
            }
            let mine = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/curl"), request, environment: [:], timeout: 30)
            #expect(mine.status == 0, "\(mine.stderr)")
            #expect(!mine.stdout.isEmpty)
            let theirs = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/sbin/runuser"),
                ["-u", "nobody", "--", "/usr/bin/curl"] + request,
                environment: [:], timeout: 30)
            #expect(theirs.status != 0)
            #expect(theirs.stdout.isEmpty)
            // The server goes on serving its own user.
            let again = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/curl"), request, environment: [:], timeout: 30)
            #expect(again.status == 0)
        }
    }

    /// Item 4: Keyward runs with a core limit of 0 (here `serve`, a long-lived process holding sessions);
    /// the program `exec` starts gets the user's limit back.
    @Test func item04NoCoreDumpsButTheChildKeepsItsLimit() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let child = try fixture.program([
                "sh", "-c",
                "ulimit -c 4096; exec \(KeywardCLI.binary.path) exec jo --mfa-token 123456 -- sh -c 'ulimit -c'",
            ])
            #expect(child.status == 0, "\(child.stderr)")
            #expect(child.stdout == "4096\n")

            let server = try RunningServer(
                ["serve", "jo", "--ecs"], environment: fixture.environment, shellPrefix: "ulimit -c 4096")
            let limits = try String(
                contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
            let core = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") }
            #expect(core?.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).first == "0")
        }
    }

    /// Item 11: `import --scrub` of a symlinked `~/.aws/credentials` edits the link's target in place, keeps
    /// the link and puts the backup beside the target.
    @Test func item11ScrubEditsTheTargetOfASymlinkedCredentialsFile() async throws {
        let sandbox = try VaultSandbox()
        let key = AWSCredentials(
            accessKeyID: "AKIASYMLINKIMPORT001", secretAccessKey: SecretString("symlink/Secret+Value0001"))
        try sandbox.home.write(
            "dotfiles/aws-credentials",
            "[jo]\naws_access_key_id = \(key.accessKeyID)\naws_secret_access_key = \(key.secretAccessKey.unredacted)\n")
        let root = sandbox.home.url.path
        try FileManager.default.createDirectory(atPath: root + "/.aws", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/.aws/credentials", withDestinationPath: root + "/dotfiles/aws-credentials")
        let result = try sandbox.run(["import", "--offline", "--scrub"])
        #expect(result.status == 0, "\(result.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: root + "/.aws/credentials")
        #expect(link == root + "/dotfiles/aws-credentials")
        let target = try String(contentsOfFile: root + "/dotfiles/aws-credentials", encoding: .utf8)
        #expect(!target.contains(key.secretAccessKey.unredacted))
        let backups = try FileManager.default.contentsOfDirectory(atPath: root + "/dotfiles").filter {
            $0.hasPrefix("aws-credentials.keyward-backup-")
        }
        #expect(backups.count == 1)
        let besideLink = try FileManager.default.contentsOfDirectory(atPath: root + "/.aws")
        #expect(besideLink == ["credentials"] || besideLink.allSatisfy { !$0.contains("keyward-backup") })
    }

    /// Items 11 and 12: `assume --profile OUT` writes through a symlink and keeps the section's other keys
    /// and comments (only the credential keys are replaced).
    @Test func item12AssumeKeepsTheProfilesOtherKeysAndTheSymlink() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let root = fixture.home.url.path
            try fixture.home.write(
                "dotfiles/credentials",
                "[dev]\n# my dev profile\nregion = eu-west-1\noutput = json\naws_access_key_id = ASIAOLDOLDOLDOLDOLD1\n"
                    + "aws_secret_access_key = old\naws_session_token = old\n")
            try FileManager.default.createSymbolicLink(
                atPath: root + "/.aws/credentials", withDestinationPath: root + "/dotfiles/credentials")
            let result = try fixture.keyward([
                "assume", fixture.account.readonlyRoleARN, "sess", "--source-profile", "jo", "--mfa-serial",
                fixture.account.joMFASerial, "--mfa-token", "123456", "--profile", "dev",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/.aws/credentials") != "")
            let text = try String(contentsOfFile: root + "/dotfiles/credentials", encoding: .utf8)
            #expect(text.contains("# my dev profile\nregion = eu-west-1\noutput = json\n"))
            #expect(!text.contains("ASIAOLDOLDOLDOLDOLD1"))
            #expect(text.contains("aws_session_token = "))
        }
    }

    /// Item 13: with HOME unset the vault is refused, not put under the working directory; a home others
    /// may write to, or another user's, is refused too.
    @Test func item13NoHomeOrAnUnsafeHomeIsRefused() throws {
        let sandbox = try VaultSandbox()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-cwd-\(UUID())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let noHome = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            [
                "-i", "PATH=/usr/bin:/bin", "KEYWARD_BACKEND=file", "KEYWARD_FILE_PASSPHRASE=x", "sh", "-c",
                "cd \(scratch) && AWS_ACCESS_KEY_ID=AKIAEXAMPLEEXAMPLE01 AWS_SECRET_ACCESS_KEY=s "
                    + "\(KeywardCLI.binary.path) add jo --env",
            ],
            environment: [:])
        #expect(noHome.status == 1)
        #expect(
            noHome.stderr
                == "keyward: HOME is not set, so there is no place for the vault; set KEYWARD_HOME to an absolute path\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == [])

        let open = sandbox.home.url.path + "/open-home"
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true)
        chmod(open, 0o777)
        let loose = try sandbox.run(["list"], extra: ["KEYWARD_HOME": open])
        #expect(loose.status == 1)
        #expect(loose.stderr == "keyward: \(open) is writable by group or others (mode 777); run chmod 700 \(open)\n")

        let foreign = sandbox.home.url.path + "/foreign-home"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        chmod(foreign, 0o700)
        chown(foreign, 65534, 65534)
        let theirs = try sandbox.run(["list"], extra: ["KEYWARD_HOME": foreign])
        #expect(theirs.status == 1)
        #expect(theirs.stderr.hasPrefix("keyward: \(foreign) belongs to uid 65534, not to you"))
    }

    /// Item 14: an enormous duration is a one-line error naming the flag or variable, never a trap.
    @Test func item14HugeDurationsAreRefusedNotCrashes() throws {
        let sandbox = try VaultSandbox()
        let flag = try sandbox.run(["export", "jo", "--duration", "99999999999999999999h"])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("--duration"))
        let variable = try sandbox.run(["list"], extra: ["KEYWARD_FILE_KEY_TTL": "9999999999999999h"])
        #expect(variable.status == 1)
        #expect(variable.stderr.hasPrefix("keyward: KEYWARD_FILE_KEY_TTL=9999999999999999h: expected a duration"))
        #expect(variable.stderr.split(separator: "\n").count == 1)
    }

    /// Item 15: a `credential_process` that runs keyward for its own profile is refused at the first level,
    /// naming the profile and the config line, with no keyward left running.
    @Test func item15CredentialProcessRecursionStopsAtOnce() throws {
        let sandbox = try VaultSandbox()
        try sandbox.home.write(
            ".aws/config",
            "[profile other]\nregion = us-east-1\n\n[profile loop]\n"
                + "credential_process = \(KeywardCLI.binary.path) export --format credential-process loop\n")
        let started = Date()
        let result = try KeywardCLI.run(
            ["export", "loop"], environment: sandbox.environment, timeout: 30)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("keyward: profile loop: credential_process: exit status 1: profile loop: "))
        #expect(result.stderr.contains("the credential_process of profile loop (~/.aws/config:5)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        let left = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", "credential-process loop"], environment: [:])
        #expect(left.stdout == "")
    }
}

/// Issue 21's small items that this stop fixed, end to end.
@Suite(.serialized) struct NewUserPolishTests {
    /// Item 5: a busy port is named, with what to do.
    @Test func item05ABusyPortIsNamed() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let result = try fixture.keyward([
                "serve", "admin", "--ecs", "--port", String(moto.port), "--mfa-token", "123456",
            ])
            #expect(result.status == 1)
            #expect(
                result.stderr
                    == "keyward: server: cannot listen on 127.0.0.1:\(moto.port): the port is already in use; choose "
                    + "another with --port, or leave it out for a free one\n")
        }
    }

    /// Item 15: `export --format env` of a long-lived key unsets a stale session token.
    @Test func item15ALongLivedKeyUnsetsAStaleToken() throws {
        let sandbox = try VaultSandbox()
        try sandbox.home.write(
            ".aws/credentials", "[plain]\naws_access_key_id = AKIAPLAINPLAINPLAIN1\naws_secret_access_key = s\n")
        let result = try sandbox.run(["export", "plain", "--no-session"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_CREDENTIAL_EXPIRATION\n"))
        let script = "export AWS_SESSION_TOKEN=stale; eval \"$1\"; echo \"token=${AWS_SESSION_TOKEN-unset}\""
        let shell = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script, "sh", result.stdout], environment: [:])
        #expect(shell.stdout == "token=unset\n")
    }
}
