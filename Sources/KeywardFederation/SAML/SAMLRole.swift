import KeywardSystem

/// One role a SAML assertion offers: the role to assume and the IAM SAML provider that vouches for it.
public struct SAMLRole: Sendable, Equatable, Hashable {
    /// `arn:aws:iam::ACCOUNT:role/NAME`.
    public var roleARN: String
    /// `arn:aws:iam::ACCOUNT:saml-provider/NAME`.
    public var principalARN: String

    /// Creates a role.
    public init(roleARN: String, principalARN: String) {
        self.roleARN = roleARN
        self.principalARN = principalARN
    }

    /// Reads one `https://aws.amazon.com/SAML/Attributes/Role` value: two comma-separated ARNs, the role and
    /// the provider in either order (AWS accepts both; "Configuring SAML assertions for the authentication
    /// response").
    /// - Parameter value: the attribute value.
    /// - Throws: `FederationError.samlMalformedRole` when it is not one role ARN and one provider ARN.
    public init(attributeValue value: String) throws(FederationError) {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard parts.count == 2 else { throw .samlMalformedRole(value: value) }
        let isProvider = parts.map { ARN($0)?.iamEntityName(type: "saml-provider") != nil }
        let isRole = parts.map { ARN($0)?.isRoleARN ?? false }
        if isRole[0] && isProvider[1] {
            self.init(roleARN: parts[0], principalARN: parts[1])
        } else if isProvider[0] && isRole[1] {
            self.init(roleARN: parts[1], principalARN: parts[0])
        } else {
            throw .samlMalformedRole(value: value)
        }
    }
}
