import KeywardAWS
import Synchronization

/// An `HTTPTransport` that answers from a script and records each request with the timeout it was given.
/// Nothing goes on the network, so the link-local addresses of IMDS and ECS may appear in its URLs.
///
/// ```swift
/// let transport = ScriptedTransport([.answer(200, "token"), .fail(.timeout)])
/// // ... run the client on it ...
/// #expect(transport.lines == ["PUT http://127.0.0.1:1/latest/api/token", "GET ..."])
/// ```
public final class ScriptedTransport: HTTPTransport {
    /// One scripted outcome, used in order; once the script is spent every request fails to connect.
    public enum Step: Sendable {
        /// An HTTP status and body.
        case answer(Int, String)
        /// No HTTP answer.
        case fail(HTTPTransportFailure)
    }

    private let state: Mutex<(steps: [Step], sent: [SignableRequest], timeouts: [Double])>

    /// Creates a transport that plays `steps`.
    public init(_ steps: [Step]) {
        state = Mutex((steps, [], []))
    }

    /// Every request sent, in order.
    public var sent: [SignableRequest] { state.withLock { $0.sent } }
    /// The timeout each request was sent with, in order.
    public var timeouts: [Double] { state.withLock { $0.timeouts } }
    /// Each request as `METHOD URL`.
    public var lines: [String] { sent.map { "\($0.method) \($0.url.absoluteString)" } }
    /// The `Action` of each request sent so far (query-protocol form bodies).
    public var actions: [String] {
        sent.map { request in
            let body = String(decoding: request.body, as: UTF8.self)
            return body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? "?"
        }
    }
    /// Each request's headers as `Name: value` lines, in order.
    public var headerLines: [[String]] { sent.map { $0.headers.map { "\($0.name): \($0.value)" } } }

    public func send(_ request: SignableRequest, timeout: Double) async throws(HTTPTransportFailure) -> HTTPAnswer {
        let step = state.withLock { state -> Step in
            state.sent.append(request)
            state.timeouts.append(timeout)
            return state.steps.isEmpty ? .fail(.connection("script exhausted")) : state.steps.removeFirst()
        }
        switch step {
        case .answer(let status, let body): return HTTPAnswer(status: status, body: Array(body.utf8))
        case .fail(let failure): throw failure
        }
    }
}
