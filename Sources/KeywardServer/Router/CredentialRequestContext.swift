import Foundation
import Hummingbird
import NIOCore

/// The request context of both endpoints: only what the connection establishes, which the transport checks
/// (``LoopbackPeerMiddleware``, ``HostHeaderMiddleware``) read.
struct CredentialRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's address, as the socket reports it; `nil` when there is no socket (router tests).
    let peer: SocketAddress?
    /// The local port this connection came in on, which the `Host` header must name.
    let localPort: Int?

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        // Channel addresses are cached by NIO and safe to read from any thread.
        self.peer = source.channel.remoteAddress
        self.localPort = source.channel.localAddress?.port
    }

    /// Our endpoints take no bodies; nothing is ever decoded from one.
    var maxUploadSize: Int { 0 }

    /// JSON with sorted keys, so every response for the same credentials is the same bytes.
    var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
