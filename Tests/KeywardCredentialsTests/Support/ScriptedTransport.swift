import KeywardAWS
import Synchronization

/// A transport that answers from a script and records each request with the timeout it was given; nothing
/// goes on the network, so the link-local addresses of IMDS and ECS can appear in URLs.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case answer(Int, String)
        case fail(HTTPTransportFailure)
    }

    /// One request as sent.
    struct Sent: Sendable {
        var request: SignableRequest
        var timeout: Double

        /// `PUT http://…/latest/api/token`.
        var line: String { "\(request.method) \(request.url.absoluteString)" }
        /// The headers as `name: value` lines, in order.
        var headerLines: [String] { request.headers.map { "\($0.name): \($0.value)" } }
    }

    private let state: Mutex<(steps: [Step], sent: [Sent])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    var sent: [Sent] { state.withLock { $0.sent } }

    func send(_ request: SignableRequest, timeout: Double) async throws(HTTPTransportFailure) -> HTTPAnswer {
        let step = state.withLock { state -> Step in
            state.sent.append(Sent(request: request, timeout: timeout))
            return state.steps.isEmpty ? .fail(.connection("script exhausted")) : state.steps.removeFirst()
        }
        switch step {
        case .answer(let status, let body): return HTTPAnswer(status: status, body: Array(body.utf8))
        case .fail(let failure): throw failure
        }
    }
}
