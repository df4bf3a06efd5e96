import FoundationEssentials
import KeywardAWS
import KeywardConfig
import KeywardSystem
import KeywardVault
import Logging

/// Turns a profile into credentials the way the AWS CLI reads `~/.aws/config`, with aws-vault's MFA session
/// and cache: source credentials, then an MFA `GetSessionToken`, then `AssumeRole` along the chain.
///
/// The cached path reads the config, asks the session cache and answers: no vault decryption, no HTTP
/// client, no process. A miss takes a lock file per chain under `KEYWARD_HOME`, looks in the cache again
/// (another process may have just filled it), then fetches, so concurrent callers share one STS call and
/// one MFA prompt.
///
/// ```swift
/// let resolver = CredentialResolver(
///     profiles: try ProfileResolver(environment: env), environment: env, keys: keys, cache: cache,
///     lockDirectory: home + "/locks", mfa: codes, options: CredentialOptions(loginName: "jo"))
/// let result = try await resolver.credentials(for: "admin")
/// ```
public struct CredentialResolver: Sendable {
    /// The AWS config files.
    public var profiles: ProfileResolver
    /// The caller's environment (environment keys, `credential_process`).
    public var environment: Environment
    /// The vault of long-lived keys.
    public var keys: KeySource
    /// The session cache, or `nil` to cache nothing.
    public var cache: SessionCache?
    /// Where lock files go (`KEYWARD_HOME/locks`), or `nil` for no cross-process lock.
    public var lockDirectory: String?
    /// Where MFA codes come from.
    public var mfa: MFACodeSource
    /// Session lengths and flags.
    public var options: CredentialOptions
    /// The network seam for STS.
    public var transport: any HTTPTransport
    /// Debug logging, never a secret.
    public var logger: Logger
    /// How long a process waits for another one fetching the same session (it may be at an MFA prompt).
    public var lockTimeout: Duration
    /// Told once when another process has held a needed lock for a few seconds (the CLI prints it).
    public var lockNotice: CredentialLockNotice?

    /// Creates a resolver; nothing is read or opened until `credentials(for:)`.
    public init(
        profiles: ProfileResolver, environment: Environment, keys: KeySource, cache: SessionCache?,
        lockDirectory: String?, mfa: MFACodeSource, options: CredentialOptions,
        transport: any HTTPTransport = AsyncHTTPTransport(),
        logger: Logger = Logger(label: "keyward.credentials", factory: { _ in SwiftLogNoOpLogHandler() }),
        lockTimeout: Duration = .seconds(300), lockNotice: CredentialLockNotice? = nil
    ) {
        self.profiles = profiles
        self.environment = environment
        self.keys = keys
        self.cache = cache
        self.lockDirectory = lockDirectory
        self.mfa = mfa
        self.options = options
        self.transport = transport
        self.logger = logger
        self.lockTimeout = lockTimeout
        self.lockNotice = lockNotice
    }

    /// The plan for a profile, from the config alone.
    /// - Parameter profile: the profile; `nil` selects as the AWS CLI does (`AWS_PROFILE`, else `default`).
    /// - Throws: `CredentialsError.config` or `.unsupportedSource`.
    public func plan(for profile: String?) throws(CredentialsError) -> (CredentialPlan, ResolvedProfile) {
        let resolved: ResolvedProfile
        do {
            resolved = try profiles.resolve(profile, allowMissing: true)
        } catch {
            throw .config(error)
        }
        return (try CredentialPlan(resolved, options: options), resolved)
    }

    /// Credentials for `profile` if the session cache holds them, without loading any source, opening the
    /// vault, prompting or calling STS: the cached path of `keyward export`.
    /// - Parameter profile: the profile.
    /// - Returns: the cached credentials, or `nil` on a miss (or for a profile that fetches no session).
    /// - Throws: `CredentialsError` when the config or the cache cannot be read.
    public func cachedCredentials(for profile: String) async throws(CredentialsError) -> ResolvedCredentials? {
        let (plan, _) = try plan(for: profile)
        guard plan.fetchesSession || isWebIdentity(plan.source) else { return nil }
        let loader = SourceLoader(keys: keys, cache: cache, environment: environment)
        return try await cached(plan.finalKey, plan: plan, loader: loader)
    }

