/// An error answered by an AWS service: the code, message and request id from its XML error document.
///
/// The message is AWS's own text (never a secret: AWS does not echo keys or tokens in error messages),
/// cut to one line.
public struct AWSServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The AWS error code, e.g. `AccessDenied`, `SignatureDoesNotMatch`, `ExpiredToken`.
    public var code: String
    /// AWS's human-readable message.
    public var message: String
    /// The request id AWS returned, for support cases and CloudTrail look-ups.
    public var requestID: String?
    /// The HTTP status of the response.
    public var httpStatus: Int
    /// The API the error answered, e.g. `sts:AssumeRole`.
    public var operation: String

    /// Creates a service error.
    public init(code: String, message: String, requestID: String?, httpStatus: Int, operation: String) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.httpStatus = httpStatus
        self.operation = operation
    }

    public var description: String {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        var text = "\(operation): \(code)"
        if !oneLine.isEmpty { text += ": \(oneLine)" }
        if let requestID { text += " (request id \(requestID))" }
        return text
    }

    /// Whether the error says the request was signed with a wrong secret or an unknown key.
    public var isCredentialProblem: Bool {
        Self.credentialCodes.contains(code)
    }

    /// Whether a retry could succeed: throttling and server-side failures, never authorisation errors.
    public var isRetryable: Bool {
        if Self.throttlingCodes.contains(code) { return true }
        if Self.credentialCodes.contains(code) || code == "AccessDenied" { return false }
        return httpStatus >= 500
    }

    // The throttling codes of the AWS SDKs' standard retry mode.
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException", "IDPCommunicationError",
    ]

    static let credentialCodes: Set<String> = [
        "SignatureDoesNotMatch", "InvalidClientTokenId", "UnrecognizedClientException", "IncompleteSignature",
        "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "MissingAuthenticationToken",
    ]
}
