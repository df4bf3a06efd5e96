/// The seeds' policies, ready to attach: `keyward policy template NAME`.
///
/// Each renders to a policy that passes ``PolicyValidator`` with no errors and evaluates as its summary
/// says (the tests check both).
public enum PolicyTemplate: String, Sendable, CaseIterable {
    /// An identity policy letting IAM users manage their own password, keys and MFA device, and denying
    /// everything else until they sign in with MFA (the IAM tutorial's `BlockMostAccessUnlessSignedInWithMFA`,
    /// with `BoolIfExists` so long-term access keys are blocked too).
    case mfaRequired = "mfa-required"
    /// An identity policy for an IAM user that may only assume the named roles.
    case assumeOnly = "assume-only"
    /// A trust policy for an admin role that the account's users may assume only with MFA.
    case pseudoSudo = "pseudo-sudo"
    /// An identity policy to start and stop EC2 instances whose tag matches the caller's principal tag.
    case abacTeam = "abac-team"

    /// How the rendered policy is attached.
    public var kind: PolicyKind {
        self == .pseudoSudo ? .trust : .identity
    }

    /// One line describing the template.
    public var summary: String {
        switch self {
        case .mfaRequired: return "identity policy: self-service credentials and MFA; everything else needs MFA"
        case .assumeOnly: return "identity policy: may only assume the named roles (--account, --role)"
        case .pseudoSudo: return "role trust policy: the account's users may assume the role with MFA (--account)"
        case .abacTeam: return "identity policy: start/stop EC2 instances whose tag matches the caller's (--tag-key)"
        }
    }

    /// Options for rendering.
    public struct Options: Sendable, Equatable {
        /// The 12-digit account ID; `nil` means any account where a template allows that.
        public var accountID: String?
        /// Role names or role ARNs (for `assume-only`).
        public var roleNames: [String]
        /// The tag key (for `abac-team`).
        public var tagKey: String
        /// Require `aws:MultiFactorAuthPresent` when assuming (for `assume-only`).
        public var requireMFA: Bool
        /// The longest MFA age in seconds accepted (for `pseudo-sudo`); `nil` for no limit.
        public var maxMFAAgeSeconds: Int?

        /// Creates options.
        public init(
            accountID: String? = nil, roleNames: [String] = [], tagKey: String = "team", requireMFA: Bool = false,
            maxMFAAgeSeconds: Int? = nil
        ) {
            self.accountID = accountID
            self.roleNames = roleNames
            self.tagKey = tagKey
            self.requireMFA = requireMFA
            self.maxMFAAgeSeconds = maxMFAAgeSeconds
        }
    }

    /// Renders the template as indented JSON with a trailing newline.
    ///
    /// - Parameter options: account, roles, tag key.
    /// - Returns: the policy text.
    /// - Throws: ``PolicyError/invalidTemplateOption(template:option:reason:)`` for a missing or malformed
    ///   option.
    public func render(_ options: Options) throws(PolicyError) -> String {
        JSONPrinter.print(try document(options)) + "\n"
    }

    /// Looks a template up by name.
    ///
    /// - Throws: ``PolicyError/unknownTemplate(name:known:)``.
    public static func named(_ name: String) throws(PolicyError) -> PolicyTemplate {
        guard let template = PolicyTemplate(rawValue: name) else {
            throw .unknownTemplate(name: name, known: allCases.map(\.rawValue))
        }
        return template
    }
}
