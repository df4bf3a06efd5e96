import Foundation
import KeywardTestSupport
import Testing

/// `keyward roles` against moto with policies enforced: the administrator lists the account's roles with
/// their trust analysed; jo, who may only sts:AssumeRole, falls back to the roles his config names.
@Suite struct RolesTests {
    static let config = """
        [profile jo]
        region = us-east-1
        [profile admin]
        role_arn = arn:aws:iam::123456789012:role/admin
        source_profile = jo
        mfa_serial = arn:aws:iam::123456789012:mfa/jo
        [profile ro]
        role_arn = arn:aws:iam::123456789012:role/readonly
        source_profile = jo

        """

    @Test func theAdministratorSeesEveryRoleAndWhichOnesItMayAssume() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            try home.write(".aws/config", Self.config)
            var environment = AssumeTests.environment(moto, home: home.url)
            environment["AWS_ACCESS_KEY_ID"] = account.bootstrap.accessKeyID
            environment["AWS_SECRET_ACCESS_KEY"] = account.bootstrap.secretAccessKey.unredacted

            let result = try KeywardCLI.run(["roles"], environment: environment)
            #expect(result.status == 0)
            #expect(result.stderr == "")
            #expect(
                result.stdout == """
                    ASSUMABLE  MFA  EXTERNAL-ID  ROLE                                     PROFILES
                    yes        yes  no           arn:aws:iam::123456789012:role/admin     admin
                    no         no   no           arn:aws:iam::123456789012:role/readonly  ro

                    """)

            let json = try KeywardCLI.run(["roles", "--json"], environment: environment)
            #expect(!json.stdout.contains("\\/"), "slashes escaped: \(json.stdout)")
            struct Row: Decodable, Equatable {
                var name: String
                var source: String
                var assumable: Bool?
                var requiresMFA: Bool?
                var maxSessionDuration: Int?
            }
            let rows = try JSONDecoder().decode([Row].self, from: Data(json.stdout.utf8))
            #expect(
                rows == [
                    Row(
                        name: "admin", source: "iam:ListRoles", assumable: true, requiresMFA: true,
                        maxSessionDuration: 3600),
                    Row(
                        name: "readonly", source: "iam:ListRoles", assumable: false, requiresMFA: false,
                        maxSessionDuration: 3600),
                ])
        }
    }

    @Test func joFallsBackToTheRolesTheConfigNames() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            try home.write(".aws/config", Self.config)
            try home.write(
                ".aws/credentials",
                "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                    + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
            let result = try KeywardCLI.run(
                ["roles", "jo"], environment: AssumeTests.environment(moto, home: home.url))
            #expect(result.status == 0)
            #expect(
                result.stderr
                    == "keyward: iam:ListRoles is denied to arn:aws:iam::123456789012:user/jo; listing the roles named in the config\n"
            )
            #expect(
                result.stdout == """
                    ASSUMABLE  MFA  EXTERNAL-ID  ROLE                                     PROFILES
                    ?          ?    ?            arn:aws:iam::123456789012:role/admin     admin
                    ?          ?    ?            arn:aws:iam::123456789012:role/readonly  ro

                    """)
        }
    }
}
