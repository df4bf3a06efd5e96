import KeywardAWS

/// Every way reading an account's IAM answers into the policy engine can fail; one line each, naming the
/// principal or call.
public enum AuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The caller's ARN names no IAM user or role session found in the account's details.
    case callerNotFound(arn: String)
    /// `GetAccountAuthorizationDetails` was refused and the caller's own entity could not be read either.
    case entityUnreadable(accountError: AWSClientError, entityError: AWSClientError)

    public var description: String {
        switch self {
        case .callerNotFound(let arn):
            return "\(arn): not an IAM user or role session found in the account's details"
        case .entityUnreadable(let account, let entity):
            return "\(account); the caller's own entity neither: \(entity)"
        }
    }
}
