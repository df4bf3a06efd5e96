/// A condition operator such as `ForAnyValue:StringLikeIfExists`, split into its parts.
///
/// See the IAM User Guide, "IAM JSON policy elements: Condition operators" and "Set operators for
/// multivalued context keys". Operator names are matched exactly as AWS spells them.
public struct ConditionOperator: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The operator without prefix or `IfExists` suffix.
    public var base: Base
    /// `...IfExists`: the condition is true when the key is absent.
    public var ifExists: Bool
    /// `ForAllValues:` or `ForAnyValue:`, for multivalued context keys.
    public var setOperator: SetOperator?

    /// Creates an operator from its parts.
    public init(_ base: Base, ifExists: Bool = false, setOperator: SetOperator? = nil) {
        self.base = base
        self.ifExists = ifExists
        self.setOperator = setOperator
    }

    /// Parses an operator name; `nil` when the name is not an IAM operator (`StringEqualz`).
    ///
    /// - Parameter name: the operator as written in the policy.
    public init?(parsing name: String) {
        var rest = Substring(name)
        var setOperator: SetOperator?
        for candidate in SetOperator.allCases where rest.hasPrefix(candidate.rawValue + ":") {
            setOperator = candidate
            rest = rest.dropFirst(candidate.rawValue.count + 1)
        }
        var ifExists = false
        if rest.hasSuffix("IfExists") {
            ifExists = true
            rest = rest.dropLast("IfExists".count)
        }
        guard let base = Base(rawValue: String(rest)) else { return nil }
        self.init(base, ifExists: ifExists, setOperator: setOperator)
    }

    /// The operator as AWS spells it.
    public var description: String {
        (setOperator.map { $0.rawValue + ":" } ?? "") + base.rawValue + (ifExists ? "IfExists" : "")
    }

    /// The set operators for multivalued context keys.
    public enum SetOperator: String, Sendable, CaseIterable, Equatable, Hashable {
        /// True when every value in the request matches a policy value; also true when the key is absent
        /// or empty.
        case forAllValues = "ForAllValues"
        /// True when at least one value in the request matches a policy value; false when absent.
        case forAnyValue = "ForAnyValue"
    }

    /// The base operators.
    public enum Base: String, Sendable, CaseIterable, Equatable, Hashable {
        case stringEquals = "StringEquals"
        case stringNotEquals = "StringNotEquals"
        case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
        case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
        case stringLike = "StringLike"
        case stringNotLike = "StringNotLike"
        case numericEquals = "NumericEquals"
        case numericNotEquals = "NumericNotEquals"
        case numericLessThan = "NumericLessThan"
        case numericLessThanEquals = "NumericLessThanEquals"
        case numericGreaterThan = "NumericGreaterThan"
        case numericGreaterThanEquals = "NumericGreaterThanEquals"
        case dateEquals = "DateEquals"
        case dateNotEquals = "DateNotEquals"
        case dateLessThan = "DateLessThan"
        case dateLessThanEquals = "DateLessThanEquals"
        case dateGreaterThan = "DateGreaterThan"
        case dateGreaterThanEquals = "DateGreaterThanEquals"
        case bool = "Bool"
        case binaryEquals = "BinaryEquals"
        case ipAddress = "IpAddress"
        case notIpAddress = "NotIpAddress"
        case arnEquals = "ArnEquals"
        case arnLike = "ArnLike"
        case arnNotEquals = "ArnNotEquals"
        case arnNotLike = "ArnNotLike"
        case null = "Null"

        /// The operator family, which decides how values are typed and compared.
        public var family: Family {
            switch self {
            case .stringEquals, .stringNotEquals: return .string
            case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase: return .stringIgnoreCase
            case .stringLike, .stringNotLike: return .stringLike
            case .numericEquals, .numericNotEquals, .numericLessThan, .numericLessThanEquals,
                .numericGreaterThan, .numericGreaterThanEquals:
                return .numeric
            case .dateEquals, .dateNotEquals, .dateLessThan, .dateLessThanEquals, .dateGreaterThan,
                .dateGreaterThanEquals:
                return .date
            case .bool: return .bool
            case .binaryEquals: return .binary
            case .ipAddress, .notIpAddress: return .ipAddress
            case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: return .arn
            case .null: return .null
            }
        }

        /// Negated operators are true when no policy value matches, and when the key is absent.
        public var isNegated: Bool {
            switch self {
            case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
                .notIpAddress, .arnNotEquals, .arnNotLike:
                return true
            default:
                return false
            }
        }

        /// How a request value is compared with a policy value (numbers and dates).
        public var comparison: Comparison {
            switch self {
            case .numericLessThan, .dateLessThan: return .less
            case .numericLessThanEquals, .dateLessThanEquals: return .lessOrEqual
            case .numericGreaterThan, .dateGreaterThan: return .greater
            case .numericGreaterThanEquals, .dateGreaterThanEquals: return .greaterOrEqual
            default: return .equal
            }
        }
    }

    /// Operator families.
    public enum Family: UInt8, Sendable, Equatable, BitwiseCopyable {
        case string, stringIgnoreCase, stringLike, numeric, date, bool, binary, ipAddress, arn, null

        /// Whether policy variables are substituted in values of this family (String and ARN operators).
        public var acceptsVariables: Bool {
            switch self {
            case .string, .stringIgnoreCase, .stringLike, .arn: return true
            default: return false
            }
        }
    }

    /// Comparisons for numeric and date operators: request value OP policy value.
    public enum Comparison: UInt8, Sendable, Equatable, BitwiseCopyable {
        case equal, less, lessOrEqual, greater, greaterOrEqual
    }
}
