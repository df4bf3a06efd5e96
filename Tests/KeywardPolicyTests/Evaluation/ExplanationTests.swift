import KeywardPolicy
import Testing

@Suite struct ExplanationTests {
    static let policy = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "ReadReports", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
           "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}, "IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}},
          {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"},
          {"Sid": "Other", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*"}
        ]}
        """

    @Test func rendersFailedConditionsWithExpectedAndActualValues() throws {
        let set = PolicySet(identity: [try CompiledPolicy(Self.policy, source: "reports.json")])
        let request = EvaluationRequest(
            action: "s3:GetObject", resource: "arn:aws:s3:::reports/q1.csv", principal: PolicyTesting.alice,
            context: ["aws:MultiFactorAuthPresent": ["false"]])
        let text = ExplanationRenderer.render(set.explain(request), policies: set)
        #expect(
            text == """
                implicitDeny: no policy allows it
                request: s3:GetObject on arn:aws:s3:::reports/q1.csv
                principal: arn:aws:iam::111122223333:user/alice (user, account 111122223333)
                context:
                  aws:multifactorauthpresent = "false"
                  aws:principalaccount = "111122223333"
                  aws:principalarn = "arn:aws:iam::111122223333:user/alice"
                  aws:principaltype = "User"
                  aws:resourceaccount = "111122223333"
                  aws:username = "alice"
                policies:
                  identity policy reports.json:
                    Statement[0] (ReadReports) Allow: 2 conditions failed
                      BoolIfExists aws:MultiFactorAuthPresent: expected "true", actual "false"
                      IpAddress aws:SourceIp: expected "203.0.113.0/24", actual (absent)
                    Statement[1] Deny: action does not match
                    Statement[2] (Other) Allow: resource does not match

                """)
    }

    @Test func namesTheDecidingStatements() throws {
        let set = PolicySet(identity: [try CompiledPolicy(Self.policy, source: "reports.json")])
        let request = EvaluationRequest(action: "s3:DeleteObject", resource: "arn:aws:s3:::reports/q1.csv")
        let explanation = set.explain(request)
        #expect(explanation.decision == Decision(.explicitDeny, .explicitDenyStatement))
        #expect(explanation.deciding == [StatementReference(policy: 0, statement: 1)])
        #expect(
            ExplanationRenderer.json(explanation, policies: set)
                == #"{"decision":"explicitDeny","reason":"explicitDenyStatement","statements":[{"policy":"reports.json","statement":"Statement[1]","effect":"Deny"}]}"#
                + "\n")
        let text = ExplanationRenderer.render(explanation, policies: set)
        #expect(
            text.hasPrefix(
                "explicitDeny: a Deny statement applies\nrequest: s3:DeleteObject on arn:aws:s3:::reports/q1.csv\ndecided by:\n  reports.json Statement[1] Deny\n"
            ))
    }

    @Test func marksPoliciesThatDoNotApply() throws {
        let set = PolicySet(
            resource: try CompiledPolicy(
                P.policy(
                    "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}"
                ),
                source: "trust.json", kind: .trust),
            scpLevels: [[try CompiledPolicy(P.policy(P.allow("\"s3:*\"")), source: "scp.json", kind: .scp)]])
        let explanation = set.explain(
            EvaluationRequest(action: "sts:AssumeRole", resource: PolicyTesting.roleARN, principal: "ec2.amazonaws.com")
        )
        #expect(explanation.decision == Decision(.allowed, .resourcePolicyAllowed))
        let text = ExplanationRenderer.render(explanation, policies: set)
        #expect(text.contains("  trust policy trust.json:\n    Statement[0] Allow: applies\n"))
        #expect(text.contains("  SCP (level 0) scp.json: not evaluated for a service principal\n"))
    }

    @Test func decisionStatementsMatchTheExplanation() throws {
        let set = PolicySet(identity: [try CompiledPolicy(P.policy(P.allow("\"s3:*\""), P.allow("\"s3:Get*\"")))])
        var statements: [StatementReference] = []
        let decision = set.decide(EvaluationRequest(action: "s3:GetObject"), statements: &statements)
        #expect(decision == Decision(.allowed, .identityAllowed))
        #expect(
            statements == [StatementReference(policy: 0, statement: 0), StatementReference(policy: 0, statement: 1)])
        #expect(decision.description == "allowed (an identity-based policy allows it)")
    }
}
