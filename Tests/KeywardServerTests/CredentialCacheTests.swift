import Foundation
import KeywardAWS
import KeywardTestSupport
import Logging
import Testing

@testable import KeywardServer

@Suite struct CredentialCacheTests {
    private func cache(
        _ source: some CredentialSource, clock: TestClock, minimumValidity: TimeInterval = 300,
        failureBackoff: TimeInterval = 5
    ) -> CredentialCache {
        CredentialCache(
            source: source, minimumValidity: minimumValidity, failureBackoff: failureBackoff, now: clock.now,
            logger: Logger(label: "test"))
    }

    @Test func servesHeldCredentialsUntilTheyExpireWithinTheThreshold() async throws {
        let clock = TestClock()
        let source = CountingSource(lifetime: 3600, now: clock.now)
        let cache = cache(source, clock: clock)
        try await cache.prime()
        #expect(try await cache.current().credentials.accessKeyID == "ASIAKEY1")
        clock.advance(by: 3300)  // exactly 300 s left: still served
        #expect(try await cache.current().credentials.accessKeyID == "ASIAKEY1")
        clock.advance(by: 1)
        let refreshed = try await cache.current()
        #expect(refreshed.credentials.accessKeyID == "ASIAKEY2")
        #expect(refreshed.lastUpdated == clock.now())
        #expect(source.callCount == 2)
    }

    @Test func concurrentRequestsShareOneRefresh() async throws {
        let clock = TestClock()
        let source = GatedSource(value: testCredentials("GATED", expiringAt: clock.now().addingTimeInterval(3600)))
        let cache = cache(source, clock: clock)
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask { try await cache.current().credentials.accessKeyID }
            }
            // Wait until the first caller reached the source, then let it answer.
            while source.callCount == 0 { await Task.yield() }
            source.release()
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(keys == Array(repeating: "ASIAGATED", count: 20))
        #expect(source.callCount == 1)
    }

    @Test func startUpFailureRethrowsTheSourceError() async {
        let clock = TestClock()
        let cache = cache(FailingSource(), clock: clock)
        await #expect(throws: FailingSource.Failure.self) { try await cache.prime() }
    }

    @Test func refreshFailureIsUnavailableAndBacksOff() async throws {
        let clock = TestClock()
        let source = FailAfterFirstSource(
            first: testCredentials("ONCE", expiringAt: clock.now().addingTimeInterval(600)))
        let cache = cache(source, clock: clock, failureBackoff: 5)
        try await cache.prime()
        clock.advance(by: 301)
        await #expect(throws: CredentialCache.Unavailable()) { try await cache.current() }
        #expect(source.callCount == 2)
        clock.advance(by: 4.9)
        await #expect(throws: CredentialCache.Unavailable()) { try await cache.current() }
        #expect(source.callCount == 2)
        clock.advance(by: 0.1)
        await #expect(throws: CredentialCache.Unavailable()) { try await cache.current() }
        #expect(source.callCount == 3)
    }

    @Test func freshCredentialsShorterThanTheThresholdAreServedButExpiredOnesAreNot() async throws {
        let clock = TestClock()
        let source = CountingSource(lifetime: 60, now: clock.now)
        let cache = cache(source, clock: clock, minimumValidity: 300)
        try await cache.prime()
        // Each request finds the held credentials too short-lived and asks again; what comes back is served.
        #expect(try await cache.current().credentials.accessKeyID == "ASIAKEY2")
        #expect(try await cache.current().credentials.accessKeyID == "ASIAKEY3")

        let expired = CountingSource(lifetime: 0, now: clock.now)
        let expiredCache = self.cache(expired, clock: clock)
        await #expect(throws: ServerError.expiredCredentials) { try await expiredCache.prime() }
        await #expect(throws: CredentialCache.Unavailable()) { try await expiredCache.current() }
    }

    @Test func credentialsWithoutExpirationAreNeverRefreshed() async throws {
        final class StaticSource: CredentialSource {
            func credentials() async throws -> KeywardAWS.AWSCredentials { testCredentials("STATIC", expiringAt: nil) }
        }
        let clock = TestClock()
        let cache = cache(StaticSource(), clock: clock)
        try await cache.prime()
        clock.advance(by: 86_400 * 365)
        let served = try await cache.current()
        #expect(served.credentials.accessKeyID == "ASIASTATIC")
        #expect(served.reportedExpiration(now: clock.now()) == clock.now().addingTimeInterval(3600))
    }
}
