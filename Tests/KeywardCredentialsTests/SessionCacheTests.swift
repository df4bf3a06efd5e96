import FoundationEssentials
import KeywardAWS
import KeywardCredentials
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

/// The session cache over an in-memory store with an injected clock.
@Suite struct SessionCacheTests {
    static func session(profile: String, chain: [String], expiresAt: Date) -> CachedSession {
        CachedSession(
            kind: .assumedRole, profile: profile, chain: chain,
            credentials: AWSCredentials(
                accessKeyID: "ASIAEXAMPLE000000001", secretAccessKey: SecretString("secret"),
                sessionToken: SecretString("token"), expiration: expiresAt),
            expiration: expiresAt)
    }

    @Test func reusedUntilShortlyBeforeExpiryListedWithoutSecretsAndCleared() async throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = TestClock(start)
        let store = InMemorySecretStore()
        let cache = SessionCache(store: store, namespace: "abcd1234", now: clock.now)
        let session = Self.session(profile: "admin", chain: ["admin", "jo"], expiresAt: start.addingTimeInterval(3600))
        try await cache.store(session, forKey: "k1")
        #expect(try await cache.session(forKey: "k1") == session)
        #expect(try await cache.session(forKey: "k2") == nil)
        #expect(
            try await cache.entries()
                == [
                    SessionCache.Entry(
                        profile: "admin", chain: ["admin", "jo"], kind: .assumedRole, expiration: session.expiration,
                        maskedAccessKeyID: session.credentials.maskedAccessKeyID)
                ])
        clock.set(start.addingTimeInterval(3600 - 601))
        #expect(try await cache.session(forKey: "k1") == session)
        clock.set(start.addingTimeInterval(3600 - 599))
        #expect(try await cache.session(forKey: "k1") == nil)

        let other = SessionCache(store: store, namespace: "ffff0000", now: clock.now)
        #expect(try await other.entries() == [])
        #expect(try await other.clear() == 0)
        #expect(try await cache.clear(profile: "jo") == 1)
        #expect(try await cache.clear() == 0)
        #expect(String(describing: session).contains("secret") == false)
    }

    @Test func namespacesAndNamesAreStableHashes() {
        #expect(SessionCache.namespace(forHome: "/home/jo/.local/share/keyward").count == 8)
        let cache = SessionCache(store: InMemorySecretStore(), namespace: "abcd1234")
        #expect(cache.entryName(forKey: "x").hasPrefix("abcd1234.s."))
        #expect(cache.entryName(forKey: "x").count == 8 + 3 + 40)
        #expect(cache.entryName(forKey: "x") != cache.entryName(forKey: "y"))
    }
}
