/// One external-access finding, shaped like Access Analyzer's `ExternalAccessDetails`: who outside the zone
/// of trust may do what, on which resources, under which conditions, and whether anyone at all may.
public struct ExternalAccessFinding: Sendable, Equatable, Codable {
    /// `{"AWS": "*"}`, `{"AWS": "111122223333"}`, `{"AWS": ARN}`, `{"Service": ...}`, `{"Federated": ...}`,
    /// `{"CanonicalUser": ...}`.
    public var principal: [String: String]
    /// The action patterns of the statements that grant it.
    public var action: [String]
    /// The resource patterns of those statements (`*` when they name none).
    public var resource: [String]
    /// The condition keys of those statements and their values (comma-separated, as Access Analyzer's
    /// string-to-string map has it).
    public var condition: [String: String]
    /// Anyone (anonymous, or any account) may.
    public var isPublic: Bool
    /// The statements that grant it.
    public var statements: [StatementDescription]
    /// A request proving it (a `policy simulate --requests` line).
    public var counterexample: Counterexample

    /// Creates a finding.
    public init(
        principal: [String: String], action: [String], resource: [String], condition: [String: String],
        isPublic: Bool, statements: [StatementDescription], counterexample: Counterexample
    ) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.condition = condition
        self.isPublic = isPublic
        self.statements = statements
        self.counterexample = counterexample
    }
}
