import Foundation
import KeywardCatalog
import KeywardPolicy
import Testing

@testable import KeywardAnalysis

/// Shared fixtures: the catalogue, policy parsing and the replay every `FAIL` must survive.
enum AnalysisTesting {
    static let catalog: ServiceCatalog? = try? ServiceCatalog.embedded()
    static let checks = AccessChecks(catalog: catalog)

    /// Parses a policy; resource-based kinds as given.
    static func document(
        _ json: String, _ source: String = "policy.json", kind: PolicyKind = .identity
    ) throws
        -> PolicyDocument
    {
        try PolicyDocument.parse(json, source: source, kind: kind)
    }

    /// The policy set a check evaluates `document` in (resource policies: with the caller's allow-all side).
    static func set(_ document: PolicyDocument, setting: AnalysisSetting) -> PolicySet {
        setting.set(CompiledPolicy(document))
    }

    /// Replays a `FAIL`'s counterexample, decoded back from its request line as `policy simulate --requests`
    /// would read it, and returns the decisions of `sets`.
    static func replay(_ result: CheckResult, _ sets: [PolicySet]) throws -> [DecisionKind] {
        let example = try #require(result.counterexample, "\(result.reason)")
        let decoded = try JSONDecoder().decode(Counterexample.self, from: Data(example.requestLine.utf8))
        #expect(decoded == example)
        return sets.map { $0.decide(decoded.request).kind }
    }

    /// Asserts `check-no-new-access`'s answer and, for a FAIL, that the counterexample is allowed by `new`
    /// and not by `existing`.
    @discardableResult
    static func expectNoNewAccess(
        existing: PolicyDocument, new: PolicyDocument, _ expected: CheckResult.Verdict,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> CheckResult {
        let result = checks.checkNoNewAccess(existing: existing, new: new)
        #expect(result.result == expected, "\(result.reason)", sourceLocation: sourceLocation)
        if result.result == .fail {
            let setting = AnalysisSetting(for: new, others: [existing])
            let decisions = try replay(result, [set(new, setting: setting), set(existing, setting: setting)])
            #expect(decisions[0] == .allowed, sourceLocation: sourceLocation)
            #expect(decisions[1] != .allowed, sourceLocation: sourceLocation)
            #expect(!result.statements.isEmpty, sourceLocation: sourceLocation)
        }
        return result
    }

    /// Asserts an answer of a single-policy check and, for a FAIL, that the policy allows the counterexample.
    @discardableResult
    static func expectAllowedCounterexample(
        _ result: CheckResult, _ policy: PolicyDocument, _ expected: CheckResult.Verdict,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> CheckResult {
        #expect(result.result == expected, "\(result.reason)", sourceLocation: sourceLocation)
        if result.result == .fail {
            let decisions = try replay(result, [set(policy, setting: AnalysisSetting(for: policy))])
            #expect(decisions == [.allowed], sourceLocation: sourceLocation)
            #expect(result.statements.contains { $0.effect == "Allow" }, sourceLocation: sourceLocation)
        }
        return result
    }
}
