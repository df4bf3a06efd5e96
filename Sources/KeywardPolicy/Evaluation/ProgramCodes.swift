// The compiled form of a policy: flat tables of trivially copyable records that point into one byte arena.
// Evaluation walks them through unsafe buffers, so deciding a request retains nothing and allocates nothing.

/// A piece of a pattern: literal text, `*`, `?`, or a policy variable.
struct TokenCode: BitwiseCopyable {
    static let literal: UInt8 = 0
    static let star: UInt8 = 1
    static let question: UInt8 = 2
    static let variable: UInt8 = 3

    var kind: UInt8
    var hasDefault: Bool
    /// Literal text, or the variable's default value.
    var text: ByteSpan
    /// The variable's lowercased key and its hash.
    var keyHash: UInt64
    var key: ByteSpan
}

/// A pattern with a fast shape where possible.
struct PatternCode: BitwiseCopyable {
    static let any: UInt8 = 0
    static let exact: UInt8 = 1
    static let prefix: UInt8 = 2
    static let tokens: UInt8 = 3

    var shape: UInt8
    /// Compare against lowercased request text, and substitute lowercased variable values.
    var folded: Bool
    /// For `exact` and `prefix`: the literal.
    var literal: ByteSpan
    var tokenStart: Int32
    var tokenCount: Int32
}

/// A `Resource` pattern or an ARN condition value: `*`, an ARN matched field by field, or any other text
/// matched as a whole.
struct ResourcePatternCode: BitwiseCopyable {
    var isAny: Bool
    var isARN: Bool
    /// Index of the first field pattern (partition, service, region, account, resource) in `patterns`.
    var fieldStart: Int32
    /// 1...5; with fewer than 5, the last pattern field matches the rest of the ARN.
    var fieldCount: Int32
}

/// One principal named in `Principal`/`NotPrincipal`.
struct PrincipalCode: BitwiseCopyable {
    static let anyone: UInt8 = 0
    static let account: UInt8 = 1
    static let arn: UInt8 = 2
    static let service: UInt8 = 3
    static let webIdentity: UInt8 = 4
    static let canonicalUser: UInt8 = 5

    var kind: UInt8
    var text: ByteSpan
}

/// How a principal matched a resource policy statement. Higher is stronger.
///
/// The distinction matters within one account (IAM User Guide, "Policy evaluation logic"): an allow naming
/// the caller itself (a user ARN, a session ARN, `*`) grants access on its own; one naming the role of a
/// session is still capped by the role's permissions boundary and session policies; one naming the account
/// delegates to the account's identity-based policies.
enum PrincipalMatch: UInt8, Sendable, Comparable {
    case none = 0
    case account = 1
    case entity = 2
    case direct = 3

    static func < (lhs: PrincipalMatch, rhs: PrincipalMatch) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One compiled `"Operator": {"key": values}` clause.
struct ConditionCode: BitwiseCopyable {
    static let noSet: UInt8 = 0
    static let forAll: UInt8 = 1
    static let forAny: UInt8 = 2

    var family: ConditionOperator.Family
    var comparison: ConditionOperator.Comparison
    var negated: Bool
    var ifExists: Bool
    var setOperator: UInt8
    var keyHash: UInt64
    var key: ByteSpan
    var valueStart: Int32
    var valueCount: Int32
}

/// One policy value of a condition, typed when the policy was compiled.
struct ValueCode: BitwiseCopyable {
    /// `false` when the text did not parse for the operator's type (it then matches nothing).
    var valid: Bool
    var number: Double
    var ipHigh: UInt64
    var ipLow: UInt64
    var prefixLength: UInt8
    var isIPv6: Bool
    var flag: Bool
    /// String families: index into `patterns`; ARN family: index into `resources`.
    var pattern: Int32
}

/// One compiled statement.
struct StatementCode: BitwiseCopyable {
    static let absent: UInt8 = 0
    static let positive: UInt8 = 1
    static let negated: UInt8 = 2
    /// `principalMode` of a resource-based policy's statement without `Principal`: it matches nobody, as
    /// AWS refuses such a policy rather than read it as "everyone".
    static let nobody: UInt8 = 3

    var isDeny: Bool
    var actionNegated: Bool
    var actionStart: Int32
    var actionCount: Int32
    var resourceMode: UInt8
    var resourceStart: Int32
    var resourceCount: Int32
    var principalMode: UInt8
    var principalStart: Int32
    var principalCount: Int32
    var conditionStart: Int32
    var conditionCount: Int32
}

/// Statements (of the first 64) that may match actions of one service, keyed by the service's hash.
struct ServiceIndexEntry: BitwiseCopyable {
    var hash: UInt64
    var mask: UInt64
}
