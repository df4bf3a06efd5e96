import Foundation
import Hummingbird
import KeywardTestSupport
import Logging

@testable import KeywardServer

/// A router of one kind over a test source and clock, as an application for `app.test(.router)`.
struct RouterFixture {
    static let roleARN = "arn:aws:iam::123456789012:role/served"

    let clock: TestClock
    let parts: CredentialRouter.Parts
    let application: Application<RouterResponder<CredentialRequestContext>>

    /// - Parameter prime: Fetch at start-up, as the server does; off for sources that always fail.
    static func make(
        _ kind: ServerKind, source: some CredentialSource, clock: TestClock, roleARN: String? = roleARN,
        minimumValidity: TimeInterval = 300, prime: Bool = true, logger: Logger = Logger(label: "test")
    ) async throws -> RouterFixture {
        let cache = CredentialCache(
            source: source, minimumValidity: minimumValidity, failureBackoff: 0, now: clock.now, logger: logger)
        if prime { try await cache.prime() }
        let parts = CredentialRouter.Parts(
            kind: kind, cache: cache, role: ServedRole(name: "served", arn: roleARN),
            bearerToken: BearerToken.random(), imdsTokens: IMDSTokens(now: clock.now), now: clock.now)
        let application = Application(
            router: CredentialRouter.make(parts, checksConnection: false), logger: logger)
        return RouterFixture(clock: clock, parts: parts, application: application)
    }
}

/// A JSON response body as a dictionary of strings (every field we serve is a string).
func jsonFields(_ body: ByteBuffer) throws -> [String: String] {
    try JSONDecoder().decode([String: String].self, from: Data(String(buffer: body).utf8))
}
