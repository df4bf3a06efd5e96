import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Bounds what one connection may cost, below the router: a request must arrive in full within
/// `requestTimeout`, and its body may not exceed `maximumBodyBytes`. Header sizes are bounded by the HTTP
/// decoder's limits, set next to this handler in ``CredentialServer``.
///
/// The clock runs while the server waits for a client (from connecting or from the previous response until
/// the next request has been read in full) and stops while the server works on a request, so an MFA prompt
/// behind a credential refresh never times a client out. A slowloris client, which sends a request a few bytes
/// at a time or stalls half-way, is dropped when the clock runs out; other connections are not affected, since
/// each waits on its own.
///
/// A body declared larger than the limit is answered 413 and the connection closed without reading it;
/// a chunked body that grows past it closes the connection.
final class RequestLimitHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let maximumBodyBytes: Int
    private let requestTimeout: TimeAmount
    private let logger: Logger
    private var bodyBytes = 0
    private var readingRequest = false
    private var responsesPending = 0
    private var refusing = false
    private var deadline: Scheduled<Void>?

    init(maximumBodyBytes: Int, requestTimeout: TimeAmount, logger: Logger) {
        self.maximumBodyBytes = maximumBodyBytes
        self.requestTimeout = requestTimeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { restartClock(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClock()
    }

    func channelActive(context: ChannelHandlerContext) {
        restartClock(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopClock()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refusing else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let declared = head.headerFields[.contentLength], (Int(declared) ?? .max) > maximumBodyBytes {
                refuse(context, status: .contentTooLarge)
                return
            }
            bodyBytes = 0
            readingRequest = true
            responsesPending += 1
            // A pipelined request may start while the clock is stopped for the one before it.
            if deadline == nil { restartClock(context) }
        case .body(let chunk):
            bodyBytes += chunk.readableBytes
            if bodyBytes > maximumBodyBytes {
                refuse(context, status: .contentTooLarge)
                return
            }
        case .end:
            readingRequest = false
            if responsesPending > 0 { stopClock() } else { restartClock(context) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            responsesPending -= 1
            if responsesPending == 0, !readingRequest, !refusing { restartClock(context) }
        }
        context.write(data, promise: promise)
    }

    private func restartClock(_ context: ChannelHandlerContext) {
        stopClock()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: requestTimeout) { [self] in
            deadline = nil
            logger.debug("closing a connection that sent no complete request in time")
            context.close(promise: nil)
        }
    }

    private func stopClock() {
        deadline?.cancel()
        deadline = nil
    }

    /// Answers `status` and closes, or only closes when an earlier response is still being written (writing
    /// ours then would interleave with it).
    private func refuse(_ context: ChannelHandlerContext, status: HTTPResponse.Status) {
        refusing = true
        stopClock()
        logger.debug("refusing an oversized request", metadata: ["status": "\(status.code)"])
        guard responsesPending == 0 else {
            context.close(promise: nil)
            return
        }
        let head = HTTPResponse(status: status, headerFields: [.connection: "close", .contentLength: "0"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension RequestLimitHandler: Sendable {}
