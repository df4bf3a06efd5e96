import Foundation
import KeywardTestSupport
import Testing

/// `keyward policy can`: the caller's policies fetched from IAM on moto, decided and explained locally.
///
/// Runs go through `setsid` (no controlling terminal), so a run that would prompt fails instead of waiting.
@Suite struct PolicyCanTests {
    static func environment(_ moto: MotoServer, _ home: TemporaryHome) -> [String: String] {
        [
            "HOME": home.url.path, "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_REGION": "us-east-1",
            "KEYWARD_HOME": home.url.appendingPathComponent("keyward").path, "KEYWARD_BACKEND": "file",
            "KEYWARD_FILE_PASSPHRASE": "test passphrase",
        ]
    }

    static func keyward(_ arguments: [String], _ environment: [String: String]) throws -> KeywardCLI.Result {
        try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/setsid"), ["--wait", KeywardCLI.binary.path] + arguments,
            environment: environment, timeout: 60)
    }

    static func writeProfiles(_ home: TemporaryHome, _ account: SeedAccount) throws {
        try home.write(
            ".aws/credentials",
            "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
        try home.write(
            ".aws/config",
            "[profile jo]\nregion = us-east-1\n\n"
                + "[profile admin]\nrole_arn = \(account.adminRoleARN)\nsource_profile = jo\n"
                + "mfa_serial = \(account.joMFASerial)\n")
    }

    // moto's GetSessionToken hands out credentials it never registers, so an MFA-session chain only works with
    // moto's access control off (see ExecFixture); real STS accepts them.
    @Test func explainsTheRoleSessionsOwnPolicies() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            try Self.writeProfiles(home, account)
            let admin = try Self.keyward(
                [
                    "policy", "can", "admin", "iam:DeleteUser", "arn:aws:iam::123456789012:user/jo", "--mfa-token",
                    "123456",
                ],
                Self.environment(moto, home))
            #expect(admin.status == 0, "\(admin.stderr)")
            #expect(admin.stdout.hasPrefix("allowed: an identity-based policy allows it\n"))
            #expect(admin.stdout.contains("principal: arn:aws:sts::123456789012:assumed-role/admin/jo"))
            #expect(admin.stdout.contains("  administrator Statement[0] Allow\n"))
        }
    }

    /// Issues 12 item 9 and 21 item 9: the context comes from the session Keyward holds. After `exec admin`
    /// with an MFA code, `can admin` sees MFA present (and its age, the token's issue time), so seed 002's
    /// `BoolIfExists aws:MultiFactorAuthPresent false` Deny does not fire; jo's long-lived key carries no MFA
    /// key at all, so it does.
    @Test func theHeldSessionsMFAIsInTheContext() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            let setup = """
                import json, sys, boto3
                iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
                deny = {"Version": "2012-10-17", "Statement": [
                    {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                     "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
                    {"Effect": "Deny", "Action": "s3:*", "Resource": "*",
                     "Condition": {"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}},
                    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
                iam.put_role_policy(RoleName="admin", PolicyName="mfa-only", PolicyDocument=json.dumps(deny))
                iam.put_user_policy(UserName="jo", PolicyName="mfa-only", PolicyDocument=json.dumps(deny))
                """
            let prepared = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                ["python3", "-c", setup, moto.endpoint.absoluteString],
                environment: ["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "x"])
            #expect(prepared.status == 0, "\(prepared.stderr)")
            let home = try TemporaryHome()
            try Self.writeProfiles(home, account)
            let environment = Self.environment(moto, home)
            #expect(
                try Self.keyward(["exec", "admin", "--mfa-token", "123456", "--", "/bin/true"], environment).status == 0
            )
            let admin = try Self.keyward(["policy", "can", "admin", "s3:GetObject", "arn:aws:s3:::b/k"], environment)
            #expect(admin.status == 0, "\(admin.stdout)\(admin.stderr)")
            #expect(admin.stdout.hasPrefix("allowed"))
            let jo = try Self.keyward(["policy", "can", "jo", "s3:GetObject", "arn:aws:s3:::b/k"], environment)
            #expect(jo.status == 1, "\(jo.stdout)\(jo.stderr)")
            #expect(jo.stdout.hasPrefix("explicitDeny"), "\(jo.stdout)")
        }
    }

    /// jo may read its own entity but not the whole account: `can` falls back to the per-entity calls and
    /// still sees jo's inline, attached and group policies.
    @Test func withoutTheAccountWideReadTheCallersOwnEntityIsRead() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let setup = """
                import json, sys, boto3
                iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
                def doc(effect, actions):
                    return json.dumps({"Version": "2012-10-17",
                                       "Statement": [{"Effect": effect, "Action": actions, "Resource": "*"}]})
                iam.put_user_policy(UserName="jo", PolicyName="self-read", PolicyDocument=doc("Allow", [
                    "iam:GetUser", "iam:ListUserPolicies", "iam:GetUserPolicy", "iam:ListAttachedUserPolicies",
                    "iam:ListGroupsForUser", "iam:ListGroupPolicies", "iam:GetGroupPolicy",
                    "iam:ListAttachedGroupPolicies", "iam:GetPolicy", "iam:GetPolicyVersion"]))
                iam.put_user_policy(UserName="jo", PolicyName="no-account-read",
                                    PolicyDocument=doc("Deny", "iam:GetAccountAuthorizationDetails"))
                arn = iam.create_policy(PolicyName="s3-read", PolicyDocument=doc("Allow", "s3:GetObject"))["Policy"]["Arn"]
                iam.attach_user_policy(UserName="jo", PolicyArn=arn)
                iam.create_group(GroupName="devs")
                iam.add_user_to_group(GroupName="devs", UserName="jo")
                iam.put_group_policy(GroupName="devs", PolicyName="ec2-describe",
                                     PolicyDocument=doc("Allow", "ec2:Describe*"))
                """
            let prepared = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                ["python3", "-c", setup, moto.endpoint.absoluteString],
                environment: [
                    "AWS_ACCESS_KEY_ID": account.bootstrap.accessKeyID,
                    "AWS_SECRET_ACCESS_KEY": account.bootstrap.secretAccessKey.unredacted,
                ])
            #expect(prepared.status == 0, "\(prepared.stderr)")
            let home = try TemporaryHome()
            try Self.writeProfiles(home, account)
            let environment = Self.environment(moto, home)

            let s3 = try Self.keyward(["policy", "can", "jo", "s3:GetObject", "arn:aws:s3:::bucket/key"], environment)
            #expect(s3.status == 0, "\(s3.stderr)")
            #expect(s3.stdout.hasPrefix("allowed: an identity-based policy allows it\n"))
            #expect(s3.stdout.contains("arn:aws:iam::123456789012:policy/s3-read Statement[0] Allow"))

            let ec2 = try Self.keyward(["policy", "can", "jo", "ec2:DescribeInstances", "*"], environment)
            #expect(ec2.status == 0, "\(ec2.stderr)")
            #expect(ec2.stdout.hasPrefix("allowed: an identity-based policy allows it\n"))
            #expect(ec2.stdout.contains("devs/ec2-describe Statement[0] Allow"))

            let details = try Self.keyward(
                ["policy", "can", "jo", "iam:GetAccountAuthorizationDetails", "*"], environment)
            #expect(details.stdout.hasPrefix("explicitDeny: "))

            let other = try Self.keyward(
                ["policy", "can", "jo", "s3:PutObject", "arn:aws:s3:::bucket/key"], environment)
            #expect(other.stdout.hasPrefix("implicitDeny: "))
        }
    }

    /// Gives jo an inline policy allowing `actions` on everything (moto's access control is off).
    static func allowJo(_ actions: [String], _ moto: MotoServer, _ account: SeedAccount) throws {
        let setup = """
            import json, sys, boto3
            iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
            iam.put_user_policy(UserName="jo", PolicyName="granted", PolicyDocument=json.dumps({
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": sys.argv[2].split(","), "Resource": "*"}]}))
            """
        let prepared = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", setup, moto.endpoint.absoluteString, actions.joined(separator: ",")],
            environment: [
                "AWS_ACCESS_KEY_ID": account.bootstrap.accessKeyID,
                "AWS_SECRET_ACCESS_KEY": account.bootstrap.secretAccessKey.unredacted,
            ])
        #expect(prepared.status == 0, "\(prepared.stderr)")
    }

    /// Item 2: another account's queue is judged cross-account from its ARN, so jo's identity policy alone
    /// does not allow it (IAM User Guide, "Cross-account policy evaluation logic": "the resource-based
    /// policy in AccountB must allow the requester in AccountA to access the resource").
    @Test func resourceAccountComesFromTheARN() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            try Self.allowJo(["sqs:SendMessage"], moto, account)
            let home = try TemporaryHome()
            try Self.writeProfiles(home, account)
            let environment = Self.environment(moto, home)
            let other = try Self.keyward(
                ["policy", "can", "jo", "sqs:SendMessage", "arn:aws:sqs:us-east-1:999999999999:q"], environment)
            #expect(
                other.stdout.hasPrefix("implicitDeny: cross-account: the resource-based policy does not allow it\n"))
            #expect(other.stdout.contains("resource account: 999999999999\n"))
            let own = try Self.keyward(
                ["policy", "can", "jo", "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q"], environment)
            #expect(own.stdout.hasPrefix("allowed: an identity-based policy allows it\n"), "\(own.stderr)")
        }
    }

    /// Item 11: `policy can` exits 0 when allowed, 1 when denied (implicitly or explicitly), 2 on an error.
    @Test func exitStatusFollowsTheDecision() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            try Self.allowJo(["s3:GetObject", "iam:*"], moto, account)
            let home = try TemporaryHome()
            try Self.writeProfiles(home, account)
            let environment = Self.environment(moto, home)
            let allowed = try Self.keyward(["policy", "can", "jo", "s3:GetObject", "arn:aws:s3:::b/k"], environment)
            #expect(allowed.status == 0, "\(allowed.stderr)")
            #expect(allowed.stderr == "")
            let denied = try Self.keyward(["policy", "can", "jo", "s3:PutObject", "arn:aws:s3:::b/k"], environment)
            #expect(denied.status == 1)
            #expect(denied.stdout.hasPrefix("implicitDeny: no policy allows it\n"))
            #expect(denied.stderr == "keyward: implicitDeny (no policy allows it)\n")
            let missing = try Self.keyward(["policy", "can", "nobody", "s3:GetObject"], environment)
            #expect(missing.status == 2)
            #expect(missing.stdout == "")
        }
    }

    @Test func aCallerThatMayNotReadIAMGetsOneClearLine() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            try Self.writeProfiles(home, account)
            // jo may only sts:AssumeRole: iam:GetAccountAuthorizationDetails is refused by moto's policy check.
            let jo = try Self.keyward(["policy", "can", "jo", "s3:GetObject", "*"], Self.environment(moto, home))
            // An error exits 2 (it exited 1), apart from 1 for a denied request.
            #expect(jo.status == 2)
            #expect(jo.stdout == "")
            #expect(jo.stderr.hasPrefix("keyward: iam:GetAccountAuthorizationDetails: AccessDenied"))
            #expect(jo.stderr.contains("; the caller's own entity neither: iam:GetUser: AccessDenied"))
            #expect(jo.stderr.split(separator: "\n").count == 1)
            #expect(!jo.stderr.contains(account.jo.secretAccessKey.unredacted))
        }
    }
}
