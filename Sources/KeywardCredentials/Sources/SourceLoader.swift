import Crypto
import FoundationEssentials
import KeywardAWS
import KeywardConfig
import KeywardSystem
import KeywardVault

/// Reads the credentials at the root of a chain: the vault's key, keys in the files, `credential_process`,
/// the environment, the instance metadata service, the container endpoint, or the web identity token (whose
/// role the resolver then assumes).
struct SourceLoader: Sendable {
    var keys: KeySource
    var cache: SessionCache?
    var environment: Environment
    var transport: any HTTPTransport
    /// The profile asked for, marked in `credential_process` children with the source's own.
    var requestedProfile: String?
    /// The profiles of the config files, when known: a vault profile without a stored key that is not
    /// among them does not exist at all, and the error says so with the names closest to it.
    var configProfiles: [String]?

    /// What identifies the source's key in cache keys, when it is cheap to know: without decrypting the
    /// vault or running a process. `nil` means the source must be loaded first.
    func cheapIdentity(of source: CredentialPlan.Source) async -> String? {
        switch source {
        case .vaultKey(let profile):
            guard let cache, let stamp = keys.stamp() else { return nil }
            return await cache.rememberedKeyID(profile: profile, storeName: keys.location, stamp: stamp)
        case .staticKeys(let keys, _):
            return keys.accessKeyID
        case .environment:
            return environment["AWS_ACCESS_KEY_ID"]
        case .credentialProcess:
            return "process"  // the command is part of the fingerprint
        case .webIdentity(let file, _, _, _):
            guard let bytes = try? SecureFile.read(at: file) else { return nil }
            return "token:" + Hex.string(SHA256.hash(data: bytes).prefix(12))
        case .instanceMetadata, .container:
            return nil  // only the endpoint knows its current key: one local call, and still no STS call
        }
    }

    /// The source's credentials and its identity for cache keys. Web identity sources have no credentials
    /// of their own: the token is returned as `webIdentityToken`.
    func load(_ source: CredentialPlan.Source) async throws(CredentialsError) -> Loaded {
        switch source {
        case .vaultKey(let profile):
            let stamp = keys.stamp()
            let stored: StoredKey?
            do {
                stored = try await keys.open().key(profile: profile)
            } catch {
                throw .vault(error)
            }
            guard let stored else { throw await missingKey(profile) }
            if let cache, let stamp {
                await cache.rememberKeyID(stored.accessKeyID, profile: profile, storeName: keys.location, stamp: stamp)
            }
            return Loaded(
                credentials: AWSCredentials(
                    accessKeyID: stored.accessKeyID,
                    secretAccessKey: SecretString(stored.secretAccessKey.unredacted)),
                identity: stored.accessKeyID)
        case .staticKeys(let keys, _):
            return Loaded(
                credentials: AWSCredentials(
                    accessKeyID: keys.accessKeyID, secretAccessKey: SecretString(keys.secretAccessKey.unredacted),
                    sessionToken: keys.sessionToken.map { SecretString($0.unredacted) }),
                identity: keys.accessKeyID)
        case .environment(let profile):
            guard let credentials = Self.environmentCredentials(environment) else {
                throw .environmentCredentialsMissing(profile: profile)
            }
            return Loaded(credentials: credentials, identity: credentials.accessKeyID)
        case .credentialProcess(let command, let profile):
            return Loaded(credentials: try runProcess(command, profile: profile), identity: "process")
        case .webIdentity(let file, _, _, let profile):
            guard let bytes = try? SecureFile.read(at: file),
                let token = String(validating: bytes, as: UTF8.self)?.trimmingSpaces(),
                !token.isEmpty
            else { throw .webIdentityTokenUnreadable(profile: profile, file: file) }
            return Loaded(
                credentials: nil, identity: await cheapIdentity(of: source) ?? "token", webIdentityToken: token)
        case .instanceMetadata, .container:
            return try await loadMetadata(source)
        }
    }

    /// The instance's or the container's credentials, identified by their access key.
    private func loadMetadata(_ source: CredentialPlan.Source) async throws(CredentialsError) -> Loaded {
        let credentials: AWSCredentials
        switch source {
        case .instanceMetadata(let configuration, let profile):
            let settings = try InstanceMetadataSource.Settings(
                environment: environment, configuration: configuration, profile: profile)
            credentials = try await InstanceMetadataSource(profile: profile, settings: settings, transport: transport)
                .credentials()
        case .container(let profile):
            credentials = try await ContainerCredentialSource(
                profile: profile, environment: environment, transport: transport
            ).credentials()
        default:
            throw .noCredentials(profile: source.profile)
        }
        return Loaded(credentials: credentials, identity: credentials.accessKeyID)
    }

    /// The environment's keys (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, and `AWS_SESSION_TOKEN` or the
    /// older `AWS_SECURITY_TOKEN`) when both halves are set: the one reader for `credential_source =
    /// Environment` and for the environment's keys used when no profile is named.
    static func environmentCredentials(_ environment: Environment) -> AWSCredentials? {
        guard let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] else {
            return nil
        }
        let token = environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"]
        return AWSCredentials(
            accessKeyID: id, secretAccessKey: SecretString(secret), sessionToken: token.map(SecretString.init))
    }

    /// Runs `credential_process` as botocore does (its output on stdout, its stderr ignored) and reads its JSON.
    private func runProcess(_ command: String, profile: String) throws(CredentialsError) -> AWSCredentials {
        let output: ChildProcess.Output
        let marks = CredentialProcessGuard(environment: environment)
        let child = marks.helperEnvironment(environment, resolving: [requestedProfile, profile].compactMap { $0 })
        do {
            output = try ChildProcess(executable: "/bin/sh", arguments: ["-c", command], environment: child)
                .run(timeout: .seconds(120))
        } catch {
            throw .credentialProcessFailed(profile: profile, reason: error.description)
        }
        guard output.succeeded else {
            // A keyward below says why in one line of its own; any other program's stderr stays unread.
            let said = String(decoding: output.standardError, as: UTF8.self).split(separator: "\n").first
            let reason = said.flatMap { $0.hasPrefix("keyward: ") ? String($0.dropFirst(9).prefix(300)) : nil }
            throw .credentialProcessFailed(
                profile: profile, reason: "\(output.termination)" + (reason.map { ": " + $0 } ?? ""))
        }
        guard let document = try? JSONDecoder().decode(CredentialProcessOutput.self, from: Data(output.standardOutput)),
            let credentials = document.credentials
        else {
            throw .credentialProcessFailed(profile: profile, reason: "its output is not Version 1 credentials JSON")
        }
        return credentials
    }

    struct Loaded: Sendable {
        var credentials: AWSCredentials?
        var identity: String
        var webIdentityToken: String?
    }
}
