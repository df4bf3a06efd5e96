import FoundationEssentials
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

/// The credential chain in-process (issue 13 item 7): the resolver, the session fetcher, the source loader,
/// the MFA code source and the locks, on a scripted STS, an in-memory vault and cache.
@Suite struct CredentialResolverTests {
    static let config = """
        [profile jo]
        region = eu-west-1
        mfa_serial = arn:aws:iam::123456789012:mfa/jo

        [profile admin]
        role_arn = arn:aws:iam::123456789012:role/admin
        source_profile = jo
        mfa_serial = arn:aws:iam::123456789012:mfa/jo

        """

    static func session(_ id: String, action: String) -> String {
        let expiry = ISO8601Timestamp.format(Date().addingTimeInterval(3600))
        let role =
            action == "AssumeRole"
            ? "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/admin/jo</Arn>"
                + "<AssumedRoleId>AROA1:jo</AssumedRoleId></AssumedRoleUser>" : ""
        return "<\(action)Response><\(action)Result><Credentials><AccessKeyId>\(id)</AccessKeyId>"
            + "<SecretAccessKey>s-\(id)</SecretAccessKey><SessionToken>t-\(id)</SessionToken>"
            + "<Expiration>\(expiry)</Expiration></Credentials>\(role)</\(action)Result></\(action)Response>"
    }

    /// A resolver over `transport`, with jo's key in an in-memory vault.
    static func resolver(
        _ transport: ScriptedTransport, token: String? = "123456", lockDirectory: String? = nil
    ) async throws -> CredentialResolver {
        let environment: Environment = ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"]
        let vault = KeyVault(store: InMemorySecretStore())
        try await vault.storeKey(
            StoredKey(accessKeyID: "AKIAJOJOJOJOJOJOJOJO", secretAccessKey: SecretString("jo-secret")), profile: "jo")
        let profiles = ProfileResolver(
            config: try ConfigFile(contents: config, fileName: "config"), credentials: nil, environment: environment)
        return CredentialResolver(
            profiles: profiles, environment: environment,
            keys: KeySource(location: "memory", stamp: { nil }, open: { vault }),
            cache: SessionCache(store: InMemorySecretStore(), namespace: "test0000"), lockDirectory: lockDirectory,
            mfa: MFACodeSource(token: token, terminal: nil, processEnvironment: [:]),
            options: CredentialOptions(loginName: "jo"), transport: transport)
    }

    @Test func oneMFASessionThenTheRoleThenTheCache() async throws {
        let transport = ScriptedTransport([
            .answer(200, Self.session("ASIAGST0000000000001", action: "GetSessionToken")),
            .answer(200, Self.session("ASIAROLE000000000001", action: "AssumeRole")),
        ])
        let resolver = try await Self.resolver(transport)
        let first = try await resolver.credentials(for: "admin")
        #expect(transport.actions == ["GetSessionToken", "AssumeRole"])
        #expect(first.credentials.accessKeyID == "ASIAROLE000000000001")
        #expect(first.origin == .fetched)
        #expect(first.region == nil)  // as in the AWS CLI, a role profile does not inherit its source's region
        // The code went on GetSessionToken only; the role was assumed with the MFA session's credentials, and
        // the session carries the MFA on (aws:MultiFactorAuthAge).
        let gst = String(decoding: transport.sent[0].body, as: UTF8.self)
        #expect(gst.contains("TokenCode=123456") && gst.contains("SerialNumber="))
        #expect(!String(decoding: transport.sent[1].body, as: UTF8.self).contains("TokenCode"))
        #expect(first.session?.multiFactorAuthenticatedAt != nil)

        let again = try await resolver.credentials(for: "admin")
        #expect(again.origin == .cache && again.credentials == first.credentials)
        // jo's own profile plans the same MFA session: served from the cache too.
        let jo = try await resolver.credentials(for: "jo")
        #expect(jo.origin == .cache && jo.credentials.accessKeyID == "ASIAGST0000000000001")
        #expect(transport.sent.count == 2)
    }

    @Test func concurrentCallersShareOneFetch() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let transport = ScriptedTransport([
            .answer(200, Self.session("ASIAGST0000000000001", action: "GetSessionToken")),
            .answer(200, Self.session("ASIAROLE000000000001", action: "AssumeRole")),
        ])
        let resolver = try await Self.resolver(transport, lockDirectory: directory.path)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 { group.addTask { try await resolver.credentials(for: "admin").credentials.accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["ASIAROLE000000000001"])
        #expect(transport.actions == ["GetSessionToken", "AssumeRole"])
    }

    @Test func errorsNameTheProfileAndTheCall() async throws {
        let denied = """
            <ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error>\
            <RequestId>r</RequestId></ErrorResponse>
            """
        let transport = ScriptedTransport([
            .answer(200, Self.session("ASIAGST0000000000001", action: "GetSessionToken")), .answer(403, denied),
        ])
        let resolver = try await Self.resolver(transport)
        await #expect {
            try await resolver.credentials(for: "admin")
        } throws: { error in
            guard case .sts(let profile, let cause) = error as? CredentialsError else { return false }
            return profile == "admin" && cause.awsCode == "AccessDenied"
        }
        // Without a code, a terminal or mfa_process, the MFA code is asked for by name and nothing is sent.
        let silent = ScriptedTransport([])
        let noCode = try await Self.resolver(silent, token: nil)
        await #expect(
            throws: CredentialsError.mfaCodeUnavailable(profile: "jo", serial: "arn:aws:iam::123456789012:mfa/jo")
        ) {
            try await noCode.credentials(for: "admin")
        }
        #expect(silent.sent.isEmpty)
    }

    @Test func signingKeysAndEndpointsComeFromTheOneResolver() async throws {
        let resolver = try await Self.resolver(ScriptedTransport([]))
        let jo = try await resolver.signingKey(forProfile: "jo")
        #expect(jo.credentials.accessKeyID == "AKIAJOJOJOJOJOJOJOJO")
        #expect(try jo.endpoints.sts().url.absoluteString == "http://127.0.0.1:9")
        #expect(try jo.endpoints.sts().signingRegion == "eu-west-1")
        #expect(try jo.endpoints.iam().signingRegion == "us-east-1")
        await #expect(throws: CredentialsError.roleProfileWhereKeyNeeded(profile: "admin", sourceProfile: "jo")) {
            try await resolver.signingKey(forProfile: "admin")
        }
    }
}
