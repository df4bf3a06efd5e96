import FoundationEssentials
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

/// Where a chain's first credentials come from (`SourceLoader`, through the resolver): `credential_process`,
/// `credential_source = Environment`, and the order vault before credentials file; and the session fetcher
/// fetching again once the test clock passes a cached session's expiry.
@Suite struct SourceLoaderTests {
    static let roleARN = "arn:aws:iam::123456789012:role/dev"

    /// A resolver over `config` (and `credentials`), with `stored` in an in-memory vault.
    static func resolver(
        config: String, credentials: String? = nil, environment extra: [String: String] = [:],
        stored: [String: StoredKey] = [:], transport: ScriptedTransport, clock: TestClock = TestClock(Date()),
        options: CredentialOptions = CredentialOptions(useSessionToken: false, loginName: "jo")
    ) async throws -> CredentialResolver {
        let environment = Environment(["AWS_ENDPOINT_URL": "http://127.0.0.1:9"].merging(extra) { _, new in new })
        let vault = KeyVault(store: InMemorySecretStore())
        for (profile, key) in stored { try await vault.storeKey(key, profile: profile) }
        let profiles = ProfileResolver(
            config: try ConfigFile(contents: config, fileName: "config"),
            credentials: try credentials.map {
                try ConfigFile(contents: $0, fileName: "credentials", kind: .credentials)
            },
            environment: environment)
        return CredentialResolver(
            profiles: profiles, environment: environment,
            keys: KeySource(location: "memory", stamp: { nil }, open: { vault }),
            cache: SessionCache(store: InMemorySecretStore(), namespace: "test0001", now: clock.now),
            lockDirectory: nil, mfa: MFACodeSource(token: nil, terminal: nil, processEnvironment: [:]),
            options: options, transport: transport)
    }

    /// An AssumeRole answer whose session expires at `expiry` (an hour from now unless told).
    static func roleSession(_ id: String, expiry: Date = Date().addingTimeInterval(3600)) -> String {
        "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>\(id)</AccessKeyId>"
            + "<SecretAccessKey>s-\(id)</SecretAccessKey><SessionToken>t-\(id)</SessionToken>"
            + "<Expiration>\(ISO8601Timestamp.format(expiry))</Expiration></Credentials>"
            + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/dev/jo</Arn>"
            + "<AssumedRoleId>AROA1:jo</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>"
    }

    /// The access key id that signed each request (the credential scope's first part).
    static func signers(_ transport: ScriptedTransport) -> [String] {
        transport.headerLines.map { lines in
            let authorization = lines.first { $0.hasPrefix("Authorization: ") } ?? ""
            guard let range = authorization.range(of: "Credential=") else { return "-" }
            return String(authorization[range.upperBound...].prefix { $0 != "/" })
        }
    }

    @Test func credentialProcessOutputIsUsedAsItIsWithoutACall() async throws {
        let transport = ScriptedTransport([])
        let resolver = try await Self.resolver(
            config: "[profile proc]\ncredential_process = printf '{\"Version\": 1, \"AccessKeyId\": "
                + "\"AKIAPROCESS000000001\", \"SecretAccessKey\": \"process-secret\"}'\n",
            transport: transport, options: CredentialOptions(plainKeySessions: false))
        let result = try await resolver.credentials(for: "proc")
        #expect(result.credentials.accessKeyID == "AKIAPROCESS000000001")
        #expect(result.credentials.secretAccessKey.unredacted == "process-secret")
        #expect(transport.sent.isEmpty)
    }

    @Test func aFailingCredentialProcessIsOneLineNamingTheProfile() async throws {
        let resolver = try await Self.resolver(
            config: "[profile proc]\ncredential_process = sh -c 'exit 4'\n", transport: ScriptedTransport([]),
            options: CredentialOptions(plainKeySessions: false))
        let error = await #expect(throws: CredentialsError.self) { _ = try await resolver.credentials(for: "proc") }
        guard case .credentialProcessFailed(let profile, _) = error else {
            Issue.record("expected credentialProcessFailed, got \(String(describing: error))")
            return
        }
        #expect(profile == "proc")
        #expect(error.map { !"\($0)".contains("\n") } == true)
    }

