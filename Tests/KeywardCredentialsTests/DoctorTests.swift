import Foundation
import KeywardConfig
import KeywardCredentials
import KeywardSystem
import KeywardVault
import Testing

/// Each check of `Doctor` on inline files in a temporary HOME, with the exact findings (file and line).
@Suite struct DoctorTests {
    /// A temporary HOME with `~/.aws` and a Keyward home at `~/kw`; files are written mode 0600.
    struct Home {
        let path: String

        init() throws {
            var template = Array("/tmp/kwdoctor-XXXXXX".utf8CString)
            guard let created = mkdtemp(&template) else { throw POSIXError(.EIO) }
            path = String(cString: created)
            try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        }

        func write(_ relative: String, _ text: String, mode: Int = 0o600) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + relative))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path + "/" + relative)
        }

        func doctor(_ environment: [String: String] = [:]) -> Doctor {
            Doctor(
                environment: Environment(environment),
                paths: ConfigPaths(config: path + "/.aws/config", credentials: path + "/.aws/credentials", home: path),
                keywardHome: path + "/kw")
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Issue 20: a role chain that starts on the instance or in the container holds no key and needs no MFA
    /// device: no "missing source", no MFA finding, no profile error.
    @Test func instanceAndContainerSourcesAreKnown() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(
            ".aws/config",
            """
            [profile ec2]
            role_arn = arn:aws:iam::123456789012:role/build
            credential_source = Ec2InstanceMetadata
            ec2_metadata_service_endpoint_mode = ipv6
            [profile task]
            role_arn = arn:aws:iam::123456789012:role/task
            credential_source = EcsContainer
            [profile deploy]
            role_arn = arn:aws:iam::123456789012:role/deploy
            source_profile = ec2

            """)
        #expect(home.doctor().inspect().findings == [])
    }

    @Test func longLivedKeysInBothFilesAreFoundByLine() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(
            ".aws/credentials",
            """
            # mine
            [jo]
            aws_access_key_id = AKIAJOEXAMPLEKEY0001
            aws_secret_access_key = joSecretValue/0001
            [dev]
            aws_access_key_id = ASIADEVEXAMPLEKEY001
            aws_secret_access_key = devSecret
            aws_session_token = token

            """)
        try home.write(
            ".aws/config",
            "[default]\nregion = us-east-1\n[profile ci]\naws_access_key_id = AKIACIEXAMPLEKEY0002\n"
                + "aws_secret_access_key = ciSecretValue/0002\n[profile idonly]\naws_access_key_id = AKIAIDONLY0000000003\n"
        )
        let report = home.doctor().inspect()
        #expect(
            report.findings == [
                Finding(
                    id: .longLivedKeyInCredentialsFile, severity: .high, location: "~/.aws/credentials:3",
                    message: "profile \"jo\" keeps the long-lived key ****************0001 in plaintext",
                    fix: "keyward import --scrub --profile jo"),
                Finding(
                    id: .longLivedKeyInConfigFile, severity: .high, location: "~/.aws/config:4",
                    message: "profile \"ci\" keeps the long-lived key ****************0002 in plaintext",
                    fix: "keyward add ci (with this key), then delete its aws_access_key_id and aws_secret_access_key "
                        + "lines from ~/.aws/config"),
                Finding(
                    id: .profileError, severity: .medium, location: "~/.aws/config:7",
                    message: "~/.aws/config:7: profile \"idonly\" has aws_access_key_id but no aws_secret_access_key",
                    fix: "correct the profile; the AWS CLI refuses it too"),
            ])
        #expect(report.summary == DoctorReport.Summary(high: 2, medium: 1, low: 0))
        #expect(report.hasHighFindings)
        let text = report.findings.map { "\($0)" }.joined()
        #expect(!text.contains("joSecretValue") && !text.contains("ciSecretValue") && !text.contains("AKIAJO"))
    }

    @Test func keysLeftInAnImportBackup() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(".aws/credentials", "# keyward: moved\n")
        try home.write(
            ".aws/credentials.keyward-backup-20261123T050000Z",
            "[jo]\naws_access_key_id = AKIAJOEXAMPLEKEY0001\naws_secret_access_key = joSecretValue/0001\n")
        try home.write(".aws/other.keyward-backup-20261123T050000Z", "[x]\naws_access_key_id = AKIAOTHERFILE0000002\n")
        #expect(
            home.doctor().inspect().findings == [
                Finding(
                    id: .longLivedKeyInImportBackup, severity: .high,
                    location: "~/.aws/credentials.keyward-backup-20261123T050000Z:2",
                    message: "profile \"jo\" keeps the long-lived key ****************0001 in plaintext",
                    fix: "delete ~/.aws/credentials.keyward-backup-20261123T050000Z once the imported keys work "
                        + "(keyward list shows them)")
            ])
    }

    @Test func keysExportedInTheEnvironment() throws {
        let home = try Home()
        defer { home.remove() }
        let secret = "envSecretValue/123"
        #expect(
            home.doctor(["AWS_ACCESS_KEY_ID": "AKIAENVEXAMPLEKEY001", "AWS_SECRET_ACCESS_KEY": secret]).inspect()
                .findings == [
                    Finding(
                        id: .longLivedKeyInEnvironment, severity: .high, location: "$AWS_ACCESS_KEY_ID",
                        message: "the long-lived key ****************Y001 is exported in the environment, where every "
                            + "child process can read it",
                        fix: "keyward add PROFILE --env, then unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY and use "
                            + "keyward exec PROFILE -- COMMAND")
                ])
        let session = home.doctor(["AWS_ACCESS_KEY_ID": "ASIAENVEXAMPLEKEY002", "AWS_SECRET_ACCESS_KEY": secret])
            .inspect().findings
        #expect(session.map(\.id) == [.sessionKeyInEnvironment])
        #expect(session.map(\.severity) == [.low])
        #expect(session.first?.message == "the session key ****************Y002 is exported in the environment")
        let secretOnly = home.doctor(["AWS_SECRET_ACCESS_KEY": secret]).inspect().findings
        #expect(secretOnly.map(\.id) == [.secretKeyInEnvironment])
        #expect(secretOnly.map(\.location) == ["$AWS_SECRET_ACCESS_KEY"])
        #expect(home.doctor(["AWS_PROFILE": "jo"]).inspect().findings == [])
    }

    @Test func rolesAndSourceProfilesWithoutMFA() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(
            ".aws/config",
            """
            [profile jo]
            region = us-east-1
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = jo
            [profile safe]
            role_arn = arn:aws:iam::123456789012:role/readonly
            source_profile = jo
            mfa_serial = arn:aws:iam::123456789012:mfa/jo
            [profile ci]
            role_arn = arn:aws:iam::123456789012:role/ci
            credential_source = Environment

            """)
        #expect(
            home.doctor().inspect().findings == [
                Finding(
                    id: .roleWithoutMFA, severity: .medium, location: "~/.aws/config:4",
                    message: "profile \"admin\" assumes arn:aws:iam::123456789012:role/admin with no mfa_serial on "
                        + "its chain (admin -> jo)",
                    fix: "add mfa_serial = MFA_DEVICE_ARN to profile \"admin\" or \"jo\", and require MFA in the "
                        + "role's trust policy"),
                Finding(
                    id: .sourceProfileWithoutMFA, severity: .medium, location: "~/.aws/config:1",
                    message: "profile \"jo\" holds the key of a source_profile chain and has no mfa_serial",
                    fix: "add mfa_serial = MFA_DEVICE_ARN to profile \"jo\" (its IAM user's MFA device)"),
            ])
    }

    @Test func sourceProfileLoopsMissingSourcesAndOtherErrors() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(
            ".aws/config",
            """
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = a
            [profile c]
            role_arn = arn:aws:iam::123456789012:role/c
            source_profile = ghost
            [profile d]
            role_arn = arn:aws:iam::123456789012:role/d

            """)
        #expect(
            home.doctor().inspect().findings == [
                Finding(
                    id: .sourceProfileLoop, severity: .high, location: "~/.aws/config:6",
                    message: "source_profile loop: a -> b -> a",
                    fix: "point source_profile at ~/.aws/config:6 to a profile that holds a key"),
                Finding(
                    id: .sourceProfileMissing, severity: .medium, location: "~/.aws/config:9",
                    message: "source_profile \"ghost\" of profile \"c\" is in neither file; the AWS CLI cannot use "
                        + "the profile",
                    fix: "add [profile ghost] to the config file (and its key with keyward add ghost), or correct "
                        + "source_profile"),
                Finding(
                    id: .profileError, severity: .medium, location: "~/.aws/config:11",
                    message: "~/.aws/config:11: profile \"d\" has role_arn but neither source_profile nor "
                        + "credential_source",
                    fix: "correct the profile; the AWS CLI refuses it too"),
            ])
    }

    @Test func durationsOverTheRoleAndChainingLimits() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(
            ".aws/config",
            """
            [profile jo]
            mfa_serial = arn:aws:iam::123456789012:mfa/jo
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = jo
            duration_seconds = 50000
            [profile deep]
            role_arn = arn:aws:iam::123456789012:role/deep
            source_profile = admin
            duration_seconds = 7200
            [profile fine]
            role_arn = arn:aws:iam::123456789012:role/fine
            source_profile = jo
            duration_seconds = 7200

            """)
        #expect(
            home.doctor().inspect().findings == [
                Finding(
                    id: .durationOverRoleLimit, severity: .medium, location: "~/.aws/config:6",
                    message: "duration_seconds = 50000 of profile \"admin\" is over 43200, the longest role session; "
                        + "the AWS CLI refuses the profile",
                    fix: "set duration_seconds to 43200 or less"),
                Finding(
                    id: .durationOverChainingLimit, severity: .medium, location: "~/.aws/config:10",
                    message: "duration_seconds = 7200 of profile \"deep\", whose role is assumed with the session of "
                        + "role profile \"admin\": chained role sessions last at most 3600 seconds",
                    fix: "set duration_seconds to 3600 or less"),
            ])
    }

    @Test func looseModesAndAWeakVaultFile() async throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(".aws/credentials", "[x]\nregion = us-east-1\n", mode: 0o644)
        try home.write(".aws/config", "[default]\nregion = us-east-1\n", mode: 0o640)
        let store = FileSecretStore(
            directory: home.path + "/kw", passphrase: .fixed(SecretString("pass")),
            parameters: ScryptParameters(log2Cost: 10, blockSize: 8, parallelism: 1))
        try await store.store(SecretString("x"), for: .accessKey(profile: "jo"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home.path + "/kw")
        try FileManager.default.setAttributes([.posixPermissions: 0o604], ofItemAtPath: home.path + "/kw/vault.keyward")
        let report = home.doctor().inspect()
        #expect(
            report.findings == [
                Finding(
                    id: .credentialsFilePermissions, severity: .high, location: "~/.aws/credentials",
                    message: "~/.aws/credentials has mode 0644: group or others can get at it",
                    fix: "chmod 600 ~/.aws/credentials"),
                Finding(
                    id: .configFilePermissions, severity: .low, location: "~/.aws/config",
                    message: "~/.aws/config has mode 0640: group or others can get at it",
                    fix: "chmod 600 ~/.aws/config"),
                Finding(
                    id: .keywardHomePermissions, severity: .medium, location: "~/kw",
                    message: "~/kw has mode 0755: group or others can get at it", fix: "chmod 700 ~/kw"),
                Finding(
                    id: .vaultFilePermissions, severity: .medium, location: "~/kw/vault.keyward",
                    message: "~/kw/vault.keyward has mode 0604: group or others can get at it",
                    fix: "chmod 600 ~/kw/vault.keyward"),
                Finding(
                    id: .weakVaultKDF, severity: .medium, location: "~/kw/vault.keyward",
                    message: "the vault file is protected by scrypt N=2^10 r=8 p=1, cheaper to attack than the "
                        + "current default scrypt N=2^17 r=8 p=1",
                    fix: "move ~/kw/vault.keyward aside and keyward add each profile again (new vault files use "
                        + "scrypt N=2^17 r=8 p=1)"),
            ])
        #expect(report.summary == DoctorReport.Summary(high: 1, medium: 3, low: 1))

        try home.write("kw/vault.keyward", "not a vault")
        let damaged = home.doctor().inspect().findings.filter { $0.location == "~/kw/vault.keyward" }
        #expect(damaged.map(\.id) == [.unreadableFile])
    }

    @Test func aCleanHomeHasNoFindings() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write(
            ".aws/config",
            "[profile jo]\nmfa_serial = arn:aws:iam::123456789012:mfa/jo\n[profile admin]\n"
                + "role_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = jo\n")
        let report = home.doctor().inspect()
        #expect(report == DoctorReport(findings: []))
        #expect(!report.hasHighFindings)
    }
}
