import Foundation
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardTestSupport
import Synchronization
import Testing

/// The container credentials endpoint as botocore's `ContainerProvider` uses it, on a scripted transport:
/// which URL, which hosts are refused, the `Authorization` header from the variable or the file, the retries.
@Suite struct ContainerCredentialSourceTests {
    static let document = """
        {"AccessKeyId": "ASIATASK", "SecretAccessKey": "task-secret", "Token": "task-token",
         "Expiration": "2026-12-01T16:00:00Z", "RoleArn": "arn:aws:iam::123456789012:role/task"}
        """

    /// The waits between tries, recorded instead of slept.
    final class Pauses: Sendable {
        let list = Mutex<[Duration]>([])
    }

    static func source(
        _ variables: [String: String], _ transport: ScriptedTransport, pauses: Pauses = Pauses()
    ) -> ContainerCredentialSource {
        ContainerCredentialSource(
            profile: "task", environment: Environment(variables), transport: transport,
            pause: { duration in pauses.list.withLock { $0.append(duration) } })
    }

    static func failure(_ body: () async throws -> Void) async -> CredentialsError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? CredentialsError
        }
    }

    @Test func fullURIWithTheToken() async throws {
        let transport = ScriptedTransport([.answer(200, Self.document)])
        let credentials = try await Self.source(
            [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "task-auth",
            ], transport
        ).credentials()
        #expect(credentials.accessKeyID == "ASIATASK")
        #expect(credentials.sessionToken?.unredacted == "task-token")
        #expect(transport.lines == ["GET http://127.0.0.1:8080/creds"])
        #expect(transport.headerLines == [["Accept: application/json", "Authorization: task-auth"]])
        #expect(transport.timeouts == [2])
    }

    /// The relative URI wins and is a path on the ECS agent (the transport is scripted: nothing is sent).
    @Test func relativeURIIsOnTheAgent() async throws {
        let transport = ScriptedTransport([.answer(200, Self.document)])
        _ = try await Self.source(
            [
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            ], transport
        ).credentials()
        #expect(transport.lines == ["GET http://169.254.170.2/v2/credentials/abc"])
        #expect(transport.headerLines == [["Accept: application/json"]])
    }

    @Test(arguments: [
        "http://127.0.0.1:1/c", "http://127.9.8.7/c", "http://[::1]:1/c", "http://localhost:1/c",
        "http://169.254.170.23/v1/credentials", "http://[fd00:ec2::23]/v1/credentials", "https://localhost:8443/c",
    ])
    func allowedFullURIs(uri: String) async throws {
        let transport = ScriptedTransport([.answer(200, Self.document)])
        _ = try await Self.source(["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], transport).credentials()
        #expect(transport.sent.count == 1)
    }

    @Test(arguments: [
        ("http://169.254.169.254/latest", "169.254.169.254", "http://169.254.169.254"),
        ("http://creds.example.com:8080/c", "creds.example.com", "http://creds.example.com:8080"),
        ("http://128.0.0.1/c", "128.0.0.1", "http://128.0.0.1"),
        // Stricter than botocore (issue 20): TLS does not make a planted host acceptable.
        ("https://creds.example.com/c", "creds.example.com", "https://creds.example.com"),
        ("http://169.254.170.2/c", "169.254.170.2", "http://169.254.170.2"),
    ])
    func otherHostsAreRefusedBeforeAnyRequest(uri: String, host: String, shown: String) async {
        let transport = ScriptedTransport([])
        let error = await Self.failure {
            _ = try await Self.source(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "task-auth"],
                transport
            ).credentials()
        }
        #expect(
            error
                == .metadataService(
                    profile: "task", source: .ecsContainer, endpoint: shown, .hostNotAllowed(host: host)))
        #expect(
            error?.description
                == "profile task: credential_source = EcsContainer at \(shown): AWS_CONTAINER_CREDENTIALS_FULL_URI host "
                + "\(host) is refused: only a loopback address, localhost, 169.254.170.23 or fd00:ec2::23 (EKS Pod "
                + "Identity) is allowed")
        #expect(transport.sent.isEmpty)
    }

    /// The token file wins over the variable and is read again for every request (EKS rotates it).
    @Test func theTokenFileIsReadEachTime() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kw-ecs-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let variables = [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "from-variable",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": file.path,
        ]
        let transport = ScriptedTransport([.answer(200, Self.document), .answer(200, Self.document)])
        let source = Self.source(variables, transport)
        try Data("first\n".utf8).write(to: file)
        _ = try await source.credentials()
        try Data("second".utf8).write(to: file)
        _ = try await source.credentials()
        #expect(transport.sent.map { $0.headerValues(named: "Authorization") } == [["first"], ["second"]])

        try FileManager.default.removeItem(at: file)
        let error = await Self.failure { _ = try await source.credentials() }
        #expect(
            error?.description
                == "profile task: credential_source = EcsContainer at http://127.0.0.1:8080: cannot read "
                + "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(file.path)")
    }

    @Test func aTokenWithALineBreakIsRefused() async {
        let transport = ScriptedTransport([])
        let error = await Self.failure {
            _ = try await Self.source(
                [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": "a\r\nX-Injected: 1",
                ], transport
            ).credentials()
        }
        #expect(
            error
                == .metadataService(
                    profile: "task", source: .ecsContainer, endpoint: "http://127.0.0.1:8080",
                    .authorizationTokenInvalid))
        #expect(transport.sent.isEmpty)
    }

    /// Three tries a second apart, as botocore's `ContainerMetadataFetcher`; the error never shows the path.
    @Test func retriesThenOneLine() async {
        let pauses = Pauses()
        let transport = ScriptedTransport([.fail(.connection("refused")), .answer(500, "x"), .answer(403, "no")])
        let error = await Self.failure {
            _ = try await Self.source(
                ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/secret-path"], transport, pauses: pauses
            ).credentials()
        }
        #expect(transport.sent.count == 3)
        #expect(pauses.list.withLock { $0 } == [.seconds(1), .seconds(1)])
        #expect(
            error?.description
                == "profile task: credential_source = EcsContainer at http://127.0.0.1:8080: HTTP 403 to GET the "
                + "credentials path (3 attempts)")
    }

    @Test func noEndpointConfigured() async {
        let error = await Self.failure { _ = try await Self.source([:], ScriptedTransport([])).credentials() }
        #expect(
            error == .metadataService(profile: "task", source: .ecsContainer, endpoint: nil, .containerEndpointUnset))
    }
}
