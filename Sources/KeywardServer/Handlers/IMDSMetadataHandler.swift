import Foundation
import Hummingbird

/// The IMDS metadata routes, behind ``IMDSTokenMiddleware``:
/// - `/latest/meta-data/iam/security-credentials/` lists the role name;
/// - `/latest/meta-data/iam/security-credentials/ROLE` gives its credentials (404 for any other name);
/// - `/latest/meta-data/iam/info` gives the instance profile.
struct IMDSMetadataHandler: Sendable {
    static let credentialsPath = "/latest/meta-data/iam/security-credentials"
    static let infoPath = "/latest/meta-data/iam/info"

    let cache: CredentialCache
    let role: ServedRole
    let now: @Sendable () -> Date
    let encodedCredentials = EncodedDocument()
    let encodedInfo = EncodedDocument()

    @Sendable func listRoles(_ request: Request, context: some RequestContext) -> String {
        role.name
    }

    @Sendable func showCredentials(_ request: Request, context: some RequestContext) async throws -> Response {
        guard context.parameters.get("role") == role.name else { throw HTTPError(.notFound) }
        let served = try await cache.servedOrHTTPError()
        return try encodedCredentials.response(for: .init(served, now: now())) { key in
            IMDSCredentialsDocument(key.served, expiration: key.reportedExpiration)
        }
    }

    @Sendable func showInfo(_ request: Request, context: some RequestContext) async throws -> Response {
        let served = try await cache.servedOrHTTPError()
        return try encodedInfo.response(for: .init(served, now: now())) { [role] key in
            IMDSInfoDocument(key.served, role: role)
        }
    }
}
