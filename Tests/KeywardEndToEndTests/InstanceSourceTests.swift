import Foundation
import KeywardTestSupport
import Testing

/// Issue 20: role chains that start on an instance or in a container (`credential_source = Ec2InstanceMetadata
/// | EcsContainer`). The "instance" is Keyward's own `serve --ec2` / `serve --ecs` of jo's key on loopback; the
/// role is assumed on moto with the served credentials, through a recording proxy that counts the STS calls of
/// the `export` alone and records which key signed them.
@Suite struct InstanceSourceTests {
    /// What boto3 gets from the endpoint on its own: the served access key.
    static let servedKeyProgram = """
        import boto3
        print(boto3.Session().get_credentials().access_key)
        """

    struct World {
        let moto: MotoServer
        let account: SeedAccount
        let home: TemporaryHome
        let server: RunningServer
        let proxy: RecordingProxy
        /// The environment of a program on the "instance": the endpoint's variables, no AWS keys.
        let environment: [String: String]
    }

    static func world(_ moto: MotoServer, mode: String) throws -> World {
        let account = try moto.seedAccount()
        let home = try TemporaryHome()
        try home.write(
            ".aws/credentials",
            "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
        try home.write(
            ".aws/config",
            "[profile jo]\nregion = us-east-1\n\n"
                + "[profile ec2role]\nrole_arn = \(account.readonlyRoleARN)\ncredential_source = Ec2InstanceMetadata\n"
                + "role_session_name = from-instance\nregion = us-east-1\n\n"
                + "[profile taskrole]\nrole_arn = \(account.readonlyRoleARN)\ncredential_source = EcsContainer\n"
                + "role_session_name = from-container\nregion = us-east-1\n")
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        // The server has its own Keyward home, so its sessions never answer the export's lookups.
        let server = try RunningServer(
            ["serve", "jo", mode],
            environment: [
                "HOME": home.url.path, "PATH": path, "AWS_ENDPOINT_URL": moto.endpoint.absoluteString,
                "KEYWARD_HOME": home.url.path + "/keyward-server", "KEYWARD_BACKEND": "file",
                "KEYWARD_FILE_PASSPHRASE": "test passphrase",
            ])
        // Without the endpoint's variables the defaults would be the link-local addresses: never in a test.
        let endpointVariable =
            mode == "--ec2" ? "AWS_EC2_METADATA_SERVICE_ENDPOINT" : "AWS_CONTAINER_CREDENTIALS_FULL_URI"
        let endpoint = try #require(server.exports[endpointVariable], "keyward serve \(mode) printed no endpoint")
        try #require(endpoint.hasPrefix("http://127.0.0.1:"), "not a loopback endpoint: \(endpoint)")
        let proxy = try RecordingProxy(forwardingTo: moto.endpoint)
        var environment = server.exports
        environment["HOME"] = home.url.path
        environment["PATH"] = path
        environment["AWS_ENDPOINT_URL"] = proxy.endpoint.absoluteString
        environment["KEYWARD_HOME"] = home.url.path + "/keyward"
        environment["KEYWARD_BACKEND"] = "file"
        environment["KEYWARD_FILE_PASSPHRASE"] = "test passphrase"
        return World(
            moto: moto, account: account, home: home, server: server, proxy: proxy, environment: environment)
    }

    @Test(arguments: [("--ec2", "ec2role", "from-instance"), ("--ecs", "taskrole", "from-container")])
    func aRoleChainStartsOnTheServedEndpoint(mode: String, profile: String, sessionName: String) async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let world = try Self.world(moto, mode: mode)
            let expectedARN = "arn:aws:sts::123456789012:assumed-role/readonly/\(sessionName)"

            let first = try KeywardCLI.run(["export", profile, "--format", "json"], environment: world.environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr == "")
            let document = try ExecFixture.decode(first.stdout)
            let keyID = try #require(document["AccessKeyId"])

            // The session is the role's, as moto tells it.
            let identity = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                ["aws", "sts", "get-caller-identity", "--query", "Arn", "--output", "text"],
                environment: [
                    "HOME": world.home.url.path + "/nowhere", "PATH": world.environment["PATH"] ?? "",
                    "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_DEFAULT_REGION": "us-east-1",
                    "AWS_ACCESS_KEY_ID": keyID, "AWS_SECRET_ACCESS_KEY": try #require(document["SecretAccessKey"]),
                    "AWS_SESSION_TOKEN": try #require(document["SessionToken"]),
                ])
            #expect(identity.status == 0, "\(identity.stderr)")
            #expect(identity.stdout == expectedARN + "\n")

