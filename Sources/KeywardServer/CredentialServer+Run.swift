import Foundation
import Glibc
import Hummingbird
import HummingbirdCore
import KeywardSystem
import Logging
import NIOCore

/// One run of a ``CredentialServer``: its application, fresh secrets, and the port once bound.
struct PreparedRun: Sendable {
    let application: Application<RouterResponder<CredentialRequestContext>>
    let parts: CredentialRouter.Parts
    let address: String
    let ports: AsyncStream<Int>
    let listening: AsyncStream<Int>.Continuation

    /// The endpoint once the server listens; if it stops first, its error, as ``ServerError/bindFailed``.
    func waitUntilListening(tasks: inout ThrowingTaskGroup<Void, any Error>) async throws -> CredentialServer.Endpoint {
        for await port in ports {
            let token = parts.kind == .ecs ? parts.bearerToken.value : nil
            return CredentialServer.Endpoint(kind: parts.kind, port: port, authorizationToken: token)
        }
        do {
            try await tasks.next()
        } catch let error as IOError {
            // NIO's text names its own call (`bind(descriptor:ptr:bytes:)`); say what the person can act on.
            let reason =
                error.errnoCode == EADDRINUSE
                ? "the port is already in use; choose another with --port, or leave it out for a free one"
                : SystemError.message(forErrno: error.errnoCode)
            throw ServerError.bindFailed(address: address, reason: reason)
        } catch {
            throw ServerError.bindFailed(address: address, reason: "\(error)")
        }
        throw ServerError.stoppedBeforeListening
    }
}

extension CredentialServer {
    /// Validates the description, fetches credentials (SDKs give an endpoint about a second to answer, too
    /// little for an STS call, let alone an MFA prompt), draws this run's secrets and builds the application.
    func prepare() async throws -> PreparedRun {
        guard (0...65535).contains(port) else { throw ServerError.invalidPort(port) }
        guard ServedRole.isValidName(roleName) else { throw ServerError.invalidRoleName(roleName) }
        let cache = CredentialCache(
            source: source, minimumValidity: options.minimumValidity.timeInterval,
            failureBackoff: options.failureBackoff.timeInterval, now: now, logger: logger)
        try await cache.prime()
        let parts = CredentialRouter.Parts(
            kind: kind, cache: cache, role: ServedRole(name: roleName, arn: roleARN),
            bearerToken: BearerToken.random(), imdsTokens: IMDSTokens(now: now), now: now)
        let (ports, listening) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: CredentialRouter.make(parts),
            server: .http1(configuration: httpConfiguration()),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                listening.yield(channel.localAddress?.port ?? 0)
                listening.finish()
            },
            logger: logger)
        return PreparedRun(
            application: application, parts: parts, address: "127.0.0.1:\(port)", ports: ports, listening: listening)
    }

    /// HTTP/1.1 with the header limits of ``Options``, a ``PeerCredentialCheck`` (this user's clients only)
    /// and a ``RequestLimitHandler`` per connection.
    func httpConfiguration() -> HTTP1Channel.Configuration {
        let options = self.options
        let logger = self.logger
        let timeout = TimeAmount(options.requestTimeout)
        return HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                PeerCredentialCheck(logger: logger),
                RequestLimitHandler(
                    maximumBodyBytes: options.maximumBodyBytes, requestTimeout: timeout, logger: logger),
            ],
            httpDecoderConfiguration: .init(
                maxHeaderFieldSize: options.maximumHeaderBytes, maxHeaderListSize: options.maximumHeaderBytes,
                maxHeaderFieldCount: 100))
    }
}
