import KeywardCatalog

/// What `PolicyValidator` needs to know beyond the document: how it is attached, to what, and which
/// catalogue decides the checks about AWS's services (none: grammar and structure only).
///
/// ```swift
/// let options = ValidationOptions(kind: .resource, resourceType: .s3Bucket, catalog: try .embedded())
/// let findings = PolicyValidator.validate(bytes, source: "bucket.json", options: options)
/// ```
public struct ValidationOptions: Sendable {
    /// How the policy is attached.
    public var kind: PolicyKind
    /// The resource a resource-based policy is attached to, for UNSUPPORTED_ACTION_IN_POLICY and
    /// UNSUPPORTED_RESOURCE_ARN_IN_POLICY.
    public var resourceType: ResourcePolicyType?
    /// The service catalogue; `nil` skips every check that needs it.
    public var catalog: ServiceCatalog?

    /// Creates options.
    public init(kind: PolicyKind, resourceType: ResourcePolicyType? = nil, catalog: ServiceCatalog? = nil) {
        self.kind = kind
        self.resourceType = resourceType
        self.catalog = catalog
    }
}
