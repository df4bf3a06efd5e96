/// A resource AWS owns in the caller's account, which no principal may change whatever the policies say.
///
/// IAM refuses these changes before any policy is read, so the simulator reports them as implicit denies:
/// - AWS managed policies (`arn:aws:iam::aws:policy/...`). IAM User Guide, "AWS managed policies": "You
///   cannot change the permissions defined in AWS managed policies."
/// - Service-linked roles (path `/aws-service-role/`). IAM User Guide, "Using service-linked roles":
///   "Service-linked roles appear in your IAM account and are owned by the service. An IAM administrator
///   can view, but not edit the permissions for service-linked roles." The IAM API Reference lists
///   `UnmodifiableEntity` ("service-linked roles are protected AWS resources. Only the service that
///   depends on the service-linked role can modify or delete the role on your behalf") for the role,
///   policy, trust and boundary operations below; `DeleteRolePermissionsBoundary` adds "You cannot set
///   the boundary for a service-linked role." Editing the description stays allowed ("You can edit the
///   description of any role"), and so does `iam:PassRole`: the Amazon Connect Administrator Guide tells
///   administrators to "let the user have access to pass the service-linked role to Amazon Connect".
/// - Aliases of AWS managed KMS keys (`alias/aws/...`). KMS Developer Guide, "Create aliases": "The alias
///   name for a customer managed key cannot begin with alias/aws/. The alias/aws/ prefix is reserved for
///   AWS managed key."; "You cannot manage aliases for AWS managed keys or AWS owned keys."
public enum AWSOwnedResource: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// `arn:PARTITION:iam::aws:policy/...`.
    case managedPolicy
    /// `arn:PARTITION:iam::ACCOUNT:role/aws-service-role/...`.
    case serviceLinkedRole
    /// `arn:PARTITION:kms:REGION:ACCOUNT:alias/aws/...`.
    case managedKeyAlias

    /// Why the change is refused, in one phrase.
    public var description: String {
        switch self {
        case .managedPolicy: return "AWS managed policies cannot be changed by anyone"
        case .serviceLinkedRole: return "a service-linked role can be changed only by its service"
        case .managedKeyAlias: return "aliases under alias/aws/ belong to AWS managed keys and cannot be changed"
        }
    }

    /// The lowercased actions refused on each kind of resource.
    var refusedActions: Set<String> {
        switch self {
        case .managedPolicy:
            return [
                "iam:createpolicyversion", "iam:deletepolicy", "iam:deletepolicyversion", "iam:setdefaultpolicyversion",
                "iam:tagpolicy", "iam:untagpolicy",
            ]
        case .serviceLinkedRole:
            return [
                "iam:deleterole", "iam:attachrolepolicy", "iam:detachrolepolicy", "iam:putrolepolicy",
                "iam:deleterolepolicy", "iam:updateassumerolepolicy", "iam:putrolepermissionsboundary",
                "iam:deleterolepermissionsboundary",
            ]
        case .managedKeyAlias:
            return ["kms:createalias", "kms:updatealias", "kms:deletealias"]
        }
    }

    /// The kind of AWS-owned resource an ARN names, or `nil`. Looks only at bytes, so that ordinary
    /// requests (the batch path) allocate nothing.
    static func kind(of fields: ARNFieldSpans, in bytes: UnsafePointer<UInt8>) -> AWSOwnedResource? {
        func equals(_ span: ByteSpan, _ text: StaticString) -> Bool {
            span.count == text.utf8CodeUnitCount && bytesEqual(bytes + Int(span.start), text.utf8Start, Int(span.count))
        }
        func startsWith(_ span: ByteSpan, _ text: StaticString) -> Bool {
            span.count >= text.utf8CodeUnitCount
                && bytesEqual(bytes + Int(span.start), text.utf8Start, text.utf8CodeUnitCount)
        }
        if equals(fields.service, "iam") {
            if equals(fields.account, "aws"), startsWith(fields.resource, "policy/") { return .managedPolicy }
            if startsWith(fields.resource, "role/aws-service-role/") { return .serviceLinkedRole }
        } else if equals(fields.service, "kms"), startsWith(fields.resource, "alias/aws/") {
            return .managedKeyAlias
        }
        return nil
    }
}