    /// Credentials for `profile`.
    ///
    /// With no profile named and keys in the environment, those keys are used as they are, as the AWS CLI
    /// does.
    /// - Parameter profile: the profile, or `nil` to select as the AWS CLI does.
    /// - Returns: the credentials and where they came from.
    /// - Throws: `CredentialsError`.
    public func credentials(for profile: String?) async throws(CredentialsError) -> ResolvedCredentials {
        if profile == nil, let credentials = environmentKeys() {
            return ResolvedCredentials(
                credentials: credentials, profile: "environment",
                region: profiles.region(for: nil), origin: .source)
        }
        let (plan, resolved) = try plan(for: profile)
        try CredentialProcessGuard(environment: environment).check(plan.profile, profiles: profiles)
        let loader = SourceLoader(
            keys: keys, cache: cache, environment: environment, requestedProfile: plan.profile)
        if !plan.fetchesSession && !isWebIdentity(plan.source) {
            let loaded = try await loader.load(plan.source)
            guard let credentials = loaded.credentials else { throw .noCredentials(profile: plan.profile) }
            return ResolvedCredentials(
                credentials: credentials, profile: plan.profile, region: plan.region, origin: .source)
        }
        let key = plan.finalKey
        if let hit = try await cached(key, plan: plan, loader: loader) { return hit }

        return try await CredentialLock.withLock(
            directory: lockDirectory, purpose: .chain, fingerprint: key.canonicalText, profile: plan.profile,
            timeout: lockTimeout, notice: lockNotice
        ) { () async throws(CredentialsError) in
            try await fetchLocked(plan: plan, resolved: resolved, loader: loader)
        }
    }

    /// The miss path, under the chain's lock: look again, load the source, fetch, cache.
    private func fetchLocked(
        plan: CredentialPlan, resolved: ResolvedProfile, loader: SourceLoader
    ) async throws(CredentialsError) -> ResolvedCredentials {
        if let hit = try await cached(plan.finalKey, plan: plan, loader: loader) { return hit }
        let loaded = try await loader.load(plan.source)
        let key = plan.finalKey.identified(by: loaded.identity)
        if let cache, let hit = try await read(cache, key: key) {
            return ResolvedCredentials(
                credentials: hit.credentials, profile: plan.profile, region: plan.region, origin: .cache,
                session: hit.facts)
        }
        let fetcher = SessionFetcher(
            plan: plan, sts: try stsClient(for: resolved), cache: cache, mfa: mfa, logger: logger,
            lockDirectory: lockDirectory, lockTimeout: lockTimeout, lockNotice: lockNotice)
        let session = try await fetcher.fetch(loaded: loaded)
        if let cache {
            do {
                try await cache.store(session, for: key)
            } catch {
                logger.debug("cannot cache the session", metadata: ["error": "\(error)"])
            }
        }
        return ResolvedCredentials(
            credentials: session.credentials, profile: plan.profile, region: plan.region, origin: .fetched,
            session: session.facts)
    }

    private func cached(
        _ key: SessionKey, plan: CredentialPlan, loader: SourceLoader
    ) async throws(CredentialsError) -> ResolvedCredentials? {
        guard let cache, let identity = await loader.cheapIdentity(of: plan.source) else { return nil }
        guard let hit = try await read(cache, key: key.identified(by: identity)) else { return nil }
        logger.debug("session from the cache", metadata: ["profile": "\(plan.profile)"])
        return ResolvedCredentials(
            credentials: hit.credentials, profile: plan.profile, region: plan.region, origin: .cache,
            session: hit.facts)
    }

    private func read(_ cache: SessionCache, key: SessionKey) async throws(CredentialsError) -> CachedSession? {
        do {
            return try await cache.session(for: key)
        } catch {
            throw .vault(error)
        }
    }

    private func isWebIdentity(_ source: CredentialPlan.Source) -> Bool {
        if case .webIdentity = source { return true }
        return false
    }
}
