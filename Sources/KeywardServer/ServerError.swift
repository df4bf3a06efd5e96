/// The ways a ``CredentialServer`` fails to start. Errors the ``CredentialSource`` throws at start-up are rethrown
/// unchanged; failures while serving are logged and answered with a constant 5xx, never thrown.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The port is outside 0...65535 (0 asks the system for a free port).
    case invalidPort(Int)
    /// The IMDS role name is empty, longer than 64 characters, or holds characters outside IAM's role-name set
    /// (letters, digits and `+=,.@_-`).
    case invalidRoleName(String)
    /// The listening socket could not be opened, e.g. because the port is in use.
    case bindFailed(address: String, reason: String)
    /// The server stopped before it started listening, without saying why.
    case stoppedBeforeListening
    /// The start-up fetch returned credentials that have already expired.
    case expiredCredentials

    /// One line of fact.
    public var description: String {
        switch self {
        case .invalidPort(let port):
            return "server: port \(port) is outside 0...65535"
        case .invalidRoleName(let name):
            return "server: role name \"\(name)\" is not a valid IAM role name"
        case .bindFailed(let address, let reason):
            return "server: cannot listen on \(address): \(reason)"
        case .stoppedBeforeListening:
            return "server: stopped before it started listening"
        case .expiredCredentials:
            return "server: the credential source returned credentials that have already expired"
        }
    }
}
