import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// `keyward rotate` run as the built binary against moto with signatures and IAM policies enforced.
///
/// The seeds' `jo` may only `sts:AssumeRole`, so each test first gives jo the IAM self-service permissions
/// rotation needs, with the bootstrap administrator's key, as seed 002's self-service policy does.
@Suite struct RotateTests {
    /// Seed 002 scopes these to `arn:aws:iam::*:user/${aws:username}`; moto matches IAM actions only
    /// against `"*"` resources, so the test policy uses that.
    static let selfService = """
        {"Version": "2012-10-17", "Statement": [{"Sid": "ManageOwnAccessKeys", "Effect": "Allow",
         "Action": ["iam:ListAccessKeys", "iam:CreateAccessKey", "iam:DeleteAccessKey"], "Resource": "*"}]}
        """
    static let denyDelete = """
        {"Version": "2012-10-17", "Statement": [{"Sid": "NoKeyDeletion", "Effect": "Deny",
         "Action": "iam:DeleteAccessKey", "Resource": "*"}]}
        """

    /// Everything a rotation test needs: moto, the seeded account, a sandbox with jo's key added.
    struct World {
        var moto: MotoServer
        var account: SeedAccount
        var sandbox: VaultSandbox

        var iamAsBootstrap: IAMClient {
            get throws {
                IAMClient(
                    client: QueryClient(
                        endpoint: try .iam(region: "us-east-1", override: moto.endpoint.absoluteString)),
                    credentials: account.bootstrap)
            }
        }

        var sts: STSClient {
            get throws {
                STSClient(
                    client: QueryClient(endpoint: try .sts(region: "us-east-1", override: moto.endpoint.absoluteString))
                )
            }
        }

        /// `iam:PutUserPolicy` on jo with the bootstrap key (boto3: KeywardAWS has no policy-writing call).
        func putJoPolicy(name: String, document: String) throws {
            let code = """
                import sys, boto3
                boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1").put_user_policy(
                    UserName="jo", PolicyName=sys.argv[2], PolicyDocument=sys.stdin.read())
                """
            let result = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                ["python3", "-c", code, moto.endpoint.absoluteString, name],
                environment: [
                    "AWS_ACCESS_KEY_ID": account.bootstrap.accessKeyID,
                    "AWS_SECRET_ACCESS_KEY": account.bootstrap.secretAccessKey.unredacted,
                ], stdin: document)
            guard result.status == 0 else { throw TestSupportError.fixtureFailed("put_user_policy: \(result.stderr)") }
        }

        /// Whether `key` answers `sts:GetCallerIdentity`, and as whom.
        func identity(of key: AWSCredentials) async throws -> String? {
            do {
                return try await sts.getCallerIdentity(credentials: key).arn
            } catch {
                return nil
            }
        }

