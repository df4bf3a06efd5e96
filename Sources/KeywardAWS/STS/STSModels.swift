import Foundation

/// Who a set of credentials belongs to, as `sts:GetCallerIdentity` reports it.
public struct CallerIdentity: Sendable, Equatable, Codable {
    /// The caller's ARN: an IAM user, an assumed-role session, a federated user or the root.
    public var arn: String
    /// The 12-digit account id.
    public var account: String
    /// The unique id of the caller (`AIDA...`, or `AROA...:session`).
    public var userID: String

    /// Creates an identity.
    public init(arn: String, account: String, userID: String) {
        self.arn = arn
        self.account = account
        self.userID = userID
    }
}

/// A session tag passed to `AssumeRole` (`Tags.member.N.Key` / `.Value`).
public struct SessionTag: Sendable, Equatable, Hashable, Codable {
    /// The tag key.
    public var key: String
    /// The tag value.
    public var value: String

    /// Creates a tag.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Everything `sts:AssumeRole` accepts.
public struct AssumeRoleRequest: Sendable, Equatable {
    /// The role to assume.
    public var roleARN: String
    /// The session name CloudTrail records (2–64 characters of `[\w+=,.@-]`).
    public var roleSessionName: String
    /// Session length in seconds (900 to the role's maximum; 3600 at most when chaining roles).
    public var durationSeconds: Int?
    /// The external id the role's trust policy expects.
    public var externalID: String?
    /// An inline session policy (JSON) that narrows the role's permissions.
    public var policy: String?
    /// Managed policy ARNs used as session policies.
    public var policyARNs: [String]
    /// Session tags.
    public var tags: [SessionTag]
    /// Keys of the tags that pass on to chained sessions.
    public var transitiveTagKeys: [String]
    /// The source identity recorded in CloudTrail through the whole chain.
    public var sourceIdentity: String?
    /// The MFA device serial (ARN) when the trust policy requires MFA.
    public var serialNumber: String?
    /// The current MFA code.
    public var tokenCode: String?

    /// Creates a request.
    public init(
        roleARN: String, roleSessionName: String, durationSeconds: Int? = nil, externalID: String? = nil,
        policy: String? = nil, policyARNs: [String] = [], tags: [SessionTag] = [], transitiveTagKeys: [String] = [],
        sourceIdentity: String? = nil, serialNumber: String? = nil, tokenCode: String? = nil
    ) {
        self.roleARN = roleARN
        self.roleSessionName = roleSessionName
        self.durationSeconds = durationSeconds
        self.externalID = externalID
        self.policy = policy
        self.policyARNs = policyARNs
        self.tags = tags
        self.transitiveTagKeys = transitiveTagKeys
        self.sourceIdentity = sourceIdentity
        self.serialNumber = serialNumber
        self.tokenCode = tokenCode
    }
}

/// Temporary credentials from STS together with who they belong to.
public struct AssumedRoleSession: Sendable, Equatable {
    /// The temporary key, secret, token and expiry.
    public var credentials: AWSCredentials
    /// The assumed-role ARN (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`), when STS returned one.
    public var assumedRoleARN: String?
    /// The assumed-role id (`AROA...:SESSION`), when STS returned one.
    public var assumedRoleID: String?
    /// The source identity STS recorded, when one was set.
    public var sourceIdentity: String?
    /// The subject of the SAML assertion or web identity token, for those calls.
    public var subject: String?

    /// Creates a session.
    public init(
        credentials: AWSCredentials, assumedRoleARN: String? = nil, assumedRoleID: String? = nil,
        sourceIdentity: String? = nil, subject: String? = nil
    ) {
        self.credentials = credentials
        self.assumedRoleARN = assumedRoleARN
        self.assumedRoleID = assumedRoleID
        self.sourceIdentity = sourceIdentity
        self.subject = subject
    }
}
