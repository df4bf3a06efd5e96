import Foundation
import Hummingbird

/// The ECS endpoint's one route: `GET /credentials`, behind ``AuthorizationTokenMiddleware``.
struct ContainerCredentialsHandler: Sendable {
    /// The path in `AWS_CONTAINER_CREDENTIALS_FULL_URI`.
    static let path = "/credentials"

    let cache: CredentialCache
    let role: ServedRole
    let now: @Sendable () -> Date
    let encoded = EncodedDocument()

    @Sendable func show(_ request: Request, context: some RequestContext) async throws -> Response {
        let served = try await cache.servedOrHTTPError()
        return try encoded.response(for: .init(served, now: now())) { [role] key in
            ContainerCredentialsDocument(key.served, roleARN: role.arn, expiration: key.reportedExpiration)
        }
    }
}
