import Foundation
import Hummingbird

/// Builds the router of one server run (STYLE.md §7): one middleware per check, in order: the access log, the
/// loopback peer, the `Host` header, forwarding headers; then the IMDSv2 token or the ECS `Authorization`.
enum CredentialRouter {
    /// What a run's router needs.
    struct Parts: Sendable {
        let kind: ServerKind
        let cache: CredentialCache
        let role: ServedRole
        let bearerToken: BearerToken
        let imdsTokens: IMDSTokens
        let now: @Sendable () -> Date
    }

    /// - Parameter checksConnection: `false` only in router tests, which have no socket for the peer and port
    ///   checks to read; those two checks are tested on live servers.
    static func make(_ parts: Parts, checksConnection: Bool = true) -> Router<CredentialRequestContext> {
        let router = Router(context: CredentialRequestContext.self)
        router.add(middleware: AccessLogMiddleware())
        if checksConnection {
            router.add(middleware: LoopbackPeerMiddleware())
            router.add(middleware: HostHeaderMiddleware())
        }
        router.add(middleware: ForwardedRequestMiddleware())
        switch parts.kind {
        case .ec2:
            router.put("/latest/api/token", use: IMDSTokenHandler(tokens: parts.imdsTokens).issue)
            // Every route added from here on, and the not-found answer, needs a session token.
            router.add(middleware: IMDSTokenMiddleware(tokens: parts.imdsTokens))
            let metadata = IMDSMetadataHandler(cache: parts.cache, role: parts.role, now: parts.now)
            router.get(RouterPath(IMDSMetadataHandler.credentialsPath), use: metadata.listRoles)
            router.get(RouterPath(IMDSMetadataHandler.credentialsPath + "/:role"), use: metadata.showCredentials)
            router.get(RouterPath(IMDSMetadataHandler.infoPath), use: metadata.showInfo)
        case .ecs:
            router.add(middleware: AuthorizationTokenMiddleware(token: parts.bearerToken))
            let container = ContainerCredentialsHandler(cache: parts.cache, role: parts.role, now: parts.now)
            router.get(RouterPath(ContainerCredentialsHandler.path), use: container.show)
        }
        return router
    }
}
