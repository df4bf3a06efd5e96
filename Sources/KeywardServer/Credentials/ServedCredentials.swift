import Foundation
import KeywardAWS

/// Credentials as the server holds them: what the source returned, and when (IMDS calls it `LastUpdated`).
struct ServedCredentials: Sendable, Equatable {
    /// What the ``CredentialSource`` returned.
    let credentials: AWSCredentials
    /// When the source returned them.
    let lastUpdated: Date

    /// Whether they stay valid for at least `validity` seconds after `now`; credentials without an expiration
    /// always do.
    func isValid(for validity: TimeInterval, at now: Date) -> Bool {
        guard let expiration = credentials.expiration else { return true }
        return expiration.timeIntervalSince(now) >= validity
    }

    /// Whether they have expired at `now` (an expiry of exactly `now` counts as expired).
    func isExpired(at now: Date) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration <= now
    }
}
