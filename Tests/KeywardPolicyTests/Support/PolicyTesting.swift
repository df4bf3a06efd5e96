import KeywardPolicy

/// Builders shared by the tests: compile inline JSON and decide requests in one call.
enum PolicyTesting {
    static let account = "111122223333"
    static let otherAccount = "444455556666"
    static let alice = "arn:aws:iam::111122223333:user/alice"
    static let bob = "arn:aws:iam::444455556666:user/bob"
    static let roleARN = "arn:aws:iam::111122223333:role/Admin"
    static let session = "arn:aws:sts::111122223333:assumed-role/Admin/alice"

    /// Compiles a policy or fails the test with the policy error.
    static func compile(
        _ json: String, kind: PolicyKind = .identity, source: String = "policy.json"
    ) throws -> CompiledPolicy {
        try CompiledPolicy(json, source: source, kind: kind)
    }

    /// A one-statement identity policy.
    static func statement(_ body: String, version: String = "2012-10-17") throws -> CompiledPolicy {
        try compile("{\"Version\": \"\(version)\", \"Statement\": [\(body)]}")
    }

    /// The decision kind for a request against identity policies only.
    static func decide(
        _ policies: [CompiledPolicy], _ action: String, _ resource: String = "*", principal: String? = alice,
        context: [String: [String]] = [:]
    ) -> DecisionKind {
        PolicySet(identity: policies).decide(
            EvaluationRequest(action: action, resource: resource, principal: principal, context: context)
        ).kind
    }

    /// The decision kind for a request against one identity policy.
    static func decide(
        _ policy: CompiledPolicy, _ action: String, _ resource: String = "*", principal: String? = alice,
        context: [String: [String]] = [:]
    ) -> DecisionKind {
        decide([policy], action, resource, principal: principal, context: context)
    }
}
