import Foundation
import KeywardTestSupport
import Testing

/// `keyward whoami` against moto with signature and policy checks on, run as the built binary.
@Suite struct WhoamiTests {
    static func environment(_ moto: MotoServer, home: URL) -> [String: String] {
        ["HOME": home.path, "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_REGION": "us-east-1"]
    }

    @Test func printsTheCallerFromEnvironmentKeysAndNamesTheSignatureProblem() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            var environment = Self.environment(moto, home: home.url)
            environment["AWS_ACCESS_KEY_ID"] = account.jo.accessKeyID
            environment["AWS_SECRET_ACCESS_KEY"] = account.jo.secretAccessKey.unredacted

            let result = try KeywardCLI.run(["whoami"], environment: environment)
            #expect(result.status == 0)
            #expect(result.stderr == "")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "Arn:     arn:aws:iam::123456789012:user/jo")
            #expect(lines.dropFirst().first == "Account: 123456789012")
            #expect(lines.count == 3)

            environment["AWS_SECRET_ACCESS_KEY"] = "wrong-secret-value"
            let wrong = try KeywardCLI.run(["whoami"], environment: environment)
            #expect(wrong.status == 1)
            #expect(wrong.stdout == "")
            #expect(wrong.stderr.hasPrefix("keyward: sts:GetCallerIdentity: SignatureDoesNotMatch"))
            #expect(wrong.stderr.split(separator: "\n").count == 1)
            #expect(!wrong.stderr.contains("wrong-secret-value"))
            #expect(!wrong.stderr.contains(account.jo.secretAccessKey.unredacted))
        }
    }

    @Test func readsANamedProfileFromTheCredentialsFile() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            try home.write(
                ".aws/credentials",
                "# team keys\n[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                    + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
            try home.write(".aws/config", "[profile jo]\nregion = eu-west-1\n")
            let result = try KeywardCLI.run(
                ["whoami", "jo", "--json"], environment: Self.environment(moto, home: home.url))
            #expect(result.status == 0)
            let identity = try JSONDecoder().decode([String: String].self, from: Data(result.stdout.utf8))
            #expect(identity["arn"] == account.joARN)
            // Issue 21, item 15: ARNs as they are, not `user\/jo`.
            #expect(result.stdout.contains(account.joARN))

            let missing = try KeywardCLI.run(["whoami", "nobody"], environment: Self.environment(moto, home: home.url))
            #expect(missing.status == 1)
            #expect(missing.stderr.hasPrefix("keyward: "))
            #expect(missing.stderr.contains("nobody"))
        }
    }
}
