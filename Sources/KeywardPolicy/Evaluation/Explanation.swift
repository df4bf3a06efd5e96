/// Why a request got its decision: every policy and statement, and for each statement that did not apply,
/// what failed. Built by ``PolicySet/explain(_:)``; rendered for people by ``ExplanationRenderer``.
public struct Explanation: Sendable {
    /// The request explained.
    public var request: EvaluationRequest
    /// The decision.
    public var decision: Decision
    /// The statements that decided it (see ``PolicySet/decide(_:statements:)``).
    public var deciding: [StatementReference]
    /// One trace per policy, in ``PolicySet/policies`` order.
    public var policies: [PolicyTrace]
}

/// The role a policy plays in a ``PolicySet``.
public enum PolicyRole: Sendable, Equatable, CustomStringConvertible {
    case identity
    case resource(PolicyKind)
    case boundary
    case session
    case scp(level: Int)
    case rcp(level: Int)

    /// `identity policy`, `SCP (level 1)`, ...
    public var description: String {
        switch self {
        case .identity: return "identity policy"
        case .resource(let kind):
            switch kind {
            case .trust: return "trust policy"
            case .keyPolicy: return "key policy"
            default: return "resource policy"
            }
        case .boundary: return "permissions boundary"
        case .session: return "session policy"
        case .scp(let level): return "SCP (level \(level))"
        case .rcp(let level): return "RCP (level \(level))"
        }
    }
}

/// One policy's statements, traced.
public struct PolicyTrace: Sendable {
    /// The policy's name (file name).
    public var source: String
    /// Its role.
    public var role: PolicyRole
    /// Whether it was evaluated for this principal (SCPs skip service principals, for instance).
    public var evaluated: Bool
    /// One trace per statement, in document order.
    public var statements: [StatementTrace]
}

/// One statement, traced.
public struct StatementTrace: Sendable, Equatable {
    /// `Statement[2]`.
    public var path: String
    /// The statement's `Sid`.
    public var sid: String?
    /// Its effect.
    public var effect: Effect
    /// Whether it applied, or the first element that did not match.
    public var outcome: StatementOutcome
}

/// Whether a statement applied to a request, and if not, why.
public enum StatementOutcome: Sendable, Equatable {
    /// Action, resource, principal and every condition matched.
    case applies
    /// No `Action` pattern matched (or a `NotAction` pattern did).
    case actionNotMatched
    /// No `Resource` pattern matched (or a `NotResource` pattern did).
    case resourceNotMatched
    /// The principal was not named (or was excluded by `NotPrincipal`).
    case principalNotMatched
    /// These conditions were false.
    case conditionsFailed([ConditionFailure])
}

/// A condition that was false: the operator, the key, what the policy expected and what the request had.
public struct ConditionFailure: Sendable, Equatable {
    /// The operator as written, e.g. `BoolIfExists`.
    public var conditionOperator: String
    /// The key as written in the policy.
    public var key: String
    /// The policy's values.
    public var expected: [String]
    /// The request's values, or `nil` when the key was absent.
    public var actual: [String]?
}