    @Test func credentialSourceEnvironmentSignsTheRoleCallWithTheEnvironmentsKey() async throws {
        let transport = ScriptedTransport([.answer(200, Self.roleSession("ASIAROLE000000000009"))])
        let resolver = try await Self.resolver(
            config: "[profile dev]\nrole_arn = \(Self.roleARN)\ncredential_source = Environment\n",
            environment: ["AWS_ACCESS_KEY_ID": "AKIAENVIRONMENT00001", "AWS_SECRET_ACCESS_KEY": "env-secret"],
            transport: transport)
        let result = try await resolver.credentials(for: "dev")
        #expect(result.credentials.accessKeyID == "ASIAROLE000000000009")
        #expect(transport.actions == ["AssumeRole"])
        #expect(Self.signers(transport) == ["AKIAENVIRONMENT00001"])
    }

    @Test func credentialSourceEnvironmentWithoutKeysSendsNothing() async throws {
        let transport = ScriptedTransport([])
        let resolver = try await Self.resolver(
            config: "[profile dev]\nrole_arn = \(Self.roleARN)\ncredential_source = Environment\n",
            transport: transport)
        await #expect(throws: CredentialsError.environmentCredentialsMissing(profile: "dev")) {
            _ = try await resolver.credentials(for: "dev")
        }
        #expect(transport.sent.isEmpty)
    }

    /// The chain's order, as the AWS CLI reads profiles: a key in the credentials file first, the vault only
    /// for a profile with no key there (issue 13's note: assume and roles had this reversed).
    @Test func theCredentialsFilesKeyComesBeforeTheVaults() async throws {
        let transport = ScriptedTransport([.answer(200, Self.roleSession("ASIAROLE000000000010"))])
        let resolver = try await Self.resolver(
            config: "[profile jo]\n\n[profile dev]\nrole_arn = \(Self.roleARN)\nsource_profile = jo\n",
            credentials: "[jo]\naws_access_key_id = AKIAFILEFILEFILE0001\naws_secret_access_key = file-secret\n",
            stored: ["jo": StoredKey(accessKeyID: "AKIAVAULTVAULTVAULT1", secretAccessKey: SecretString("v"))],
            transport: transport)
        _ = try await resolver.credentials(for: "dev")
        #expect(Self.signers(transport) == ["AKIAFILEFILEFILE0001"])
    }

    /// The session fetcher on the test clock: a cached role session is served until it nears its expiry,
    /// then fetched again (no sleeping: the clock is moved).
    @Test func aCachedSessionIsFetchedAgainOnceTheClockPassesItsExpiry() async throws {
        let clock = TestClock(Date())
        let transport = ScriptedTransport([
            .answer(200, Self.roleSession("ASIAROLE000000000011")),
            .answer(200, Self.roleSession("ASIAROLE000000000012", expiry: Date().addingTimeInterval(3 * 3600))),
        ])
        let resolver = try await Self.resolver(
            config: "[profile jo]\n\n[profile dev]\nrole_arn = \(Self.roleARN)\nsource_profile = jo\n",
            stored: ["jo": StoredKey(accessKeyID: "AKIAVAULTVAULTVAULT1", secretAccessKey: SecretString("v"))],
            transport: transport, clock: clock)
        let first = try await resolver.credentials(for: "dev")
        clock.advance(by: 1800)
        let cached = try await resolver.credentials(for: "dev")
        #expect(cached.origin == .cache && cached.credentials == first.credentials)
        clock.advance(by: 1800 + 60)
        let renewed = try await resolver.credentials(for: "dev")
        #expect(renewed.origin == .fetched)
        #expect(renewed.credentials.accessKeyID == "ASIAROLE000000000012")
        #expect(transport.actions == ["AssumeRole", "AssumeRole"])
    }
}
