import KeywardPolicy
import Testing

/// One conformance case: policies, a request, the decision AWS documents, and the rule it checks.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    /// Short name shown by the test runner.
    var name: String
    /// The IAM User Guide page and rule the case checks.
    var rule: String
    var identity: [String] = []
    var resourcePolicy: String?
    var resourceKind: PolicyKind = .resource
    var boundary: String?
    var session: [String] = []
    var scpLevels: [[String]] = []
    var rcpLevels: [[String]] = []
    var action: String
    var resource: String = "*"
    var principal: String? = PolicyTesting.alice
    var resourceAccount: String?
    var context: [String: [String]] = [:]
    var expected: DecisionKind

    var testDescription: String { name }

    /// Compiles everything and decides.
    func decide() throws -> Decision {
        func compile(_ json: String, _ kind: PolicyKind, _ name: String) throws -> CompiledPolicy {
            try CompiledPolicy(json, source: name, kind: kind)
        }
        let set = PolicySet(
            identity: try identity.enumerated().map { try compile($1, .identity, "identity\($0).json") },
            resource: try resourcePolicy.map { try compile($0, resourceKind, "resource.json") },
            boundary: try boundary.map { try compile($0, .boundary, "boundary.json") },
            session: try session.enumerated().map { try compile($1, .session, "session\($0).json") },
            scpLevels: try scpLevels.enumerated().map { level, policies in
                try policies.enumerated().map { try compile($1, .scp, "scp\(level)-\($0).json") }
            },
            rcpLevels: try rcpLevels.enumerated().map { level, policies in
                try policies.enumerated().map { try compile($1, .rcp, "rcp\(level)-\($0).json") }
            })
        let request = EvaluationRequest(
            action: action, resource: resource, principal: principal, resourceAccount: resourceAccount, context: context
        )
        return set.decide(request)
    }
}

/// Builders for compact policy JSON in cases.
enum P {
    /// A 2012-10-17 policy with these statements.
    static func policy(_ statements: String...) -> String {
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.joined(separator: ",") + "]}"
    }

    /// An `Allow` statement.
    static func allow(
        _ action: String = "\"*\"", _ resource: String = "\"*\"", condition: String? = nil, extra: String = ""
    ) -> String {
        statement("Allow", action, resource, condition: condition, extra: extra)
    }

    /// A `Deny` statement.
    static func deny(
        _ action: String = "\"*\"", _ resource: String = "\"*\"", condition: String? = nil, extra: String = ""
    ) -> String {
        statement("Deny", action, resource, condition: condition, extra: extra)
    }

    static func statement(
        _ effect: String, _ action: String, _ resource: String, condition: String?, extra: String
    ) -> String {
        var body = "{\"Effect\":\"\(effect)\",\"Action\":\(action),\"Resource\":\(resource)"
        if let condition { body += ",\"Condition\":\(condition)" }
        if !extra.isEmpty { body += "," + extra }
        return body + "}"
    }

    /// A one-statement policy allowing everything when `condition` holds.
    static func allowIf(_ condition: String) -> String {
        policy(allow(condition: condition))
    }
}
