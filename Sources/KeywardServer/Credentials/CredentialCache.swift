import Foundation
import KeywardAWS
import Logging
import Synchronization

/// Holds the last credentials from a ``CredentialSource`` and asks it again when they expire within
/// `minimumValidity`, once at a time however many requests wait (STYLE.md §5: one in-flight task).
///
/// A failed refresh is logged here, once, with the source's error; callers only learn that credentials are
/// unavailable, so no error text reaches a client. For `failureBackoff` seconds after a failure, requests fail
/// at once instead of asking the source again, so a broken source (or an MFA prompt nobody answers) is not
/// hammered by every retrying SDK.
///
/// Serving held credentials takes no hop onto the actor: they are read from a `Mutex` snapshot, so the common
/// case costs a lock and a date comparison. Only a refresh enters the actor.
actor CredentialCache {
    /// Thrown to request handlers when no valid credentials can be had; carries nothing on purpose.
    struct Unavailable: Error, Equatable {}

    private let source: any CredentialSource
    private let minimumValidity: TimeInterval
    private let failureBackoff: TimeInterval
    private let now: @Sendable () -> Date
    private let logger: Logger
    /// The last good credentials; written only on the actor, read from anywhere.
    private nonisolated let held = Mutex<ServedCredentials?>(nil)
    private var refreshing: Task<ServedCredentials, any Error>?
    private var lastFailure: Date?

    /// - Parameters:
    ///   - source: Where fresh credentials come from.
    ///   - minimumValidity: Seconds held credentials must still be valid for to be served without a refresh.
    ///   - failureBackoff: Seconds after a failed refresh during which the source is not asked again.
    ///   - now: The clock.
    ///   - logger: Receives refresh failures (error) and short-lived credentials (warning).
    init(
        source: any CredentialSource, minimumValidity: TimeInterval, failureBackoff: TimeInterval,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.source = source
        self.minimumValidity = minimumValidity
        self.failureBackoff = failureBackoff
        self.now = now
        self.logger = logger
    }

    /// Fetches credentials at start-up, since SDKs give a credential endpoint about a second to answer.
    /// - Throws: The source's own error, unchanged, so the CLI can render it;
    ///   ``ServerError/expiredCredentials`` if what it returned has already expired.
    func prime() async throws {
        let fresh = try await refresh()
        guard !fresh.isExpired(at: now()) else { throw ServerError.expiredCredentials }
    }

    /// Credentials valid for at least `minimumValidity`, refreshed if needed; freshly fetched ones that expire
    /// sooner are still served as long as they have not expired.
    /// - Throws: ``Unavailable`` when the source fails or returns expired credentials.
    nonisolated func current() async throws(Unavailable) -> ServedCredentials {
        if let held = held.withLock({ $0 }), held.isValid(for: minimumValidity, at: now()) { return held }
        return try await refreshed()
    }

    /// The slow path of ``current()``, on the actor.
    private func refreshed() async throws(Unavailable) -> ServedCredentials {
        let now = self.now()
        if let held = held.withLock({ $0 }), held.isValid(for: minimumValidity, at: now) { return held }
        if let lastFailure, now.timeIntervalSince(lastFailure) < failureBackoff, refreshing == nil {
            throw Unavailable()
        }
        let fresh: ServedCredentials
        do {
            fresh = try await refresh()
        } catch {
            throw Unavailable()
        }
        guard !fresh.isExpired(at: self.now()) else { throw Unavailable() }
        return fresh
    }

    /// One call to the source shared by every caller that arrives while it runs.
    private func refresh() async throws -> ServedCredentials {
        if let refreshing { return try await refreshing.value }
        let task = Task { [source, now] in
            let credentials = try await source.credentials()
            return ServedCredentials(credentials: credentials, lastUpdated: now())
        }
        refreshing = task
        defer { refreshing = nil }
        let fresh: ServedCredentials
        do {
            fresh = try await task.value
        } catch {
            lastFailure = now()
            // The source's errors never hold secrets (STYLE.md §3); the client gets a constant message instead.
            logger.error("credential source failed", metadata: ["error": "\(error)"])
            throw error
        }
        lastFailure = nil
        held.withLock { $0 = fresh }
        report(fresh)
        return fresh
    }

    private func report(_ fresh: ServedCredentials) {
        guard let expiration = fresh.credentials.expiration else {
            logger.debug("credentials refreshed", metadata: ["accessKeyID": "\(fresh.credentials.maskedAccessKeyID)"])
            return
        }
        let remaining = Int(expiration.timeIntervalSince(fresh.lastUpdated))
        let metadata: Logger.Metadata = [
            "accessKeyID": "\(fresh.credentials.maskedAccessKeyID)", "validSeconds": "\(remaining)",
        ]
        if remaining <= 0 {
            logger.error("credential source returned expired credentials", metadata: metadata)
        } else if Double(remaining) < minimumValidity {
            logger.warning("credential source returned credentials that expire soon", metadata: metadata)
        } else {
            logger.debug("credentials refreshed", metadata: metadata)
        }
    }
}
