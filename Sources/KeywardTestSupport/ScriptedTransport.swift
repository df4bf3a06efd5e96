import KeywardAWS
import Synchronization

/// A transport that answers from a script and records what it was sent: the one network stand-in for
/// in-process tests of the Query clients and the credential chain.
public final class ScriptedTransport: HTTPTransport {
    /// One scripted answer.
    public enum Step: Sendable {
        /// An HTTP status and body.
        case answer(Int, String)
        /// No answer.
        case fail(HTTPTransportFailure)
    }

    private let state: Mutex<(steps: [Step], sent: [SignableRequest])>

    /// A transport that answers `steps` in order, then fails every further request.
    public init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    /// Every request sent so far, in order.
    public var sent: [SignableRequest] { state.withLock { $0.sent } }

    /// The `Action` of each request sent so far (query-protocol form bodies).
    public var actions: [String] {
        sent.map { request in
            let body = String(decoding: request.body, as: UTF8.self)
            return body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? "?"
        }
    }

    public func send(_ request: SignableRequest, timeout: Double) async throws(HTTPTransportFailure) -> HTTPAnswer {
        let step = state.withLock { state -> Step in
            state.sent.append(request)
            return state.steps.isEmpty ? .fail(.connection("script exhausted")) : state.steps.removeFirst()
        }
        switch step {
        case .answer(let status, let body): return HTTPAnswer(status: status, body: Array(body.utf8))
        case .fail(let failure): throw failure
        }
    }
}
