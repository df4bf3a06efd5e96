import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one signed HTTP request and returns the status and body; the seam between the Query protocol
/// and the network.
public protocol HTTPTransport: Sendable {
    /// Sends the request, waiting at most `timeout` seconds for the whole answer.
    /// - Throws: `HTTPTransportFailure` when no HTTP answer arrives.
    func send(_ request: SignableRequest, timeout: Double) async throws(HTTPTransportFailure) -> HTTPAnswer
}

/// An HTTP status and body.
public struct HTTPAnswer: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The response body.
    public var body: [UInt8]

    /// Creates an answer.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// Why no HTTP answer arrived.
public enum HTTPTransportFailure: Error, Equatable, Sendable {
    /// The connection could not be made or broke.
    case connection(String)
    /// The deadline passed.
    case timeout
}

/// The real transport, over one process-wide async-http-client client that fails a refused connection at once.
public struct AsyncHTTPTransport: HTTPTransport {
    /// The largest response body read; STS and IAM answers are far smaller.
    public var maxBodyBytes: Int

    /// Creates the transport.
    public init(maxBodyBytes: Int = 8 << 20) {
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: SignableRequest, timeout: Double) async throws(HTTPTransportFailure) -> HTTPAnswer {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers where header.name.lowercased() != "host" {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        do {
            let response = try await Self.client.execute(
                outgoing, timeout: .milliseconds(Int64(timeout * 1000)))
            let buffer = try await response.body.collect(upTo: maxBodyBytes)
            return HTTPAnswer(status: Int(response.status.code), body: Array(buffer.readableBytesView))
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout
        {
            throw .timeout
        } catch {
            if Self.isConnectTimeout(error) { throw .timeout }
            throw .connection(Self.reason(for: error))
        }
    }

    /// The client every transport shares, created on first use and never shut down (it lives as long as the
    /// process, as `HTTPClient.shared` does).
    ///
    /// `HTTPClient.shared` retries a failed connection with backoff until the request's deadline
    /// (`retryConnectionEstablishment`), so a refused connection took the whole 10 s timeout, three times
    /// over, and ended as "connection reset (error set)" (issue 21, item 4). Here a failed connection fails
    /// the attempt at once and `QueryClient` retries it as the SDKs' standard retry mode does: a few
    /// attempts, milliseconds apart, each logged.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
