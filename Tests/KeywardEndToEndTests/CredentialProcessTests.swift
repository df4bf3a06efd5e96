import Foundation
import KeywardTestSupport
import Testing

/// `credential_process = keyward export --format credential-process admin`: the AWS CLI and boto3 get the
/// admin role from Keyward's cache.
@Suite(.serialized) struct CredentialProcessTests {
    @Test func awsCLIAndBoto3ReadKeywardThroughCredentialProcess() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                ExecFixture.seedConfig(account) + """
                    [profile via-keyward]
                    region = us-east-1
                    credential_process = \(KeywardCLI.binary.path) export --format credential-process admin

                    """
            }
            defer { fixture.clearSessions() }
            let primed = try fixture.keyward([
                "export", "admin", "--format", "credential-process", "--mfa-token", "123456",
            ])
            #expect(primed.status == 0, "\(primed.stderr)")
            let document = try ExecFixture.decode(primed.stdout)
            #expect(document["Version"] == "1")
            #expect(document["AccessKeyId"]?.hasPrefix("ASIA") == true)
            #expect(document["Expiration"]?.hasSuffix("Z") == true)

            let cli = try fixture.program(["aws", "sts", "get-caller-identity", "--profile", "via-keyward"])
            #expect(cli.status == 0, "\(cli.stderr)")
            #expect(try ExecFixture.decode(cli.stdout)["Arn"] == "arn:aws:sts::123456789012:assumed-role/admin/jo")

            let script = """
                import boto3
                session = boto3.Session(profile_name="via-keyward")
                print(session.client("sts").get_caller_identity()["Arn"])
                """
            let boto = try fixture.program(["python3", "-c", script])
            #expect(boto.status == 0, "\(boto.stderr)")
            #expect(boto.stdout == "arn:aws:sts::123456789012:assumed-role/admin/jo\n")
        }
    }

    @Test func mfaProcessSuppliesTheCode() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                ExecFixture.seedConfig(account).replacingOccurrences(
                    of: "[profile jo]\n", with: "[profile jo]\nmfa_process = echo 123456\n")
            }
            defer { fixture.clearSessions() }
            let result = try fixture.keyward(["exec", "admin", "--", "aws", "sts", "get-caller-identity"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try ExecFixture.decode(result.stdout)["Arn"] == "arn:aws:sts::123456789012:assumed-role/admin/jo")
        }
    }
}
