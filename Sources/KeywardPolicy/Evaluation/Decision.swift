/// The outcome of evaluating a request, in the IAM policy simulator's words.
public enum DecisionKind: String, Sendable, Equatable, CaseIterable {
    /// Some policy allowed the request and none denied it.
    case allowed
    /// A statement with `Effect: Deny` applied.
    case explicitDeny
    /// Nothing allowed it (or a required layer, such as a boundary or an SCP, did not).
    case implicitDeny
}

/// A decision and the rule of the IAM User Guide's evaluation logic that produced it.
public struct Decision: Sendable, Equatable, CustomStringConvertible {
    /// `allowed`, `explicitDeny` or `implicitDeny`.
    public var kind: DecisionKind
    /// Why.
    public var reason: Reason

    /// Creates a decision.
    public init(_ kind: DecisionKind, _ reason: Reason) {
        self.kind = kind
        self.reason = reason
    }

    /// `allowed (identity policy)`.
    public var description: String { "\(kind.rawValue) (\(reason.description))" }

    /// The step of the evaluation logic that decided.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// `sts:GetCallerIdentity` needs no permission and cannot be denied.
        case alwaysAllowed
        /// A `Deny` statement applied in some policy.
        case explicitDenyStatement
        /// The request changes a resource AWS owns (an AWS managed policy, a service-linked role, an AWS
        /// managed key's alias), which no policy can allow.
        case awsOwnedResource(AWSOwnedResource)
        /// Service control policies at this organization level (0 = root) had no applicable `Allow`.
        case scpLevelDidNotAllow(level: Int)
        /// A role trust policy or KMS key policy must allow explicitly, and it did not.
        case resourcePolicyRequired
        /// The resource is a KMS key and no key policy was given: identity-based policies alone never
        /// allow access to a KMS key.
        case keyPolicyRequired
        /// A resource-based policy allowed the caller itself (or everyone): enough within one account.
        case resourcePolicyAllowed
        /// The permissions boundary had no applicable `Allow`.
        case boundaryDidNotAllow
        /// The session policies had no applicable `Allow`.
        case sessionPolicyDidNotAllow
        /// Identity-based policies (or a resource policy naming the caller's role) allowed.
        case identityAllowed
        /// No identity-based or resource-based policy allowed.
        case noAllow
        /// Across accounts, the resource's account must allow through a resource-based policy.
        case crossAccountResourcePolicyDidNotAllow
        /// Across accounts, the caller's identity-based policies must allow.
        case crossAccountIdentityDidNotAllow
        /// Across accounts, both the identity side and the resource policy allowed.
        case crossAccountAllowed
        /// The account's root user may do anything its SCPs and resource policies do not forbid.
        case rootUser

        /// A short phrase.
        public var description: String {
            switch self {
            case .alwaysAllowed: return "sts:GetCallerIdentity is always allowed"
            case .explicitDenyStatement: return "a Deny statement applies"
            case .awsOwnedResource(let kind): return kind.description
            case .scpLevelDidNotAllow(let level): return "no SCP at organization level \(level) allows it"
            case .resourcePolicyRequired: return "the trust or key policy does not allow it"
            case .keyPolicyRequired: return "a KMS key's key policy must allow it, and none was given"
            case .resourcePolicyAllowed: return "the resource-based policy allows it"
            case .boundaryDidNotAllow: return "the permissions boundary does not allow it"
            case .sessionPolicyDidNotAllow: return "the session policy does not allow it"
            case .identityAllowed: return "an identity-based policy allows it"
            case .noAllow: return "no policy allows it"
            case .crossAccountResourcePolicyDidNotAllow:
                return "cross-account: the resource-based policy does not allow it"
            case .crossAccountIdentityDidNotAllow: return "cross-account: no identity-based policy allows it"
            case .crossAccountAllowed: return "cross-account: identity-based and resource-based policies allow it"
            case .rootUser: return "the root user is not limited by identity-based policies"
            }
        }

        /// A stable camel-case code for JSON answers.
        public var code: String {
            switch self {
            case .alwaysAllowed: return "alwaysAllowed"
            case .explicitDenyStatement: return "explicitDenyStatement"
            case .awsOwnedResource(.managedPolicy): return "awsManagedPolicy"
            case .awsOwnedResource(.serviceLinkedRole): return "serviceLinkedRole"
            case .awsOwnedResource(.managedKeyAlias): return "awsManagedKeyAlias"
            case .scpLevelDidNotAllow(let level): return "scpLevel\(level)DidNotAllow"
            case .resourcePolicyRequired: return "resourcePolicyRequired"
            case .keyPolicyRequired: return "keyPolicyRequired"
            case .resourcePolicyAllowed: return "resourcePolicyAllowed"
            case .boundaryDidNotAllow: return "boundaryDidNotAllow"
            case .sessionPolicyDidNotAllow: return "sessionPolicyDidNotAllow"
            case .identityAllowed: return "identityAllowed"
            case .noAllow: return "noAllow"
            case .crossAccountResourcePolicyDidNotAllow: return "crossAccountResourcePolicyDidNotAllow"
            case .crossAccountIdentityDidNotAllow: return "crossAccountIdentityDidNotAllow"
            case .crossAccountAllowed: return "crossAccountAllowed"
            case .rootUser: return "rootUser"
            }
        }
    }
}

/// One statement of one policy in a ``PolicySet``.
public struct StatementReference: Sendable, Equatable, Hashable {
    /// Index into ``PolicySet/policies``.
    public var policy: Int
    /// Index of the statement in that policy.
    public var statement: Int

    /// Creates a reference.
    public init(policy: Int, statement: Int) {
        self.policy = policy
        self.statement = statement
    }
}
