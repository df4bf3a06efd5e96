import Foundation
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

/// `keyward assume ROLE SESSION --profile OUT` against moto with signatures and policies enforced, checked
/// with the AWS CLI (seed 001's flow).
@Suite struct AssumeTests {
    static let before = """
        # Team credentials: edited by hand, keep this comment.
        [other]
        aws_access_key_id = ASIAOTHEROTHEROTHER1
        aws_secret_access_key = other-secret
        aws_session_token = other-token

        """
    static let after = """

        ; trailing profile with odd spacing
        [zeta]
        region=eu-west-1
        """

    static func environment(_ moto: MotoServer, home: URL) -> [String: String] {
        [
            "HOME": home.path, "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_REGION": "us-east-1",
            // The AWS CLI v1 reads only AWS_DEFAULT_REGION.
            "AWS_DEFAULT_REGION": "us-east-1", "KEYWARD_BACKEND": "file",
            "KEYWARD_HOME": home.appendingPathComponent("keyward").path, "KEYWARD_FILE_PASSPHRASE": "test passphrase",
        ]
    }

    static func aws(_ arguments: [String], environment: [String: String]) throws -> KeywardCLI.Result {
        try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), ["aws"] + arguments, environment: environment)
    }

    static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func writesOneDevSectionTheAWSCLIUsesAndKeepsEveryOtherByte() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            let path = home.url.appendingPathComponent(".aws/credentials").path
            try home.write(
                ".aws/credentials",
                Self.before + "[dev]\naws_access_key_id = ASIAOLDOLDOLDOLDOLD1\naws_secret_access_key = old\n"
                    + "aws_session_token = old\n" + Self.after)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            var environment = Self.environment(moto, home: home.url)
            environment["AWS_ACCESS_KEY_ID"] = account.jo.accessKeyID
            environment["AWS_SECRET_ACCESS_KEY"] = account.jo.secretAccessKey.unredacted

            let first = try KeywardCLI.run(
                ["assume", account.readonlyRoleARN, "jo-session", "--profile", "dev"], environment: environment)
            #expect(first.status == 0)
            #expect(first.stdout == "")
            #expect(
                first.stderr.hasPrefix(
                    "keyward: wrote [dev] to ~/.aws/credentials for "
                        + "arn:aws:sts::123456789012:assumed-role/readonly/jo-session; expires "))
            let second = try KeywardCLI.run(
                [
                    "assume", account.readonlyRoleARN, "jo-session", "--profile", "dev", "--duration", "15m",
                    "--mfa-serial", account.joMFASerial, "--mfa-token", "123456", "--quiet",
                ], environment: environment)
            #expect(second.status == 0)
            #expect(second.stderr == "")

            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix(Self.before + "[dev]\naws_access_key_id = ASIA"))
            #expect(text.hasSuffix(Self.after))
            #expect(text.components(separatedBy: "[dev]").count == 2)
            let dev = text.dropFirst(Self.before.count).dropLast(Self.after.count).split(separator: "\n")
            #expect(
                dev.map { $0.split(separator: " ").first.map(String.init) ?? "" }
                    == [
                        "[dev]", "aws_access_key_id", "aws_secret_access_key", "aws_session_token",
                        "x_security_token_expires",
                    ])
            #expect(try Self.mode(path) == 0o600)
            #expect(!text.contains(account.jo.accessKeyID))
            #expect(!text.contains(account.jo.secretAccessKey.unredacted))

            var plain = Self.environment(moto, home: home.url)
            plain["AWS_PROFILE"] = "dev"
            let identity = try Self.aws(["sts", "get-caller-identity", "--output", "json"], environment: plain)
            #expect(identity.status == 0)
            let fields = try JSONDecoder().decode([String: String].self, from: Data(identity.stdout.utf8))
            #expect(fields["Arn"] == "arn:aws:sts::123456789012:assumed-role/readonly/jo-session")
        }
    }

    @Test func signsWithASourceProfileFromTheCredentialsFileOrTheVaultAndNeverOverwritesALongLivedKey() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            let original =
                "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n"
            try home.write(".aws/credentials", original)
            let environment = Self.environment(moto, home: home.url)
            let path = home.url.appendingPathComponent(".aws/credentials").path

            let refused = try KeywardCLI.run(
                ["assume", account.readonlyRoleARN, "jo-session", "--source-profile", "jo", "--profile", "jo"],
                environment: environment)
            #expect(refused.status == 1)
            #expect(
                refused.stderr
                    == "keyward: ~/.aws/credentials: [jo] holds a long-lived key; write the session to another profile"
                    + " (or move the key into the vault with `keyward import`)\n")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == original)

            let fromFile = try KeywardCLI.run(
                ["assume", account.readonlyRoleARN, "from-file", "--source-profile", "jo", "--profile", "dev"],
                environment: environment)
            #expect(fromFile.status == 0)

            // A key only the vault knows (written with a cheap KDF, as `keyward add` would store it).
            let store = FileSecretStore(
                directory: environment["KEYWARD_HOME"] ?? "", passphrase: .fixed(SecretString("test passphrase")),
                parameters: ScryptParameters(log2Cost: 10, blockSize: 8, parallelism: 1))
            try await KeyVault(store: store).storeKey(
                StoredKey(
                    accessKeyID: account.jo.accessKeyID,
                    secretAccessKey: SecretString(account.jo.secretAccessKey.unredacted)),
                profile: "vaulted")
            let fromVault = try KeywardCLI.run(
                ["assume", account.readonlyRoleARN, "from-vault", "--source-profile", "vaulted", "--profile", "ci"],
                environment: environment)
            #expect(fromVault.status == 0)
            var asCI = environment
            asCI["AWS_PROFILE"] = "ci"
            let identity = try Self.aws(
                ["sts", "get-caller-identity", "--query", "Arn", "--output", "text"], environment: asCI)
            #expect(identity.stdout == "arn:aws:sts::123456789012:assumed-role/readonly/from-vault\n")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix(original + "\n[dev]\n"))
            #expect(text.components(separatedBy: account.jo.secretAccessKey.unredacted).count == 2)

            let missing = try KeywardCLI.run(
                ["assume", account.readonlyRoleARN, "x-session", "--source-profile", "nobody", "--profile", "dev"],
                environment: environment)
            #expect(
                missing.stderr
                    == "keyward: profile nobody: no credentials: no key stored for it (keyward add nobody) and none in the "
                    + "AWS config files or the environment\n"
            )  // The chain's own message since issue 13: assume loads its key with the chain's source loader.
        }
    }

    @Test func asksForTheMFACodeOnlyOnATerminalAndRunsACommandWithExec() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            var environment = Self.environment(moto, home: home.url)
            environment["AWS_ACCESS_KEY_ID"] = account.jo.accessKeyID
            environment["AWS_SECRET_ACCESS_KEY"] = account.jo.secretAccessKey.unredacted

            // setsid detaches the child from any controlling terminal, so /dev/tty cannot be opened.
            let noTTY = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/setsid"),
                [
                    "--wait", KeywardCLI.binary.path, "assume", account.readonlyRoleARN, "jo-session", "--profile",
                    "dev",
                    "--mfa-serial", account.joMFASerial,
                ], environment: environment)
            #expect(noTTY.status == 1)
            #expect(
                noTTY.stderr
                    == "keyward: profile environment: an MFA code for \(account.joMFASerial) is needed: pass --mfa-token "
                    + "CODE, set mfa_process in the profile, or run from a terminal to be asked\n"
            )  // MFACodeSource's message since issue 21 item 12: assume asks for codes as the chain does.
            #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent(".aws/credentials").path))

            let exec = try KeywardCLI.run(
                [
                    "assume", account.readonlyRoleARN, "exec-session", "--exec",
                    "aws sts get-caller-identity --query Arn --output text; exit 7",
                ], environment: environment)
            #expect(exec.status == 7)
            #expect(exec.stdout == "arn:aws:sts::123456789012:assumed-role/readonly/exec-session\n")
            #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent(".aws/credentials").path))

            let usage = try KeywardCLI.run(["assume", account.readonlyRoleARN, "s"], environment: environment)
            #expect(usage.status == 64)
        }
    }
}
