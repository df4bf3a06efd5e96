import KeywardPolicy
import Testing

/// Runs every conformance table. Each case names the IAM User Guide rule it checks in `rule`.
@Suite struct ConformanceTests {
    static let all: [ConformanceCase] =
        ActionResourceCases.all + VariableCases.all + StringConditionCases.all + TypedConditionCases.all
        + NetworkConditionCases.all + SetOperatorCases.all + PrincipalCases.all + EvaluationLogicCases.all
        + SeedPolicyCases.all

    @Test(arguments: ConformanceTests.all)
    func conformance(_ testCase: ConformanceCase) throws {
        let decision = try testCase.decide()
        #expect(decision.kind == testCase.expected, "\(testCase.rule)")
    }

    @Test func atLeastOneHundredFiftyCases() {
        #expect(ConformanceTests.all.count >= 150)
        #expect(Set(ConformanceTests.all.map(\.name)).count == ConformanceTests.all.count)
    }
}
