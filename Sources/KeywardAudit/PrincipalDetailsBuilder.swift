import KeywardAWS
import KeywardPolicy
import KeywardSystem

/// Picks a caller's user or role out of `GetAccountAuthorizationDetails` and gathers its policies (inline,
/// attached, its groups', the permissions boundary, its tags): the adapter from IAM's answers to the policy
/// engine's input, used by `policy can` and the audit.
public struct PrincipalDetailsBuilder: Sendable {
    /// The account's details.
    public var details: AccountAuthorizationDetails

    /// A builder over `details`.
    public init(details: AccountAuthorizationDetails) {
        self.details = details
    }

    /// `user/PATH/NAME` or `assumed-role/NAME/SESSION` split at `/`, from a caller's ARN.
    static func resourceParts(of callerARN: String) -> [String] {
        ARN(callerARN)?.resourceComponents ?? []
    }

    /// The caller's principal with its policies.
    /// - Parameter callerARN: `arn:aws:iam::ACCOUNT:user/PATH/NAME` or
    ///   `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION`.
    /// - Throws: `AuditError.callerNotFound`, `PolicyError.missingPolicyDocument`.
    public func principal(for callerARN: String) throws -> PrincipalAuthorizationDetails {
        let parts = Self.resourceParts(of: callerARN)
        if parts.first == "user", let name = parts.last, let user = details.users.first(where: { $0.name == name }) {
            let groups = details.groups.filter { user.groups.contains($0.name) }
            return PrincipalAuthorizationDetails(
                principal: .user(arn: user.arn),
                inlinePolicies: user.inlinePolicies.map { NamedPolicyDocument(name: $0.name, json: $0.document) },
                attachedPolicies: try managed(user.attachedPolicyARNs, of: user.arn),
                groupPolicies: try groups.flatMap { group in
                    group.inlinePolicies.map {
                        NamedPolicyDocument(name: "\(group.name)/\($0.name)", json: $0.document)
                    }
                        + (try managed(group.attachedPolicyARNs, of: "group \(group.name)"))
                },
                permissionsBoundary: try user.permissionsBoundaryARN.flatMap { try managed([$0], of: user.arn).first },
                tags: Dictionary(user.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
        if parts.first == "assumed-role", parts.count >= 3,
            let role = details.roles.first(where: { $0.name == parts[1] })
        {
            return PrincipalAuthorizationDetails(
                principal: .role(arn: role.arn, sessionName: parts[2]),
                inlinePolicies: role.inlinePolicies.map { NamedPolicyDocument(name: $0.name, json: $0.document) },
                attachedPolicies: try managed(role.attachedPolicyARNs, of: role.arn),
                permissionsBoundary: try role.permissionsBoundaryARN.flatMap { try managed([$0], of: role.arn).first },
                tags: Dictionary(role.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
        throw AuditError.callerNotFound(arn: callerARN)
    }

    /// The default versions of managed policies. A policy whose document IAM did not return is an error,
    /// never dropped: a missing boundary or Deny would make the answer more permissive than IAM.
    private func managed(_ arns: [String], of principal: String) throws(PolicyError) -> [NamedPolicyDocument] {
        try arns.map { arn throws(PolicyError) in
            guard let json = details.managedPolicyDocument(arn: arn) else {
                throw .missingPolicyDocument(policy: arn, principal: principal)
            }
            return NamedPolicyDocument(name: arn, json: json)
        }
    }
}
