import NIOCore
import NIOPosix
import Synchronization

/// A bare TCP connection to 127.0.0.1, for requests no HTTP client would send: partial ones, oversized ones,
/// ones without `Host`.
struct RawConnection {
    /// What came back before the server closed the connection.
    struct Reply: Sendable {
        /// Everything received, as text.
        let text: String
        /// Whether the connection ended because the server closed it (rather than our safety timeout).
        let closedByServer: Bool

        /// The status code of the first response, if any (`HTTP/1.1 403 Forbidden` gives 403).
        var status: Int? {
            guard text.hasPrefix("HTTP/1.1 ") else { return nil }
            return Int(text.dropFirst(9).prefix(3))
        }

        /// The body of the first response (after the blank line).
        var body: String {
            guard let range = text.range(of: "\r\n\r\n") else { return "" }
            return String(text[range.upperBound...])
        }
    }

    private let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    private init(channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>) {
        self.channel = channel
    }

    /// Connects to 127.0.0.1:`port`, runs `body` with the connection, and closes it.
    static func with<T: Sendable>(port: Int, _ body: (Session) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(Session(channel: channel.channel, inbound: inbound, outbound: outbound))
        }
    }

    /// Sends `request` on a new connection and reads until the server closes it.
    static func exchange(port: Int, _ request: String) async throws -> Reply {
        try await with(port: port) { session in
            try await session.send(request)
            return try await session.readUntilClosed()
        }
    }

    /// An open connection.
    struct Session {
        let channel: any Channel
        let inbound: NIOAsyncChannelInboundStream<ByteBuffer>
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>

        func send(_ text: String) async throws {
            try await outbound.write(ByteBuffer(string: text))
        }

        /// Everything the server sends until it closes the connection. After `safetyTimeout` the connection is
        /// closed from our side and the reply says so: a test then fails instead of hanging.
        func readUntilClosed(safetyTimeout: TimeAmount = .seconds(60)) async throws -> Reply {
            let timedOut = Atomic(false)
            let channel = self.channel
            let timer = channel.eventLoop.scheduleTask(in: safetyTimeout) {
                timedOut.store(true, ordering: .relaxed)
                channel.close(promise: nil)
            }
            var received = ByteBuffer()
            do {
                for try await var chunk in inbound {
                    received.writeBuffer(&chunk)
                }
            } catch {
                // A reset ends the reply like a close does.
            }
            timer.cancel()
            return Reply(
                text: String(buffer: received), closedByServer: !timedOut.load(ordering: .relaxed))
        }
    }
}