            // One STS call, AssumeRole, signed with the key the endpoint serves.
            var served = world.environment
            served["HOME"] = world.home.url.path + "/nowhere"
            served["AWS_ENDPOINT_URL"] = moto.endpoint.absoluteString
            let servedKey = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", Self.servedKeyProgram],
                environment: served)
            #expect(servedKey.status == 0, "\(servedKey.stderr)")
            let records = try world.proxy.records()
            #expect(records.map(\.action) == ["AssumeRole"])
            #expect(records.map(\.accessKeyID) == [servedKey.stdout.trimmingCharacters(in: .whitespacesAndNewlines)])

            // Again: the same session from the cache, and no STS call.
            let second = try KeywardCLI.run(["export", profile, "--format", "json"], environment: world.environment)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout == first.stdout)
            #expect(try world.proxy.records().count == 1)

            // The AWS CLI resolving the same profile against the same endpoint is the same identity.
            var cli = world.environment
            cli["AWS_ENDPOINT_URL"] = moto.endpoint.absoluteString
            let aws = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                ["aws", "sts", "get-caller-identity", "--profile", profile, "--query", "Arn", "--output", "text"],
                environment: cli)
            #expect(aws.status == 0, "\(aws.stderr)")
            #expect(aws.stdout == expectedARN + "\n")

            if mode == "--ecs" {
                // A refused token: the endpoint answers 403 to every try; one line, no token in it.
                var wrong = world.environment
                wrong["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "not-the-token"
                // The source is asked before the cache (its key is the cache's identity), so the session
                // cached above does not hide the refusal.
                let refused = try KeywardCLI.run(["export", profile], environment: wrong)
                #expect(refused.status == 1)
                let endpoint = try #require(
                    world.environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"].flatMap(URL.init(string:)))
                #expect(
                    refused.stderr
                        == "keyward: profile taskrole: credential_source = EcsContainer at http://127.0.0.1:"
                        + "\(endpoint.port ?? 0): HTTP 403 to GET the credentials path (3 attempts)\n")
            }
        }
    }

    /// An IMDS that accepts connections and never answers: the token request times out (botocore then tries
    /// IMDSv1), both GETs time out, and the error says so in one line after about three seconds.
    @Test func anEndpointThatNeverAnswersTimesOut() throws {
        let listener = Process()
        listener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // The kernel completes each connection in the backlog; nothing ever reads or writes.
        listener.arguments = [
            "python3", "-c",
            "import socket, time\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(16)\n"
                + "print(s.getsockname()[1], flush=True)\ntime.sleep(120)",
        ]
        let output = Pipe()
        listener.standardOutput = output
        try listener.run()
        defer { listener.terminate() }
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)))

        let home = try TemporaryHome()
        try home.write(
            ".aws/config",
            "[profile ec2role]\nrole_arn = arn:aws:iam::123456789012:role/readonly\n"
                + "credential_source = Ec2InstanceMetadata\nregion = us-east-1\n")
        let result = try KeywardCLI.run(
            ["export", "ec2role"],
            environment: [
                "HOME": home.url.path, "KEYWARD_HOME": home.url.path + "/keyward", "KEYWARD_BACKEND": "file",
                "KEYWARD_FILE_PASSPHRASE": "test passphrase", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:\(port)",
            ], timeout: 30)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "keyward: profile ec2role: credential_source = Ec2InstanceMetadata at http://127.0.0.1:\(port): "
                + "no answer within 1 s (2 attempts)\n")
    }

    /// Failures before any request, and an endpoint nobody listens on: one line naming the profile and where.
    @Test func unusableEndpointsAreOneLineErrors() throws {
        let home = try TemporaryHome()
        try home.write(
            ".aws/config",
            "[profile ec2role]\nrole_arn = arn:aws:iam::123456789012:role/readonly\n"
                + "credential_source = Ec2InstanceMetadata\nregion = us-east-1\n\n"
                + "[profile taskrole]\nrole_arn = arn:aws:iam::123456789012:role/readonly\n"
                + "credential_source = EcsContainer\nregion = us-east-1\n")
        let base = [
            "HOME": home.url.path, "KEYWARD_HOME": home.url.path + "/keyward", "KEYWARD_BACKEND": "file",
            "KEYWARD_FILE_PASSPHRASE": "test passphrase", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
        ]
        func run(_ profile: String, _ extra: [String: String]) throws -> KeywardCLI.Result {
            try KeywardCLI.run(["export", profile], environment: base.merging(extra) { $1 })
        }

        // `.invalid` never resolves, and the host is refused before any lookup.
        let host = try run(
            "taskrole",
            [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://metadata.invalid:8080/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "task-auth",
            ])
        #expect(host.status == 1)
        #expect(
            host.stderr
                == "keyward: profile taskrole: credential_source = EcsContainer at http://metadata.invalid:8080: "
                + "AWS_CONTAINER_CREDENTIALS_FULL_URI host metadata.invalid is refused: only a loopback address, "
                + "localhost, 169.254.170.23 or fd00:ec2::23 (EKS Pod Identity) is allowed\n")

        let disabled = try run(
            "ec2role",
            ["AWS_EC2_METADATA_DISABLED": "true", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9"])
        #expect(disabled.status == 1)
        #expect(
            disabled.stderr
                == "keyward: profile ec2role: credential_source = Ec2InstanceMetadata: AWS_EC2_METADATA_DISABLED is "
                + "true; unset it to use the instance's role\n")

        let port = try FreePort.find()
        let silent = try run("ec2role", ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:\(port)"])
        #expect(silent.status == 1)
        #expect(
            silent.stderr.hasPrefix(
                "keyward: profile ec2role: credential_source = Ec2InstanceMetadata at http://127.0.0.1:\(port): no answer"
            ))
        #expect(silent.stderr.hasSuffix(" (2 attempts)\n"))
        #expect(silent.stderr.filter { $0 == "\n" }.count == 1)
    }
}
