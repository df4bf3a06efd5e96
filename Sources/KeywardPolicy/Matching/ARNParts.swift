/// An Amazon Resource Name split into its six fields: `arn:partition:service:region:account:resource`.
///
/// The resource field keeps any further colons (`arn:aws:logs:us-east-1:123456789012:log-group:app:*`).
public struct ARNParts: Sendable, Equatable, Hashable, CustomStringConvertible {
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
}
