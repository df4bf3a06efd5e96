import Crypto
import FoundationEssentials
import KeywardSystem
import KeywardVault

/// Temporary sessions kept between commands, so one MFA code serves a day of role switching and a cached
/// `keyward export` answers in milliseconds.
///
/// Entries live in a `SecretStore`: the kernel keyring when it is usable (memory only, per user, each entry
/// expiring with its session), else the chosen backend; never plaintext on disk. An entry's name is a hash
/// of everything that produced it (the source key id, the whole role chain and its parameters, the MFA
/// device), so a changed key or config never reuses a stale session. Names carry a namespace derived from
/// `KEYWARD_HOME`, so two Keyward homes of one user (and parallel tests) never see each other's sessions.
///
/// ```swift
/// let cache = SessionCache(store: KeyctlSecretStore(), namespace: SessionCache.namespace(forHome: home))
/// for entry in try await cache.entries() { print(entry.profile, entry.kind, entry.expiration) }
/// ```
public struct SessionCache: Sendable {
    /// One cached session as `keyward list` shows it: never a secret.
    public struct Entry: Sendable, Equatable {
        /// The profile the session was fetched for.
        public var profile: String
        /// The chain it stands for, target first.
        public var chain: [String]
        /// The digest of the plan that fetched it (`CachedSession.planDigest`).
        public var planDigest: String?
        /// What kind of session it is.
        public var kind: SessionKind
        /// When it expires.
        public var expiration: Date
        /// The session's access key id, masked (`****************WXYZ`): what tells two sessions of one
        /// profile apart in `keyward list`.
        public var maskedAccessKeyID: String

        /// Creates an entry.
        public init(
            profile: String, chain: [String], kind: SessionKind, expiration: Date, planDigest: String? = nil,
            maskedAccessKeyID: String = "****"
        ) {
            self.profile = profile
            self.chain = chain
            self.planDigest = planDigest
            self.kind = kind
            self.expiration = expiration
            self.maskedAccessKeyID = maskedAccessKeyID
        }
    }

    /// Where entries are kept.
    public let store: any SecretStore
    /// The prefix of every entry name (see `namespace(forHome:)`).
    public let namespace: String
    /// A session is reused only while at least this much of it is left (the AWS SDKs refresh 5 to 15
    /// minutes before expiry; a program started now should not get credentials about to lapse).
    public let refreshMargin: Duration
    let now: @Sendable () -> Date

    /// A cache over `store`.
    /// - Parameters:
    ///   - store: the backend; the kernel keyring when usable.
    ///   - namespace: the name prefix, `SessionCache.namespace(forHome:)`.
    ///   - refreshMargin: how long before expiry a session stops being reused (10 minutes unless told).
    ///   - now: the clock.
    public init(
        store: any SecretStore, namespace: String, refreshMargin: Duration = .seconds(600),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.namespace = namespace
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// The namespace for a Keyward home: eight hex digits of the SHA-256 of its path.
    /// - Parameter home: `KEYWARD_HOME`.
    public static func namespace(forHome home: String) -> String {
        HomeNamespace.of(home: home)
    }

    /// The entry name for a cache key text.
    /// - Parameter key: everything that identifies the session (see `CredentialPlan` fingerprints).
    public func entryName(forKey key: String) -> String {
        "\(namespace).s.\(String(Self.hexDigest(key).prefix(40)))"
    }

    /// The cached session under `key` while enough of it is left.
    /// - Parameter key: the cache key text.
    /// - Returns: the session, or `nil` when none is cached, it is about to expire, or the entry is unreadable.
    /// - Throws: `VaultError` when the store itself fails.
    public func session(forKey key: String) async throws(VaultError) -> CachedSession? {
        let item = try VaultItem(kind: .session, name: entryName(forKey: key))
        guard let secret = try await store.read(item), let session = CachedSession.decode(secret) else { return nil }
        return isFresh(session) ? session : nil
    }

    /// Caches `session` under `key`; in the kernel keyring the entry expires with the session.
    /// - Parameters:
    ///   - session: the session.
    ///   - key: the cache key text.
    /// - Throws: `VaultError` from the store.
    public func store(_ session: CachedSession, forKey key: String) async throws(VaultError) {
        let item = try VaultItem(kind: .session, name: entryName(forKey: key))
        try await write(session.encoded(), item: item, until: session.expiration)
    }

    /// Every cached session of this namespace, soonest expiry first; expired entries are left out.
    /// - Throws: `VaultError` from the store.
    public func entries() async throws(VaultError) -> [Entry] {
        var entries: [Entry] = []
        for name in try await store.list(.session) where name.hasPrefix("\(namespace).s.") {
            guard let secret = try await store.read(VaultItem(kind: .session, name: name)),
                let session = CachedSession.decode(secret), session.expiration > now()
            else { continue }
            entries.append(
                Entry(
                    profile: session.profile, chain: session.chain, kind: session.kind, expiration: session.expiration,
                    planDigest: session.planDigest, maskedAccessKeyID: session.credentials.maskedAccessKeyID))
        }
        return entries.sorted { ($0.expiration, $0.profile) < ($1.expiration, $1.profile) }
    }

    /// The cached session under `key` while enough of it is left (see `session(forKey:)`).
    public func session(for key: SessionKey) async throws(VaultError) -> CachedSession? {
        try await session(forKey: key.canonicalText)
    }

    /// Caches `session` under `key` (see `store(_:forKey:)`).
    public func store(_ session: CachedSession, for key: SessionKey) async throws(VaultError) {
        try await store(session, forKey: key.canonicalText)
    }

    /// Drops cached sessions: all of this namespace, or those fetched for `profile`, with it in their chain,
    /// or fetched by a plan whose digest is in `plans` (what the profile resolves to: two identical role
    /// profiles share one session, and clearing either drops it).
    /// - Parameters:
    ///   - profile: the profile, or `nil` for all.
    ///   - plans: `SessionKey.digest`s of the profile's plan keys.
    /// - Returns: how many entries were dropped.
    /// - Throws: `VaultError` from the store.
    @discardableResult
    public func clear(profile: String? = nil, plans: Set<String> = []) async throws(VaultError) -> Int {
        var dropped = 0
        for name in try await store.list(.session) where name.hasPrefix("\(namespace).") {
            let item = try VaultItem(kind: .session, name: name)
            if let profile, name.hasPrefix("\(namespace).s.") {
                guard let secret = try await store.read(item), let session = CachedSession.decode(secret) else {
                    continue
                }
                let byPlan = session.planDigest.map { plans.contains($0) } ?? false
                guard session.profile == profile || session.chain.contains(profile) || byPlan else { continue }
            } else if profile != nil {
                continue  // key-id memos are dropped only by a full clear
            }
            if try await store.delete(item), name.hasPrefix("\(namespace).s.") { dropped += 1 }
        }
        return dropped
    }

    func isFresh(_ session: CachedSession) -> Bool {
        let (seconds, attoseconds) = refreshMargin.components
        let margin = Double(seconds) + Double(attoseconds) / 1e18
        return session.expiration.timeIntervalSince(now()) > margin
    }

    func write(_ secret: SecretString, item: VaultItem, until expiration: Date) async throws(VaultError) {
        let seconds = max(expiration.timeIntervalSince(now()), 1)
        try await store.store(secret, for: item, expiringAfter: .seconds(seconds.rounded(.up)))
    }

    static func hexDigest(_ text: String) -> String {
        Hex.string(SHA256.hash(data: Array(text.utf8)))
    }
}
