import Hummingbird
import NIOCore

/// Refuses (403) requests whose peer is not a loopback address, or unknown.
///
/// The server binds 127.0.0.1 only, so this should never fire; it is the second lock on the door in case a
/// future option or a port forwarder exposes the socket (aws-vault's `server/ec2server.go` checks the same).
struct LoopbackPeerMiddleware: RouterMiddleware {
    typealias Context = CredentialRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let peer = context.peer, Self.isLoopback(peer) else {
            throw HTTPError(.forbidden, message: "only loopback clients are served")
        }
        return try await next(request, context)
    }

    /// Whether `address` is 127.0.0.0/8, `::1`, or an IPv4-mapped 127.0.0.0/8 address.
    static func isLoopback(_ address: SocketAddress) -> Bool {
        switch address {
        case .v4(let ipv4):
            return UInt32(bigEndian: ipv4.address.sin_addr.s_addr) >> 24 == 127
        case .v6(let ipv6):
            let bytes = withUnsafeBytes(of: ipv6.address.sin6_addr) { Array($0) }
            guard bytes.count == 16 else { return false }
            let isOne = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
            let isMappedLoopback =
                bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff && bytes[12] == 127
            return isOne || isMappedLoopback
        case .unixDomainSocket:
            return false
        }
    }
}
