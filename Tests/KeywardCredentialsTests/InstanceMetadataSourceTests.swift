import Foundation
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardTestSupport
import Testing

/// IMDSv2 as botocore's `InstanceMetadataFetcher` speaks it, on a scripted transport: the token request and
/// its TTL header, the token on each GET, the retries, the IMDSv1 fallback rule, and the settings' precedence.
@Suite struct InstanceMetadataSourceTests {
    static let base = "http://127.0.0.1:8999"
    static let document = """
        {"Code": "Success", "LastUpdated": "2026-12-01T10:00:00Z", "Type": "AWS-HMAC", "AccessKeyId": "ASIAINSTANCE",
         "SecretAccessKey": "instance-secret", "Token": "instance-token", "Expiration": "2026-12-01T16:00:00Z"}
        """

    static func source(_ transport: ScriptedTransport, v1Disabled: Bool = false) -> InstanceMetadataSource {
        InstanceMetadataSource(
            profile: "build", settings: .init(endpoint: base, v1Disabled: v1Disabled), transport: transport)
    }

    static func failure(_ body: () async throws -> Void) async -> CredentialsError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? CredentialsError
        }
    }

    @Test func tokenThenRoleThenDocument() async throws {
        let transport = ScriptedTransport([
            .answer(200, "v2-token"), .answer(200, "build-role\n"), .answer(200, Self.document),
        ])
        let credentials = try await Self.source(transport).credentials()
        #expect(credentials.accessKeyID == "ASIAINSTANCE")
        #expect(credentials.secretAccessKey.unredacted == "instance-secret")
        #expect(credentials.sessionToken?.unredacted == "instance-token")
        #expect(credentials.expiration == ISO8601Timestamp.parse("2026-12-01T16:00:00Z"))
        #expect(
            transport.lines == [
                "PUT \(Self.base)/latest/api/token",
                "GET \(Self.base)/latest/meta-data/iam/security-credentials/",
                "GET \(Self.base)/latest/meta-data/iam/security-credentials/build-role",
            ])
        #expect(
            transport.headerLines == [
                ["X-aws-ec2-metadata-token-ttl-seconds: 21600"],
                ["X-aws-ec2-metadata-token: v2-token"], ["X-aws-ec2-metadata-token: v2-token"],
            ])
        #expect(transport.timeouts == [1, 1, 1])
    }

    @Test func anEmptyTokenFieldIsALongLivedKey() async throws {
        let document = Self.document.replacingOccurrences(of: "\"instance-token\"", with: "\"\"")
        let transport = ScriptedTransport([.answer(200, "t"), .answer(200, "r"), .answer(200, document)])
        #expect(try await Self.source(transport).credentials().sessionToken == nil)
    }

    /// A failed GET is tried once more; a connection error on the token request too.
    @Test func eachRequestIsRetriedOnce() async throws {
        let transport = ScriptedTransport([
            .fail(.connection("reset")), .answer(200, "t"), .answer(500, "busy"), .answer(200, "r"),
            .answer(200, "{not json"), .answer(200, Self.document),
        ])
        #expect(try await Self.source(transport).credentials().accessKeyID == "ASIAINSTANCE")
        #expect(transport.sent.map(\.method) == ["PUT", "PUT", "GET", "GET", "GET", "GET"])
    }

    @Test func aGetThatKeepsFailingNamesTheStatusInOneLine() async {
        let transport = ScriptedTransport([.answer(200, "t"), .answer(404, ""), .answer(404, "")])
        let error = await Self.failure { _ = try await Self.source(transport).credentials() }
        #expect(
            error?.description
                == "profile build: credential_source = Ec2InstanceMetadata at http://127.0.0.1:8999: HTTP 404 to GET "
                + "/latest/meta-data/iam/security-credentials/ (2 attempts)")
        #expect(transport.sent.count == 3)
    }

    /// botocore falls back to IMDSv1 when the token request is refused (403, 404, 405) or times out.
    @Test(arguments: [ScriptedTransport.Step.answer(403, ""), .answer(404, ""), .answer(405, ""), .fail(.timeout)])
    func aRefusedTokenFallsBackToV1(refusal: ScriptedTransport.Step) async throws {
        let transport = ScriptedTransport([refusal, .answer(200, "r"), .answer(200, Self.document)])
        #expect(try await Self.source(transport).credentials().accessKeyID == "ASIAINSTANCE")
        #expect(transport.sent.map(\.method) == ["PUT", "GET", "GET"])
        #expect(transport.sent.dropFirst().allSatisfy { $0.headers.isEmpty })
    }

    @Test func noFallbackWhenV1IsDisabled() async {
        let transport = ScriptedTransport([.answer(403, "")])
        let error = await Self.failure { _ = try await Self.source(transport, v1Disabled: true).credentials() }
        #expect(
            error
                == .metadataService(
                    profile: "build", source: .ec2InstanceMetadata, endpoint: Self.base, .tokenUnavailable))
        #expect(transport.sent.count == 1)
    }

    /// With IMDSv1 off, a token request that was never answered says so rather than "refused".
    @Test func noFallbackAndNoAnswerSaysNoAnswer() async {
        let transport = ScriptedTransport([.fail(.connection("refused")), .fail(.connection("refused"))])
        let error = await Self.failure { _ = try await Self.source(transport, v1Disabled: true).credentials() }
        #expect(
            error?.description
                == "profile build: credential_source = Ec2InstanceMetadata at http://127.0.0.1:8999: no answer: "
                + "refused (2 attempts)")
        #expect(transport.sent.count == 2)
    }

    @Test func aBadTokenRequestIsAnErrorNotAFallback() async {
        let transport = ScriptedTransport([.answer(400, "")])
        let error = await Self.failure { _ = try await Self.source(transport).credentials() }
        #expect(
            error?.description
                == "profile build: credential_source = Ec2InstanceMetadata at http://127.0.0.1:8999: HTTP 400 to PUT "
                + "/latest/api/token")
        #expect(transport.sent.count == 1)
    }

    /// Nothing answers: the token times out (fallback), both v1 GETs time out; three requests of 1 s.
    @Test func anEndpointThatDoesNotAnswer() async {
        let transport = ScriptedTransport([.fail(.timeout), .fail(.timeout), .fail(.timeout)])
        let error = await Self.failure { _ = try await Self.source(transport).credentials() }
        #expect(
            error?.description
                == "profile build: credential_source = Ec2InstanceMetadata at http://127.0.0.1:8999: no answer within "
                + "1 s (2 attempts)")
        #expect(transport.sent.count == 3)
    }

    @Test func anErrorDocumentNamesItsCodeOnly() async {
        let transport = ScriptedTransport([
            .answer(200, "t"), .answer(200, "r"),
            .answer(200, #"{"Code": "AssumeRoleUnauthorizedAccess", "Message": "EC2 cannot assume the role"}"#),
        ])
        let error = await Self.failure { _ = try await Self.source(transport).credentials() }
        #expect(
            error
                == .metadataService(
                    profile: "build", source: .ec2InstanceMetadata, endpoint: Self.base,
                    .notCredentials(code: "AssumeRoleUnauthorizedAccess")))
    }

    @Test func anInstanceWithoutARole() async {
        let transport = ScriptedTransport([.answer(200, "t"), .answer(200, "\n")])
        let error = await Self.failure { _ = try await Self.source(transport).credentials() }
        #expect(error?.description.hasSuffix(": the instance has no IAM role") == true)
    }

    // MARK: settings

    static func settings(
        _ variables: [String: String], config: String = ""
    ) throws -> InstanceMetadataSource.Settings {
        let file = try ConfigFile(contents: "[profile build]\n" + config, fileName: "~/.aws/config")
        let profile = try ProfileResolver(config: file, credentials: nil, environment: [:]).profile(named: "build")
        return try InstanceMetadataSource.Settings(
            environment: Environment(variables), configuration: .init(profile), profile: "build")
    }

    @Test func settingsFollowBotocoresOrder() throws {
        #expect(try Self.settings([:]) == .init(endpoint: "http://169.254.169.254/"))
        #expect(
            try Self.settings(["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"]).endpoint == "http://[fd00:ec2::254]/")
        #expect(
            try Self.settings([:], config: "ec2_metadata_service_endpoint_mode = ipv6").endpoint
                == "http://[fd00:ec2::254]/")
        #expect(try Self.settings([:], config: "imds_use_ipv6 = true").endpoint == "http://[fd00:ec2::254]/")
        // An endpoint wins over the mode; the variable wins over the file.
        #expect(
            try Self.settings(
                ["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "ipv6"],
                config: "ec2_metadata_service_endpoint = http://127.0.0.1:1234"
            ).endpoint == "http://127.0.0.1:1234")
        #expect(
            try Self.settings(
                ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:5678"],
                config: "ec2_metadata_service_endpoint = http://127.0.0.1:1234"
            ).endpoint == "http://127.0.0.1:5678")
        #expect(try Self.settings(["AWS_EC2_METADATA_V1_DISABLED": "TRUE"]).v1Disabled)
        #expect(try Self.settings([:], config: "ec2_metadata_v1_disabled = true").v1Disabled)
        #expect(try !Self.settings(["AWS_EC2_METADATA_V1_DISABLED": "1"]).v1Disabled)
        let tuned = try Self.settings(
            ["AWS_METADATA_SERVICE_NUM_ATTEMPTS": "3"], config: "metadata_service_timeout = 2")
        #expect(tuned.timeout == 2 && tuned.attempts == 3)
    }

    @Test func unusableSettingsAreOneLineErrors() {
        #expect(
            throws: CredentialsError.metadataService(
                profile: "build", source: .ec2InstanceMetadata, endpoint: nil, .disabled)
        ) {
            try Self.settings(["AWS_EC2_METADATA_DISABLED": "true"])
        }
        #expect(
            CredentialsError.metadataService(profile: "build", source: .ec2InstanceMetadata, endpoint: nil, .disabled)
                .description
                == "profile build: credential_source = Ec2InstanceMetadata: AWS_EC2_METADATA_DISABLED is true; unset "
                + "it to use the instance's role")
        #expect(
            throws: CredentialsError.metadataService(
                profile: "build", source: .ec2InstanceMetadata, endpoint: nil,
                .invalidSetting(
                    setting: "~/.aws/config:2: ec2_metadata_service_endpoint_mode", reason: "ipv5 is not ipv4 or ipv6"))
        ) {
            try Self.settings([:], config: "ec2_metadata_service_endpoint_mode = ipv5")
        }
        #expect(
            throws: CredentialsError.metadataService(
                profile: "build", source: .ec2InstanceMetadata, endpoint: "169.254.169.254",
                .invalidSetting(setting: "AWS_EC2_METADATA_SERVICE_ENDPOINT", reason: "not an absolute http(s) URL"))
        ) {
            try Self.settings(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "169.254.169.254"])
        }
    }
}
