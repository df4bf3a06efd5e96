import KeywardSystem

/// What IAM's `GetAccountAuthorizationDetails` (or the per-entity calls) says about one user or role,
/// reduced to what evaluation needs. `keyward policy can` fills this in and asks for a decision.
///
/// ```swift
/// let details = PrincipalAuthorizationDetails(
///     principal: .user(arn: "arn:aws:iam::111122223333:user/alice"),
///     inlinePolicies: [try NamedPolicyDocument(name: "inline", urlEncoded: encoded)],
///     groupPolicies: [...], permissionsBoundary: boundary, tags: ["team": "blue"])
/// let set = try details.policySet()
/// let explanation = set.explain(details.request(action: "s3:GetObject", resource: arn))
/// ```
public struct PrincipalAuthorizationDetails: Sendable, Equatable {
    /// The entity whose permissions are simulated.
    public enum Principal: Sendable, Equatable {
        /// An IAM user; requests are made with its access keys.
        case user(arn: String)
        /// An IAM role; requests are made by a session of it named `sessionName`.
        case role(arn: String, sessionName: String)
    }

    /// The user or role.
    public var principal: Principal
    /// Inline policies of the user or role.
    public var inlinePolicies: [NamedPolicyDocument]
    /// Default versions of the managed policies attached to the user or role.
    public var attachedPolicies: [NamedPolicyDocument]
    /// Inline and attached policies of the user's groups (empty for roles).
    public var groupPolicies: [NamedPolicyDocument]
    /// The permissions boundary's default version, if one is set.
    public var permissionsBoundary: NamedPolicyDocument?
    /// The entity's tags, which become `aws:PrincipalTag/KEY` in requests.
    public var tags: [String: String]

    /// Creates the details.
    public init(
        principal: Principal, inlinePolicies: [NamedPolicyDocument] = [], attachedPolicies: [NamedPolicyDocument] = [],
        groupPolicies: [NamedPolicyDocument] = [], permissionsBoundary: NamedPolicyDocument? = nil,
        tags: [String: String] = [:]
    ) {
        self.principal = principal
        self.inlinePolicies = inlinePolicies
        self.attachedPolicies = attachedPolicies
        self.groupPolicies = groupPolicies
        self.permissionsBoundary = permissionsBoundary
        self.tags = tags
    }

    /// Compiles the identity policies and boundary.
    ///
    /// - Parameters:
    ///   - resourcePolicy: the resource's policy, if the caller has it (bucket policy, trust policy, ...).
    ///   - scpLevels: SCPs per organization level, if known.
    /// - Returns: the policy set for this principal.
    /// - Throws: ``PolicyError`` naming the first policy that cannot be evaluated.
    public func policySet(
        resourcePolicy: CompiledPolicy? = nil, scpLevels: [[CompiledPolicy]] = []
    ) throws(PolicyError) -> PolicySet {
        var identity: [CompiledPolicy] = []
        for named in inlinePolicies + attachedPolicies + groupPolicies {
            identity.append(CompiledPolicy(try PolicyDocument.parse(named.json, source: named.name, kind: .identity)))
        }
        var boundary: CompiledPolicy?
        if let named = permissionsBoundary {
            boundary = CompiledPolicy(try PolicyDocument.parse(named.json, source: named.name, kind: .boundary))
        }
        return PolicySet(identity: identity, resource: resourcePolicy, boundary: boundary, scpLevels: scpLevels)
    }

    /// The caller's ARN: the user ARN, or the role session's `assumed-role` ARN.
    public var callerARN: String {
        switch principal {
        case .user(let arn):
            return arn
        case .role(let arn, let sessionName):
            guard let parts = ARN(arn) else { return arn }
            let name = parts.resource.split(separator: "/").last.map(String.init) ?? parts.resource
            return ARN(
                partition: parts.partition, service: "sts", account: parts.account,
                resource: "assumed-role/\(name)/\(sessionName)"
            ).description
        }
    }

    /// A request made by this principal, with `aws:PrincipalTag/KEY` for every tag and
    /// `aws:PrincipalArn` set to the user or role ARN (including its path).
    ///
    /// - Parameters:
    ///   - action: `service:Action`.
    ///   - resource: the resource ARN or `*`.
    ///   - resourceAccount: the resource's account, when the resource ARN does not name it.
    ///   - supplied: the keys AWS supplies with the request (see
    ///     ``suppliedContext(now:region:userID:)``).
    ///   - context: further condition keys; they win over derived and supplied ones, whatever their case.
    /// - Returns: the request.
    public func request(
        action: String, resource: String = "*", resourceAccount: String? = nil, supplied: [String: [String]] = [:],
        context: [String: [String]] = [:]
    ) -> EvaluationRequest {
        var merged = supplied
        for (key, value) in tags { merged["aws:PrincipalTag/\(key)"] = [value] }
        switch principal {
        case .user(let arn), .role(let arn, _): merged["aws:PrincipalArn"] = [arn]
        }
        for (key, values) in context {
            let lowered = key.lowercased()
            for existing in merged.keys where existing.lowercased() == lowered { merged[existing] = nil }
            merged[key] = values
        }
        return EvaluationRequest(
            action: action, resource: resource, principal: callerARN, resourceAccount: resourceAccount, context: merged)
    }
}
