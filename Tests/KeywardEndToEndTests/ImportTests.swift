import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// `keyward import` run as the built binary: keys move from the shared credentials file into the vault
/// (file backend), verified against moto with signatures enforced, and `--scrub` takes them out of the file
/// leaving every other byte as it was.
@Suite struct ImportTests {
    /// A user created in moto for the test, with its long-lived key.
    struct User {
        var name: String
        var key: AWSCredentials
        var masked: String { String(repeating: "*", count: 16) + key.accessKeyID.suffix(4) }
    }

    /// Creates IAM users with one access key each, with the bootstrap administrator's key (boto3).
    static func createUsers(_ names: [String], moto: MotoServer, account: SeedAccount) throws -> [User] {
        let code = """
            import sys, json, boto3
            iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
            out = []
            for name in sys.argv[2:]:
                iam.create_user(UserName=name)
                key = iam.create_access_key(UserName=name)["AccessKey"]
                out.append([name, key["AccessKeyId"], key["SecretAccessKey"]])
            print(json.dumps(out))
            """
        let result = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", code, moto.endpoint.absoluteString] + names,
            environment: [
                "AWS_ACCESS_KEY_ID": account.bootstrap.accessKeyID,
                "AWS_SECRET_ACCESS_KEY": account.bootstrap.secretAccessKey.unredacted,
            ])
        guard result.status == 0 else { throw TestSupportError.fixtureFailed("create users: \(result.stderr)") }
        let rows = try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
        return rows.map {
            User(name: $0[0], key: AWSCredentials(accessKeyID: $0[1], secretAccessKey: SecretString($0[2])))
        }
    }

    static func section(_ user: User, extra: String = "") -> String {
        "[\(user.name)]\naws_access_key_id = \(user.key.accessKeyID)\n\(extra)"
            + "aws_secret_access_key = \(user.key.secretAccessKey.unredacted)\n"
    }

    static let session = """
        [dev]
        aws_access_key_id = ASIAIMPORTSESSION001
        aws_secret_access_key = sessionSecret/abc
        aws_session_token = FwoGZXIvYXdzEXAMPLETOKEN
        x_security_token_expires = 2026-11-23T06:00:00Z

        """

    static func comment(_ profile: String, _ day: String) -> String {
        "# keyward: the key of profile \"\(profile)\" moved to the keyward vault (file backend) on \(day)"
    }

    static func utcDay() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func scrubMovesThreeUsersKeysAndKeepsEverythingElse() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let users = try Self.createUsers(["alice", "bob", "carol"], moto: moto, account: account)
            let (alice, bob, carol) = (users[0], users[1], users[2])
            let sandbox = try VaultSandbox(moto: moto)
            let original =
                "# Team credentials, edited by hand\n\n" + Self.section(alice, extra: "region = eu-west-1\n")
                + "\n; the build user\n" + Self.section(bob) + "\n" + Self.session + Self.section(carol)
            try sandbox.home.write(".aws/credentials", original)
            let path = sandbox.home.url.appendingPathComponent(".aws/credentials").path

            let dayBefore = Self.utcDay()
            let result = try sandbox.run(["import", "--scrub"])
            let day = Self.utcDay()
            #expect(dayBefore == day)
            #expect(result.status == 0)
            #expect(
                result.stdout.split(separator: "\n").map(String.init) == [
                    "imported alice (\(alice.masked), arn:aws:iam::123456789012:user/alice); removed from ~/.aws/credentials",
                    "imported bob (\(bob.masked), arn:aws:iam::123456789012:user/bob); removed from ~/.aws/credentials",
                    "skipped dev: session credentials",
                    "imported carol (\(carol.masked), arn:aws:iam::123456789012:user/carol); removed from ~/.aws/credentials",
                ])
            let backups = try FileManager.default.contentsOfDirectory(
                atPath: sandbox.home.url.appendingPathComponent(".aws").path
            )
            .filter { $0.hasPrefix("credentials.keyward-backup-") }
            #expect(backups.count == 1)
            let backup = path.replacingOccurrences(of: "/credentials", with: "/") + (backups.first ?? "")
            #expect(
                result.stderr
                    == "keyward: the original file is kept at \(backup) (mode 0600); it still holds the keys in "
                    + "plaintext: delete it when you are satisfied\n")

            let scrubbed =
                "# Team credentials, edited by hand\n\n[alice]\n\(Self.comment("alice", day))\nregion = eu-west-1\n"
                + "\n; the build user\n\(Self.comment("bob", day))\n\n" + Self.session + Self.comment("carol", day)
                + "\n"
            #expect(try String(contentsOfFile: path, encoding: .utf8) == scrubbed)
            #expect(try Self.mode(path) == 0o600)
            #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == Data(original.utf8))
            #expect(try Self.mode(backup) == 0o600)
            for user in users {
                #expect(try await sandbox.storedKey(user.name)?.accessKeyID == user.key.accessKeyID)
                #expect(
                    try await sandbox.storedKey(user.name)?.secretAccessKey.unredacted
                        == user.key.secretAccessKey.unredacted
                )
                #expect(sandbox.filesContaining(user.key.secretAccessKey.unredacted) == [backup])
                #expect(!result.stdout.contains(user.key.secretAccessKey.unredacted))
                #expect(!result.stdout.contains(user.key.accessKeyID))
            }
            #expect(try await sandbox.storedKey("dev") == nil)
            let list = try sandbox.run(["list"])
            #expect(list.status == 0)
            let rows = list.stdout.split(separator: "\n")
            for user in users {
                #expect(rows.contains { $0.hasPrefix(user.name + " ") && $0.contains(user.masked + "  file") })
            }

            // A re-run has nothing left to do and writes no second backup.
            let again = try sandbox.run(["import", "--scrub"])
            #expect(again.status == 0)
            #expect(again.stdout == "skipped alice: no access key\nskipped dev: session credentials\n")
            #expect(again.stderr == "")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == scrubbed)

            // doctor sees the keys left in the backup (and the tests' cheap vault KDF), not in the file.
            let doctor = try sandbox.run(["doctor", "--json"])
            #expect(doctor.status == 1)
            let report = try JSONDecoder().decode(DoctorCommandTests.Report.self, from: Data(doctor.stdout.utf8))
            #expect(
                report.findings.map(\.id) == [
                    "long-lived-key-in-import-backup", "long-lived-key-in-import-backup",
                    "long-lived-key-in-import-backup", "weak-vault-kdf",
                ])
            #expect(report.findings.first?.location == "~/.aws/\(backups.first ?? ""):4")
            try FileManager.default.removeItem(atPath: backup)
            let afterDelete = try sandbox.run(["doctor", "--json"])
            #expect(afterDelete.status == 0)
        }
    }

    @Test func aKeyThatFailsVerificationIsReportedAndStaysInTheFile() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let good = try Self.createUsers(["good"], moto: moto, account: account)[0]
            let wrong = User(
                name: "wrong",
                key: AWSCredentials(
                    accessKeyID: good.key.accessKeyID, secretAccessKey: SecretString("not/the+right/secret0000")))
            let sandbox = try VaultSandbox(moto: moto)
            let original = Self.section(wrong) + "\n" + Self.section(good)
            try sandbox.home.write(".aws/credentials", original)
            let path = sandbox.home.url.appendingPathComponent(".aws/credentials").path

            let result = try sandbox.run(["import", "--scrub"])
            #expect(result.status == 1)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(
                lines.first?.hasPrefix(
                    "failed wrong (\(wrong.masked)): verification failed: sts:GetCallerIdentity: SignatureDoesNotMatch")
                    == true)
            #expect(lines.first?.hasSuffix("; left in the file") == true)
            #expect(
                lines.last
                    == "imported good (\(good.masked), arn:aws:iam::123456789012:user/good); removed from ~/.aws/credentials"
            )
            #expect(result.stderr.hasSuffix("keyward: not imported: wrong; see the lines above\n"))
            #expect(!result.stdout.contains(wrong.key.secretAccessKey.unredacted))
            #expect(!result.stderr.contains(wrong.key.secretAccessKey.unredacted))
            #expect(try await sandbox.storedKey("wrong") == nil)
            #expect(try await sandbox.storedKey("good")?.accessKeyID == good.key.accessKeyID)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text == Self.section(wrong) + "\n" + Self.comment("good", Self.utcDay()) + "\n")
        }
    }

    @Test func offlineMakesNoCallAndARerunIsIdempotent() async throws {
        let sandbox = try VaultSandbox()
        let key = AWSCredentials(
            accessKeyID: "AKIAOFFLINEIMPORT001", secretAccessKey: SecretString("offline/Secret+Value0001"))
        let original =
            "[jo]\naws_access_key_id = \(key.accessKeyID)\naws_secret_access_key = \(key.secretAccessKey.unredacted)\n"
        try sandbox.home.write(".aws/other-credentials", original)
        let path = sandbox.home.url.appendingPathComponent(".aws/other-credentials").path
        // Nothing listens there: a single STS call would fail the import.
        let closed = ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(try FreePort.find())"]
        let masked = "****************T001"

        let online = try sandbox.run(["import", "--from", path], extra: closed)
        #expect(online.status == 1)
        #expect(online.stdout.hasPrefix("failed jo (\(masked)): verification failed: "))

        let first = try sandbox.run(["import", "--from", path, "--offline"], extra: closed)
        #expect(first.status == 0)
        #expect(first.stdout == "imported jo (\(masked), not verified (--offline))\n")
        #expect(first.stderr == "")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try await sandbox.storedKey("jo")?.secretAccessKey.unredacted == key.secretAccessKey.unredacted)

        let second = try sandbox.run(["import", "--from", path], extra: closed)
        #expect(second.status == 0)
        #expect(second.stdout == "imported jo (\(masked), already in the vault)\n")

        let missing = try sandbox.run(["import", "--from", path, "--offline", "--profile", "nobody"], extra: closed)
        #expect(missing.status == 1)
        #expect(missing.stdout == "failed nobody: not in ~/.aws/other-credentials\n")

        let scrub = try sandbox.run(["import", "--from", path, "--scrub", "--profile", "jo"], extra: closed)
        #expect(scrub.status == 0)
        #expect(
            scrub.stdout == "imported jo (\(masked), already in the vault); removed from ~/.aws/other-credentials\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.comment("jo", Self.utcDay()) + "\n")
    }

    @Test func aVaultHoldingAnotherKeyForTheProfileIsNeverOverwritten() async throws {
        let sandbox = try VaultSandbox()
        let stored = AWSCredentials(accessKeyID: "AKIASTOREDALREADY001", secretAccessKey: SecretString("stored0"))
        #expect(try sandbox.add("jo", key: stored).status == 0)
        let original = "[jo]\naws_access_key_id = AKIAINFILEDIFFERS001\naws_secret_access_key = infile0\n"
        try sandbox.home.write(".aws/credentials", original)
        let result = try sandbox.run(["import", "--offline", "--scrub"])
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "failed jo (****************S001): the vault already holds another key for it "
                + "(****************Y001); left in the file (`keyward remove jo` first to replace it)\n")
        #expect(try await sandbox.storedKey("jo")?.accessKeyID == stored.accessKeyID)
        let path = sandbox.home.url.appendingPathComponent(".aws/credentials").path
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
    }
}