        func joKeyIDs() async throws -> [String] {
            try await iamAsBootstrap.listAccessKeys(userName: "jo").map(\.accessKeyID)
        }
    }

    static func withWorld(selfService: Bool = true, _ body: (World) async throws -> Void) async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let world = World(moto: moto, account: try moto.seedAccount(), sandbox: try VaultSandbox(moto: moto))
            if selfService { try world.putJoPolicy(name: "self-service", document: Self.selfService) }
            let added = try world.sandbox.add("jo", key: world.account.jo)
            #expect(added.status == 0)
            try await body(world)
        }
    }

    static func masked(_ id: String) -> String { String(repeating: "*", count: 16) + id.suffix(4) }

    @Test func rotatesEndToEnd() async throws {
        try await Self.withWorld { world in
            let old = world.account.jo
            let rotated = try world.sandbox.run(["rotate", "jo"])
            #expect(rotated.status == 0)
            let stored = try #require(try await world.sandbox.storedKey("jo"))
            let new = AWSCredentials(
                accessKeyID: stored.accessKeyID, secretAccessKey: SecretString(stored.secretAccessKey.unredacted))
            #expect(new.accessKeyID != old.accessKeyID)
            #expect(new.accessKeyID.hasPrefix("AKIA"))
            #expect(
                rotated.stdout
                    == "Rotated profile jo (user jo): new key \(Self.masked(new.accessKeyID)) stored in file (kept "
                    + "across reboots), old key "
                    + "\(Self.masked(old.accessKeyID)) deleted\n")
            #expect(
                rotated.stderr
                    == "keyward: Created the new key \(Self.masked(new.accessKeyID)) for user jo; waiting for it to work\n"
                    + "keyward: Stored the new key \(Self.masked(new.accessKeyID)) for profile jo\n")

            // The new key works, the old one is gone, and IAM holds exactly the stored key.
            #expect(try await world.identity(of: new) == world.account.joARN)
            #expect(try await world.identity(of: old) == nil)
            #expect(try await world.joKeyIDs() == [new.accessKeyID])

            let list = try world.sandbox.run(["list"])
            #expect(list.stdout.contains("jo       \(Self.masked(new.accessKeyID))  file"))
            #expect(world.sandbox.filesContaining(stored.secretAccessKey.unredacted) == [])
            #expect(!rotated.stdout.contains(stored.secretAccessKey.unredacted))
            #expect(!rotated.stderr.contains(stored.secretAccessKey.unredacted))

            // The stored key is the one a second rotation signs with.
            let second = try world.sandbox.run(["rotate", "jo"])
            #expect(second.status == 0)
            let third = try #require(try await world.sandbox.storedKey("jo"))
            #expect(try await world.joKeyIDs() == [third.accessKeyID])
        }
    }

    @Test func whenDeleteAccessKeyFailsTheNewKeyStaysStoredAndTheOldIdIsNamed() async throws {
        try await Self.withWorld { world in
            try world.putJoPolicy(name: "no-key-deletion", document: Self.denyDelete)
            let old = world.account.jo
            let rotated = try world.sandbox.run(["rotate", "jo"])
            #expect(rotated.status == 1)
            #expect(rotated.stdout == "")
            let stored = try #require(try await world.sandbox.storedKey("jo"))
            let new = AWSCredentials(
                accessKeyID: stored.accessKeyID, secretAccessKey: SecretString(stored.secretAccessKey.unredacted))
            #expect(new.accessKeyID != old.accessKeyID)
            #expect(try await world.identity(of: new) == world.account.joARN)
            #expect(Set(try await world.joKeyIDs()) == [old.accessKeyID, new.accessKeyID])

            let lines = rotated.stderr.split(separator: "\n").map(String.init)
            #expect(lines.count == 3)
            let message = try #require(lines.last)
            #expect(
                message.hasPrefix(
                    "keyward: profile jo: the new key \(Self.masked(new.accessKeyID)) is stored and works, but the old "
                        + "key \(old.accessKeyID) was not deleted (iam:DeleteAccessKey: AccessDenied: "))
            #expect(
                message.hasSuffix(
                    "; left to clean up: aws iam delete-access-key --user-name jo --access-key-id \(old.accessKeyID)"))
            #expect(!rotated.stderr.contains(stored.secretAccessKey.unredacted))
            #expect(!rotated.stderr.contains(old.secretAccessKey.unredacted))
        }
    }

    @Test func refusesBeforeChangingAnythingWhenTheUserHasTwoKeys() async throws {
        try await Self.withWorld { world in
            _ = try await world.iamAsBootstrap.createAccessKey(userName: "jo")
            let before = try await world.joKeyIDs()
            #expect(before.count == 2)
            let rotated = try world.sandbox.run(["rotate", "jo"])
            #expect(rotated.status == 1)
            #expect(rotated.stdout == "")
            #expect(
                rotated.stderr
                    == "keyward: profile jo: user jo already has 2 access keys (\(before.joined(separator: ", "))), "
                    + "the most IAM allows; delete the one not in use and run keyward rotate jo again; nothing was "
                    + "changed\n")
            #expect(try await world.joKeyIDs() == before)
            let stored = try await world.sandbox.storedKey("jo")
            #expect(stored?.accessKeyID == world.account.jo.accessKeyID)
            #expect(stored?.secretAccessKey.unredacted == world.account.jo.secretAccessKey.unredacted)
        }
    }

    /// A profile with `mfa_serial` rotates through an MFA session. moto never registers the keys its
    /// GetSessionToken returns, so this runs with its checks off (KeyRotationTests checks which key signs what).
    @Test func withMFASerialTheCodeIsRequiredAndTheRotationCompletes() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            let sandbox = try VaultSandbox(moto: moto)
            try sandbox.home.write(
                ".aws/config", "[profile jo]\nregion = us-east-1\nmfa_serial = \(account.joMFASerial)\n")
            #expect(try sandbox.add("jo", key: account.jo).status == 0)

            let noCode = try sandbox.runWithoutTerminal(["rotate", "jo"])
            #expect(noCode.status == 1)
            #expect(noCode.stderr.contains(account.joMFASerial))
            #expect(try await sandbox.storedKey("jo")?.accessKeyID == account.jo.accessKeyID)

            let rotated = try sandbox.run(["rotate", "jo", "--mfa-token", "123456"])
            #expect(rotated.status == 0, "\(rotated.stderr)")
            let stored = try #require(try await sandbox.storedKey("jo"))
            #expect(stored.accessKeyID != account.jo.accessKeyID)
            #expect(rotated.stdout.hasSuffix("old key \(Self.masked(account.jo.accessKeyID)) deleted\n"))

            let unneeded = try sandbox.run(["rotate", "dev", "--mfa-token", "123456"])
            #expect(unneeded.status == 1)
            #expect(unneeded.stderr == "keyward: profile dev has no mfa_serial in the config; --mfa-token needs one\n")
        }
    }

    @Test func withoutIAMPermissionsOrAStoredKeyNothingChanges() async throws {
        try await Self.withWorld(selfService: false) { world in
            let rotated = try world.sandbox.run(["rotate", "jo"])
            #expect(rotated.status == 1)
            #expect(
                rotated.stderr.hasPrefix(
                    "keyward: profile jo: cannot list the access keys of user jo (iam:ListAccessKeys: AccessDenied: "))
            #expect(rotated.stderr.hasSuffix("); nothing was changed\n"))
            #expect(try await world.joKeyIDs() == [world.account.jo.accessKeyID])
            #expect(try await world.sandbox.storedKey("jo")?.accessKeyID == world.account.jo.accessKeyID)

            let missing = try world.sandbox.run(["rotate", "nobody"])
            #expect(missing.status == 1)
            #expect(
                missing.stderr == "keyward: profile nobody: no access key is stored; run keyward add nobody first\n")
        }
    }
}
