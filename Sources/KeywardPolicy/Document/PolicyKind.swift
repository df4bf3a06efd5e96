/// Where a policy is attached, which decides the grammar it must follow and its role in a decision.
///
/// See the IAM User Guide, "Policy types" and "Policy evaluation logic".
public enum PolicyKind: String, Sendable, CaseIterable, Equatable {
    /// Attached to a user, group or role; grants permissions. `Principal` is not allowed.
    case identity
    /// Attached to a resource (bucket, queue, ...); names who may act with `Principal`/`NotPrincipal`.
    case resource
    /// A role's trust policy: a resource policy that must allow `sts:AssumeRole*` explicitly.
    case trust
    /// A KMS key policy: a resource policy that must allow explicitly; identity policies alone never suffice.
    case keyPolicy = "key"
    /// A permissions boundary: caps identity-based permissions, grants nothing alone.
    case boundary
    /// A session policy passed to AssumeRole or GetFederationToken: caps the session's permissions.
    case session
    /// An AWS Organizations service control policy: caps the permissions of principals in member accounts.
    case scp
    /// An AWS Organizations resource control policy: caps the permissions on resources in member accounts.
    case rcp

    /// Whether this is a resource-based policy (resource, trust or key policy), which grants to the
    /// principals it names and to no one else.
    public var isResourceBased: Bool {
        switch self {
        case .resource, .trust, .keyPolicy: return true
        case .identity, .boundary, .session, .scp, .rcp: return false
        }
    }

    /// Whether statements of this kind name principals (`Principal`/`NotPrincipal` required).
    public var namesPrincipals: Bool {
        switch self {
        case .resource, .trust, .keyPolicy, .rcp: return true
        case .identity, .boundary, .session, .scp: return false
        }
    }
}
