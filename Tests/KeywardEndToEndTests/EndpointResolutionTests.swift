import Foundation
import KeywardTestSupport
import Testing

/// Issue 13 item 1: every command that calls AWS asks the one resolver where to go, so they all honour the
/// same settings. The winning setting (`AWS_ENDPOINT_URL_STS`/`_IAM`) points at a recording proxy in front
/// of moto; every losing one (`AWS_ENDPOINT_URL`, the profile's `[services]` section and `endpoint_url`) at a
/// closed port, so a command that read a copy of the rules would fail there.
@Suite struct EndpointResolutionTests {
    static func world(_ moto: MotoServer) throws -> (TemporaryHome, [String: String], SeedAccount, RecordingProxy) {
        let account = try moto.seedAccount()
        let home = try TemporaryHome()
        let proxy = try RecordingProxy(forwardingTo: moto.endpoint)
        let dead = "http://127.0.0.1:\(try FreePort.find())"
        try home.write(
            ".aws/config",
            """
            [profile jo]
            endpoint_url = \(dead)
            services = elsewhere

            [services elsewhere]
            sts =
              endpoint_url = \(dead)
            iam =
              endpoint_url = \(dead)

            """)
        try home.write(
            ".aws/credentials",
            "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
        try CheapVault.create(keywardHome: home.url.path + "/keyward", passphrase: "test passphrase")
        let environment = [
            "HOME": home.url.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "KEYWARD_HOME": home.url.path + "/keyward", "KEYWARD_BACKEND": "file",
            "KEYWARD_FILE_PASSPHRASE": "test passphrase", "AWS_REGION": "eu-west-3",
            "AWS_ENDPOINT_URL": dead, "AWS_ENDPOINT_URL_STS": proxy.endpoint.absoluteString,
            "AWS_ENDPOINT_URL_IAM": proxy.endpoint.absoluteString,
        ]
        return (home, environment, account, proxy)
    }

    static func keyward(
        _ arguments: [String], _ environment: [String: String], stdin: String? = nil
    ) throws
        -> KeywardCLI.Result
    {
        try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/setsid"), ["--wait", KeywardCLI.binary.path] + arguments,
            environment: environment, stdin: stdin ?? "", timeout: 90)
    }

    @Test func everyAWSCallingCommandReachesTheSameEndpoint() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let (home, environment, account, proxy) = try Self.world(moto)
            defer { proxy.stop() }
            _ = try SamlTests.prepare(moto, home: home)
            let saml = SAMLFixture.base64(
                SAMLFixture.response(
                    roles: ["\(SamlTests.provider),\(SamlTests.role)"], notBefore: SamlTests.stamp(-60),
                    notOnOrAfter: SamlTests.stamp(300)))
            var asEnvironment = environment
            asEnvironment["AWS_ACCESS_KEY_ID"] = account.jo.accessKeyID
            asEnvironment["AWS_SECRET_ACCESS_KEY"] = account.jo.secretAccessKey.unredacted
            let runs: [(name: String, arguments: [String], environment: [String: String], stdin: String?)] = [
                ("import", ["import", "--profile", "jo"], environment, nil),
                ("whoami", ["whoami", "jo"], environment, nil),
                ("whoami, no profile", ["whoami"], asEnvironment, nil),
                ("export", ["export", "jo", "--format", "json"], environment, nil),
                // A session of another length than export's, so exec fetches one of its own.
                ("exec", ["exec", "jo", "--duration", "2h", "--", "/bin/true"], environment, nil),
                (
                    "assume", ["assume", account.adminRoleARN, "s1", "--source-profile", "jo", "--profile", "out"],
                    environment, nil
                ),
                ("roles", ["roles", "jo"], environment, nil),
                ("policy can", ["policy", "can", "jo", "iam:ListRoles"], environment, nil),
                ("saml", ["saml", "--profile", "sso", "--role-arn", SamlTests.role], environment, saml),
                ("rotate", ["rotate", "jo"], environment, nil),
            ]
            var seen = 0
            for run in runs {
                let result = try Self.keyward(run.arguments, run.environment, stdin: run.stdin)
                // `policy can` answers 1 for a deny: the call was made either way.
                #expect(
                    result.status == 0 || (run.name == "policy can" && result.status == 1),
                    "\(run.name): \(result.stderr)")
                let records = try proxy.records()
                #expect(records.count > seen, "\(run.name) never reached the configured endpoint")
                seen = records.count
            }
            let records = try proxy.records()
            // Every STS call signs for the environment's region; IAM for its partition's home region.
            for record in records where record.service == "sts" { #expect(record.region == "eu-west-3") }
            for record in records where record.service == "iam" { #expect(record.region == "us-east-1") }
            let actions = Set(records.compactMap(\.action))
            for action in [
                "GetCallerIdentity", "GetSessionToken", "AssumeRole", "AssumeRoleWithSAML", "ListRoles",
                "GetAccountAuthorizationDetails", "CreateAccessKey", "DeleteAccessKey",
            ] {
                #expect(actions.contains(action), "no \(action) went through the configured endpoint")
            }
        }
    }

    /// Issue 21 item 12: `assume --source-profile jo --mfa-token C` takes jo's mfa_serial; without one anywhere
    /// the code is refused in one line naming the profile.
    @Test func assumeReusesTheSourceProfilesMFASerial() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let (home, environment, account, proxy) = try Self.world(moto)
            defer { proxy.stop() }
            try home.write(
                ".aws/config",
                "[profile jo]\nmfa_serial = \(account.joMFASerial)\n\n[profile plain]\nregion = eu-west-3\n")
            try home.write(
                ".aws/credentials",
                "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\naws_secret_access_key = "
                    + "\(account.jo.secretAccessKey.unredacted)\n[plain]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                    + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
            let assumed = try Self.keyward(
                [
                    "assume", account.adminRoleARN, "s1", "--source-profile", "jo", "--mfa-token", "123456",
                    "--profile",
                    "out",
                ], environment)
            #expect(assumed.status == 0, "\(assumed.stderr)")
            let call = try proxy.records().last { $0.action == "AssumeRole" }
            #expect(call?.serialNumber == account.joMFASerial)
            let refused = try Self.keyward(
                [
                    "assume", account.adminRoleARN, "s1", "--source-profile", "plain", "--mfa-token", "123456",
                    "--profile", "out",
                ], environment)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("profile plain has no mfa_serial"), "\(refused.stderr)")
        }
    }

    /// A bad `AWS_STS_REGIONAL_ENDPOINTS` is refused the same way by every command, with or without a config
    /// profile: before, only `rotate` read it when no profile applied.
    @Test func everyCommandReadsTheSameSTSEndpointMode() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            var (home, environment, _, proxy) = try Self.world(moto)
            defer { proxy.stop() }
            environment["AWS_STS_REGIONAL_ENDPOINTS"] = "bogus"
            _ = home
            for arguments in [
                ["whoami", "jo"], ["roles", "jo"],
                ["assume", "arn:aws:iam::123456789012:role/x", "s1", "--profile", "o"],
                ["rotate", "vaultonly"], ["policy", "can", "jo", "iam:ListRoles"],
            ] {
                var run = environment
                run["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE"
                run["AWS_SECRET_ACCESS_KEY"] = "secret"
                let result = try Self.keyward(arguments, run)
                #expect(result.status != 0, "\(arguments)")
                #expect(result.stderr.contains("AWS_STS_REGIONAL_ENDPOINTS"), "\(arguments): \(result.stderr)")
            }
            #expect(try proxy.records().isEmpty)
        }
    }
}
