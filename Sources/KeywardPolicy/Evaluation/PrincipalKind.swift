/// What kind of caller makes a request, which decides how resource policies, boundaries and SCPs apply.
///
/// Inferred from the principal text when not given: `arn:aws:iam::1:user/x` is a user,
/// `arn:aws:sts::1:assumed-role/R/s` a role session, a 12-digit account ID or `...:root` the root user,
/// `ec2.amazonaws.com` a service, `accounts.google.com` or a SAML provider ARN a web identity, `*` or
/// `anonymous` an anonymous caller.
public enum PrincipalKind: String, Sendable, Equatable, CaseIterable {
    case user
    case role
    case assumedRole
    case federatedUser
    case root
    case service
    case webIdentity
    case canonicalUser
    case anonymous
    /// No principal given: identity policies are evaluated as for an IAM principal of unknown name.
    case unspecified

    /// The value of `aws:PrincipalType` for this kind, when AWS defines one.
    var principalTypeValue: String? {
        switch self {
        case .user: return "User"
        case .role, .assumedRole: return "AssumedRole"
        case .federatedUser: return "FederatedUser"
        case .root: return "Account"
        case .anonymous: return "Anonymous"
        case .service, .webIdentity, .canonicalUser, .unspecified: return nil
        }
    }

    /// Whether a permissions boundary can be attached to this caller: IAM users and roles (and their
    /// sessions). An unnamed caller counts: a boundary is given only for the identity it is attached to,
    /// an IAM user or role of the resource's account (IAM User Guide, "Permissions boundaries for IAM
    /// entities": "AWS supports permissions boundaries for IAM entities (users or roles)").
    var isBoundable: Bool {
        switch self {
        case .user, .role, .assumedRole, .unspecified: return true
        case .federatedUser, .root, .service, .webIdentity, .canonicalUser, .anonymous: return false
        }
    }

    /// Whether identity-based policies, boundaries and SCPs govern this caller (IAM principals).
    var isIAMPrincipal: Bool {
        switch self {
        case .user, .role, .assumedRole, .federatedUser, .root, .unspecified: return true
        case .service, .webIdentity, .canonicalUser, .anonymous: return false
        }
    }
}
