import FoundationEssentials

/// What AWS records about a temporary session and puts in the request context of every call made with it.
///
/// IAM User Guide, "AWS global condition context keys": `aws:TokenIssueTime` is when the session was issued;
/// `aws:MultiFactorAuthPresent` is `true` for a session obtained with MFA and `false` for other temporary
/// credentials (absent for long-term keys); `aws:MultiFactorAuthAge` counts seconds since the MFA
/// authentication, which a role session assumed with an MFA session's credentials carries on;
/// `aws:SourceIdentity` is set once in a chain and kept by every later role session.
public struct SessionFacts: Sendable, Equatable {
    /// When STS issued the session.
    public var issuedAt: Date?
    /// When the MFA code behind the session was checked, `nil` for a session without MFA.
    public var multiFactorAuthenticatedAt: Date?
    /// The source identity set on the chain.
    public var sourceIdentity: String?

    /// Facts; all unknown by default.
    public init(issuedAt: Date? = nil, multiFactorAuthenticatedAt: Date? = nil, sourceIdentity: String? = nil) {
        self.issuedAt = issuedAt
        self.multiFactorAuthenticatedAt = multiFactorAuthenticatedAt
        self.sourceIdentity = sourceIdentity
    }

    /// The request context keys these facts supply at `now`.
    public func contextKeys(now: Date) -> [String: [String]] {
        var keys: [String: [String]] = [:]
        if let issuedAt { keys["aws:TokenIssueTime"] = [issuedAt.formatted(.iso8601)] }
        if let mfa = multiFactorAuthenticatedAt {
            keys["aws:MultiFactorAuthPresent"] = ["true"]
            keys["aws:MultiFactorAuthAge"] = [String(max(0, Int64(now.timeIntervalSince(mfa).rounded(.down))))]
        } else {
            keys["aws:MultiFactorAuthPresent"] = ["false"]
        }
        if let sourceIdentity { keys["aws:SourceIdentity"] = [sourceIdentity] }
        return keys
    }
}
