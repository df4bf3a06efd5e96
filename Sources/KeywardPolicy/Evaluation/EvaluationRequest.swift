/// One request to decide: who (principal) wants to do what (action) to which resource, in what context.
///
/// Everything evaluation needs is computed once here: the action lowercased and its service pre-hashed, the
/// resource split into ARN fields, context keys lowercased and hashed, and each context value read as a
/// number, date, IP address and boolean. A ``PolicySet`` then decides without allocating.
///
/// ```swift
/// let request = EvaluationRequest(
///     action: "s3:GetObject", resource: "arn:aws:s3:::reports/2024.csv",
///     principal: "arn:aws:iam::111122223333:user/alice",
///     context: ["aws:MultiFactorAuthPresent": ["true"]])
/// ```
public struct EvaluationRequest: Sendable {
    var bytes: [UInt8] = []
    var entries: [ContextEntry] = []
    var values: [ContextValue] = []

    var actionText = ByteSpan.empty
    var actionLowered = ByteSpan.empty
    var serviceHash: UInt64 = 0
    var isGetCallerIdentity = false
    var resourceText = ByteSpan.empty
    var resourceFields: ARNFieldSpans?
    var principalText = ByteSpan.empty
    var entityText = ByteSpan.empty
    var accountText = ByteSpan.empty
    var resourceAccountText = ByteSpan.empty
    var hasResourceAccount = false
    /// The resource is a KMS key (`arn:...:kms:...:key/...`), whose key policy must allow.
    var resourceIsKMSKey = false
    /// The request changes a resource AWS owns, which nobody may change.
    var awsOwnedResource: AWSOwnedResource?
    /// The caller's kind.
    public internal(set) var principalKind: PrincipalKind = .unspecified

    init() {}

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - action: `service:Action`, matched case-insensitively.
    ///   - resource: the resource ARN, or `*` for actions without resource-level permissions.
    ///   - principal: the caller's ARN (user, role, assumed-role session, federated user, account root), an
    ///     account ID, a service principal (`ec2.amazonaws.com`), a web identity provider, a canonical user
    ///     ID, or `nil` for an unnamed IAM principal.
    ///   - principalKind: overrides the kind inferred from `principal`.
    ///   - resourceAccount: the account owning the resource; defaults to the account field of the resource
    ///     ARN when it holds a 12-digit account, else to the principal's account.
    ///   - context: condition keys (any case) and their values; a key with several values is multivalued.
    ///     `aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`, `aws:username` and
    ///     `aws:ResourceAccount` are derived from the principal when not given.
    public init(
        action: String, resource: String = "*", principal: String? = nil, principalKind: PrincipalKind? = nil,
        resourceAccount: String? = nil, context: [String: [String]] = [:]
    ) {
        bytes.reserveCapacity(256)
        actionText = appendUTF8(action)
        resourceText = appendUTF8(resource)
        if let principal { principalText = appendUTF8(principal) }
        if let resourceAccount {
            resourceAccountText = appendUTF8(resourceAccount)
            hasResourceAccount = true
        }
        // Sorted, so that keys differing only in case resolve the same way every time (the first wins).
        let pairs = context.count > 1 ? context.sorted { $0.key < $1.key } : Array(context)
        for (key, values) in pairs {
            beginContext(key: appendUTF8(key))
            for value in values { addContextValue(appendUTF8(value)) }
        }
        finish(principalKind: principalKind)
    }

    /// The action as given.
    public var action: String { string(actionText) }
    /// The resource as given.
    public var resource: String { string(resourceText) }
    /// The principal as given, or `nil`.
    public var principal: String? { principalText.count == 0 ? nil : string(principalText) }
    /// The principal's account, or `nil` when unknown.
    public var principalAccount: String? { accountText.count == 0 ? nil : string(accountText) }
    /// The resource's account: as given, else the resource ARN's, else the principal's.
    public var resourceAccount: String? {
        hasResourceAccount ? string(resourceAccountText) : principalAccount
    }

    /// The context as evaluated (lowercased keys, derived keys included), sorted by key.
    public var context: [(key: String, values: [String])] {
        entries.map { entry in
            let slice = values[Int(entry.valueStart)..<Int(entry.valueStart + entry.valueCount)]
            return (string(entry.key), slice.map { string($0.text) })
        }.sorted { $0.key < $1.key }
    }

    /// The values of a condition key (any case), or `nil` when absent.
    ///
    /// - Parameter key: the condition key.
    public func values(forKey key: String) -> [String]? {
        let lowered = ASCII.lowered(key)
        for entry in entries where string(entry.key).utf8.elementsEqual(lowered) {
            return values[Int(entry.valueStart)..<Int(entry.valueStart + entry.valueCount)].map { string($0.text) }
        }
        return nil
    }

    private mutating func appendUTF8(_ text: String) -> ByteSpan {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return ByteSpan(start: start, count: bytes.count - start)
    }

    func string(_ span: ByteSpan) -> String {
        String(decoding: bytes[Int(span.start)..<span.end], as: UTF8.self)
    }

    /// Whether the request names the same account for principal and resource (or cannot tell).
    var isSameAccount: Bool {
        guard hasResourceAccount, accountText.count > 0 else { return true }
        return bytes[Int(accountText.start)..<accountText.end]
            == bytes[Int(resourceAccountText.start)..<resourceAccountText.end]
    }
}
