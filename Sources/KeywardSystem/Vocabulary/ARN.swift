/// An Amazon Resource Name split into its six fields: `arn:partition:service:region:account:resource`.
///
/// Keyward's one ARN type: the policy engine, the credential chain, the audit and the servers all split
/// ARNs here. The resource field keeps any further colons (`arn:aws:logs:us-east-1:123456789012:log-group:
/// app:*`). Parsing checks the field count only: a policy's resource pattern (`arn:aws:s3:::bucket/*`) is
/// an ARN here too; ``isRoleARN`` and friends say whether it names an IAM entity.
/// ```swift
/// let arn = ARN("arn:aws:iam::123456789012:role/ops/admin")
/// arn?.account   // "123456789012"
/// arn?.roleName  // "admin"
/// ```
public struct ARN: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// `aws`, `aws-cn`, `aws-us-gov`, ...
    public var partition: String
    /// The service namespace, e.g. `iam`.
    public var service: String
    /// The region, often empty.
    public var region: String
    /// The 12-digit account ID, often empty (S3).
    public var account: String
    /// Everything after the fifth colon.
    public var resource: String

    /// Splits an ARN; `nil` unless the text starts with `arn:` and has at least five colons.
    ///
    /// - Parameter text: the ARN.
    public init?(_ text: String) {
        guard text.hasPrefix("arn:") else { return nil }
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6 else { return nil }
        partition = String(fields[1])
        service = String(fields[2])
        region = String(fields[3])
        account = String(fields[4])
        resource = String(fields[5])
    }

    /// Creates an ARN from its fields.
    public init(partition: String = "aws", service: String, region: String = "", account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// The ARN text.
    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }

    /// The resource split at `/`, empty components left out: `role/ops/admin` gives
    /// `["role", "ops", "admin"]`, `assumed-role/admin/jo` gives `["assumed-role", "admin", "jo"]`.
    public var resourceComponents: [String] {
        resource.split(separator: "/").map(String.init)
    }

    /// Whether the account field is twelve decimal digits, as every IAM entity's is.
    public var hasAccountID: Bool {
        account.utf8.count == 12 && account.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Whether this is an IAM role's ARN: `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME`, the account twelve
    /// digits, no region.
    public var isRoleARN: Bool { iamEntityName(type: "role") != nil }

    /// The role's name (the last path component) when this is an IAM role's ARN.
    public var roleName: String? { iamEntityName(type: "role") }

    /// The user's name (the last path component) when this is an IAM user's ARN
    /// (`arn:aws:iam::123456789012:user/division/jo` gives `jo`).
    public var userName: String? { iamEntityName(type: "user") }

    /// The last path component of an IAM entity of `type` (`role`, `user`, `mfa`, ...), or `nil` when the ARN
    /// is not one: the service must be `iam`, the region empty, the account twelve digits, the name not empty.
    /// - Parameter type: the resource type before the first `/`.
    public func iamEntityName(type: String) -> String? {
        guard !partition.isEmpty, service == "iam", region.isEmpty, hasAccountID,
            resource.hasPrefix(type + "/"), !resource.hasSuffix("/"), resource.count > type.count + 1,
            let name = resourceComponents.last
        else { return nil }
        return name
    }
}
