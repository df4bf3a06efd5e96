import Foundation
import KeywardTestSupport
import Testing

/// `keyward exec` end to end: the seeds' MFA-protected admin role through the real AWS CLI.
@Suite(.serialized) struct ExecTests {
    @Test func execWithMFAThenFromTheCacheWithoutCodeOrTerminal() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }

            let first = try fixture.keyward([
                "exec", "admin", "--mfa-token", "123456", "--", "aws", "sts", "get-caller-identity",
            ])
            #expect(first.status == 0, "\(first.stderr)")
            let identity = try ExecFixture.decode(first.stdout)
            #expect(identity["Arn"] == "arn:aws:sts::123456789012:assumed-role/admin/jo")
            #expect(identity["Account"] == "123456789012")

            let before = try fixture.motoRequestCount()
            let second = try fixture.keyward(["exec", "admin", "--", "aws", "sts", "get-caller-identity"])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(try ExecFixture.decode(second.stdout)["Arn"] == "arn:aws:sts::123456789012:assumed-role/admin/jo")
            // Only the AWS CLI's own GetCallerIdentity reached moto: no STS call, no prompt.
            #expect(try fixture.motoRequestCount() - before == 1)

            // Nothing secret in plaintext anywhere under HOME: jo's key, the session's secret and token.
            let exported = try fixture.keyward(["export", "admin", "--format", "credential-process"])
            let session = try ExecFixture.decode(exported.stdout)
            for secret in [
                fixture.account.jo.secretAccessKey.unredacted, session["SecretAccessKey"] ?? "-",
                session["SessionToken"] ?? "-",
            ] {
                #expect(fixture.filesContaining(secret) == [])
            }
        }
    }

    @Test func withoutCodeAndTerminalItNamesTheDeviceAndTheThreeWays() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let result = try fixture.keyward(["exec", "admin", "--", "true"])
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(
                result.stderr
                    == "keyward: profile jo: an MFA code for \(fixture.account.joMFASerial) is needed: pass --mfa-token "
                    + "CODE, set mfa_process in the profile, or run from a terminal to be asked\n")
        }
    }

    @Test func childEnvironmentStatusAndNesting() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let inherited = [
                "AWS_ACCESS_KEY_ID": "AKIAINHERITED0000000", "AWS_SECRET_ACCESS_KEY": "inherited-secret",
                "AWS_SESSION_TOKEN": "inherited-token", "AWS_PROFILE": "someone-else",
                "AWS_DEFAULT_REGION": "eu-west-3",
            ]
            let result = try fixture.keyward(
                ["exec", "admin", "--mfa-token", "123456", "--", "env"], extra: inherited)
            #expect(result.status == 0, "\(result.stderr)")
            var variables: [String: String] = [:]
            for line in result.stdout.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                variables[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            #expect(variables["AWS_ACCESS_KEY_ID"]?.hasPrefix("ASIA") == true)
            #expect(variables["AWS_SECRET_ACCESS_KEY"].map { !$0.isEmpty && $0 != "inherited-secret" } == true)
            #expect(variables["AWS_SESSION_TOKEN"].map { !$0.isEmpty && $0 != "inherited-token" } == true)
            #expect(variables["AWS_CREDENTIAL_EXPIRATION"]?.hasSuffix("Z") == true)
            #expect(variables["AWS_REGION"] == "us-east-1")
            #expect(variables["AWS_DEFAULT_REGION"] == "us-east-1")
            #expect(variables["KEYWARD_PROFILE"] == "admin")
            #expect(variables["AWS_PROFILE"] == nil)

            let status = try fixture.keyward(["exec", "admin", "--", "sh", "-c", "exit 7"])
            #expect(status.status == 7)

            let nested = try fixture.keyward(["exec", "admin", "--", "true"], extra: ["KEYWARD_PROFILE": "admin"])
            #expect(nested.status == 1)
            #expect(
                nested.stderr
                    == "keyward: already inside keyward exec for profile admin; exit that shell first or pass "
                    + "--allow-nested\n")
            let allowed = try fixture.keyward(
                ["exec", "admin", "--allow-nested", "--", "true"], extra: ["KEYWARD_PROFILE": "admin"])
            #expect(allowed.status == 0)

            let shell = try fixture.keyward(["exec", "admin"], extra: ["SHELL": "/usr/bin/true"])
            #expect(shell.status == 0)
        }
    }

    @Test func enforcedRoleChains() async throws {
        // With signatures and policies checked: a role assumed straight from jo's stored key (no MFA session),
        // and the MFA-on-AssumeRole path (the AWS CLI's way, when the source profile names no MFA device).
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                """
                [profile jo]
                region = us-east-1

                [profile readonly]
                role_arn = \(account.readonlyRoleARN)
                source_profile = jo
                role_session_name = jo-reading

                [profile admin]
                role_arn = \(account.adminRoleARN)
                source_profile = jo
                mfa_serial = \(account.joMFASerial)

                """
            }
            defer { fixture.clearSessions() }
            let readonly = try fixture.keyward(["exec", "readonly", "--", "aws", "sts", "get-caller-identity"])
            #expect(readonly.status == 0, "\(readonly.stderr)")
            #expect(
                try ExecFixture.decode(readonly.stdout)["Arn"]
                    == "arn:aws:sts::123456789012:assumed-role/readonly/jo-reading")
            let whoami = try fixture.keyward(["whoami", "readonly"])
            #expect(whoami.status == 0, "\(whoami.stderr)")
            #expect(whoami.stdout.hasPrefix("Arn:     arn:aws:sts::123456789012:assumed-role/readonly/jo-reading\n"))
            // moto refuses jo the MFA-protected admin role even with a code (it does not evaluate the trust
            // policy's MFA condition); the refusal must come back as one line naming the profile.
            let admin = try fixture.keyward(["exec", "admin", "--mfa-token", "123456", "--", "true"])
            #expect(admin.status == 1)
            #expect(admin.stderr.hasPrefix("keyward: profile admin: sts:AssumeRole: AccessDenied: "))
            #expect(admin.stderr.split(separator: "\n").count == 1)
        }
    }
}
