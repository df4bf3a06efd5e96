/// The `Version` element. A policy without one is read as 2008-10-17, where `${...}` is literal text.
public enum PolicyVersion: String, Sendable, Equatable {
    /// The current language version: policy variables are substituted.
    case v2012_10_17 = "2012-10-17"
    /// The original version: no policy variables.
    case v2008_10_17 = "2008-10-17"

    /// Whether `${...}` placeholders are policy variables in this version.
    public var supportsVariables: Bool { self == .v2012_10_17 }
}

/// `Allow` or `Deny`.
public enum Effect: String, Sendable, Equatable {
    case allow = "Allow"
    case deny = "Deny"
}

/// A parsed IAM policy document (identity, resource, trust, boundary, session, SCP or RCP).
///
/// Produced by `PolicyDocument.parse(_:source:kind:)`, which also yields validation findings; compile it
/// with ``CompiledPolicy/init(_:)`` to evaluate requests.
public struct PolicyDocument: Sendable, Equatable {
    /// The name used in messages, usually the file name.
    public var source: String
    /// How the policy is used.
    public var kind: PolicyKind
    /// The effective language version (absent means 2008-10-17).
    public var version: PolicyVersion
    /// Whether `Version` was present in the document.
    public var hasExplicitVersion: Bool
    /// The optional `Id` element.
    public var id: String?
    /// The statements, in document order.
    public var statements: [PolicyStatement]

    /// Creates a document.
    public init(
        source: String, kind: PolicyKind, version: PolicyVersion = .v2012_10_17, hasExplicitVersion: Bool = true,
        id: String? = nil, statements: [PolicyStatement]
    ) {
        self.source = source
        self.kind = kind
        self.version = version
        self.hasExplicitVersion = hasExplicitVersion
        self.id = id
        self.statements = statements
    }
}

/// One statement of a policy.
public struct PolicyStatement: Sendable, Equatable {
    /// The JSON path of the statement, e.g. `Statement[2]`.
    public var path: String
    /// Position of the statement in the document (0-based).
    public var index: Int
    /// The optional `Sid`.
    public var sid: String?
    /// `Allow` or `Deny`.
    public var effect: Effect
    /// `Action` or `NotAction` patterns.
    public var actions: MatchList
    /// `Resource` or `NotResource` patterns; `nil` when neither is present (trust policies).
    public var resources: MatchList?
    /// `Principal` or `NotPrincipal`; `nil` when neither is present.
    public var principals: PrincipalElement?
    /// The `Condition` clauses, one per operator and key.
    public var conditions: [ConditionClause]
    /// Byte offset of the statement in its source, for findings.
    var offset = 0

    /// Creates a statement.
    public init(
        path: String, index: Int, sid: String? = nil, effect: Effect, actions: MatchList,
        resources: MatchList? = nil, principals: PrincipalElement? = nil, conditions: [ConditionClause] = []
    ) {
        self.path = path
        self.index = index
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.resources = resources
        self.principals = principals
        self.conditions = conditions
    }
}

/// `Action`/`NotAction` or `Resource`/`NotResource`: a list of patterns, possibly negated.
public struct MatchList: Sendable, Equatable {
    /// The patterns as written.
    public var patterns: [String]
    /// `true` for `NotAction`/`NotResource`.
    public var negated: Bool

    /// Creates a list.
    public init(_ patterns: [String], negated: Bool = false) {
        self.patterns = patterns
        self.negated = negated
    }
}

/// `Principal` or `NotPrincipal`.
public struct PrincipalElement: Sendable, Equatable {
    /// `"*"` (or `{"AWS": "*"}`): everyone, including anonymous callers.
    public var anyone: Bool
    /// `AWS` values: account IDs, account root ARNs, user, role, session and federated-user ARNs.
    public var aws: [String]
    /// `Service` values, e.g. `ec2.amazonaws.com`.
    public var service: [String]
    /// `Federated` values: OIDC provider names or SAML provider ARNs.
    public var federated: [String]
    /// `CanonicalUser` values.
    public var canonicalUser: [String]
    /// `true` for `NotPrincipal`.
    public var negated: Bool

    /// Creates a principal element.
    public init(
        anyone: Bool = false, aws: [String] = [], service: [String] = [], federated: [String] = [],
        canonicalUser: [String] = [], negated: Bool = false
    ) {
        self.anyone = anyone
        self.aws = aws
        self.service = service
        self.federated = federated
        self.canonicalUser = canonicalUser
        self.negated = negated
    }
}

/// One `"Operator": {"key": values}` entry of a `Condition` element.
public struct ConditionClause: Sendable, Equatable {
    /// The JSON path of the key, e.g. `Statement[0].Condition.Bool.aws:MultiFactorAuthPresent`.
    public var path: String
    /// The operator, parsed.
    public var conditionOperator: ConditionOperator
    /// The condition key as written (matched case-insensitively).
    public var key: String
    /// The values as text (JSON numbers and booleans become their text).
    public var values: [String]

    /// Creates a clause.
    public init(path: String, conditionOperator: ConditionOperator, key: String, values: [String]) {
        self.path = path
        self.conditionOperator = conditionOperator
        self.key = key
        self.values = values
    }
}
