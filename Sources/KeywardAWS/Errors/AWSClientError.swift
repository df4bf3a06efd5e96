/// Every way a call to STS or IAM can fail, as `KeywardAWS` reports it.
public enum AWSClientError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The service answered with an error document.
    case service(AWSServiceError)
    /// The request never got an HTTP answer (connection refused, reset, DNS), after all retries.
    case transport(operation: String, endpoint: String, reason: String)
    /// No answer arrived before the deadline, after all retries.
    case timeout(operation: String, endpoint: String, seconds: Double)
    /// The answer was not the XML the API documents.
    case malformedResponse(operation: String, reason: String)
    /// The endpoint URL given in configuration is not usable.
    case invalidEndpoint(String)
    /// A parameter STS would refuse (`STSRequestLimits`); the request was not sent.
    case refusedLocally(operation: String, reason: String)

    public var description: String {
        switch self {
        case .service(let error):
            return error.description
        case .transport(let operation, let endpoint, let reason):
            return "\(operation): cannot reach \(endpoint): \(reason)"
        case .timeout(let operation, let endpoint, let seconds):
            return "\(operation): no answer from \(endpoint) within \(formatSeconds(seconds))"
        case .malformedResponse(let operation, let reason):
            return "\(operation): unexpected response: \(reason)"
        case .invalidEndpoint(let url):
            return "invalid endpoint URL \"\(url)\""
        case .refusedLocally(let operation, let reason):
            return "\(operation): \(reason); nothing was sent"
        }
    }

    /// The AWS error code when the service answered one.
    public var awsCode: String? {
        if case .service(let error) = self { return error.code }
        return nil
    }
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
}
