import KeywardPolicy
import Testing

@Suite struct PolicyTemplateTests {
    static let account = "123456789012"
    static let user = "arn:aws:iam::123456789012:user/ops"
    static let options = PolicyTemplate.Options(accountID: account, roleNames: ["OpsSudo", "ReadOnly"], tagKey: "team")

    static func compiled(
        _ template: PolicyTemplate, _ options: PolicyTemplate.Options = options
    ) throws -> CompiledPolicy {
        try CompiledPolicy(template.render(options), source: "\(template.rawValue).json", kind: template.kind)
    }

    @Test(arguments: PolicyTemplate.allCases)
    func passesItsOwnValidator(_ template: PolicyTemplate) throws {
        let findings = PolicyValidator.validate(
            try template.render(Self.options), source: "t.json", kind: template.kind)
        #expect(findings == [])
    }

    @Test func pseudoSudoText() throws {
        let text = try PolicyTemplate.pseudoSudo.render(
            PolicyTemplate.Options(accountID: Self.account, maxMFAAgeSeconds: 3600))
        #expect(
            text == """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Sid": "AllowAccountUsersWithMFA",
                            "Effect": "Allow",
                            "Principal": {
                                "AWS": "arn:aws:iam::123456789012:root"
                            },
                            "Action": "sts:AssumeRole",
                            "Condition": {
                                "Bool": {
                                    "aws:MultiFactorAuthPresent": "true"
                                },
                                "NumericLessThan": {
                                    "aws:MultiFactorAuthAge": "3600"
                                }
                            }
                        }
                    ]
                }

                """)
    }

    @Test func mfaRequiredBlocksLongTermKeysButNotMFASetup() throws {
        let admin = try CompiledPolicy(P.policy(P.allow()), source: "admin.json")
        let set = PolicySet(identity: [try Self.compiled(.mfaRequired), admin])
        func decide(_ action: String, _ resource: String = "*", mfa: String? = nil) -> DecisionKind {
            set.decide(
                EvaluationRequest(
                    action: action, resource: resource, principal: Self.user,
                    context: mfa.map { ["aws:MultiFactorAuthPresent": [$0]] } ?? [:])
            ).kind
        }
        #expect(decide("s3:ListAllMyBuckets") == .explicitDeny)
        #expect(decide("s3:ListAllMyBuckets", mfa: "false") == .explicitDeny)
        #expect(decide("s3:ListAllMyBuckets", mfa: "true") == .allowed)
        #expect(decide("iam:EnableMFADevice", Self.user) == .allowed)
        #expect(decide("sts:GetSessionToken") == .allowed)
        #expect(decide("iam:CreateAccessKey", Self.user) == .explicitDeny)
        let alone = PolicySet(identity: [try Self.compiled(.mfaRequired)])
        #expect(
            alone.decide(EvaluationRequest(action: "iam:ChangePassword", resource: Self.user, principal: Self.user))
                .kind == .allowed)
        #expect(
            alone.decide(
                EvaluationRequest(
                    action: "iam:ChangePassword", resource: "arn:aws:iam::123456789012:user/other", principal: Self.user
                )
            ).kind == .implicitDeny)
        #expect(
            alone.decide(
                EvaluationRequest(
                    action: "iam:CreateAccessKey", resource: Self.user, principal: Self.user,
                    context: ["aws:MultiFactorAuthPresent": ["true"]])
            ).kind == .allowed)
    }

    @Test func assumeOnlyAllowsOnlyTheNamedRoles() throws {
        let set = PolicySet(identity: [
            try Self.compiled(.assumeOnly), try CompiledPolicy(P.policy(P.allow()), source: "admin.json"),
        ])
        func decide(_ action: String, _ resource: String) -> DecisionKind {
            set.decide(EvaluationRequest(action: action, resource: resource, principal: Self.user)).kind
        }
        #expect(decide("sts:AssumeRole", "arn:aws:iam::123456789012:role/OpsSudo") == .allowed)
        #expect(decide("sts:AssumeRole", "arn:aws:iam::123456789012:role/Admin") == .explicitDeny)
        let alone = PolicySet(identity: [try Self.compiled(.assumeOnly)])
        #expect(
            alone.decide(EvaluationRequest(action: "s3:ListAllMyBuckets", principal: Self.user)).kind == .implicitDeny)
        // The role is in another account (its ARN says so), which must trust the user as well; before item 2
        // of the policy hardening this request was judged same-account and needed no trust policy.
        let mfa = PolicySet(
            identity: [
                try Self.compiled(
                    .assumeOnly,
                    PolicyTemplate.Options(
                        accountID: Self.account, roleNames: ["arn:aws:iam::210987654321:role/Audit"],
                        requireMFA: true))
            ],
            resource: try CompiledPolicy(
                EvaluationLogicCases.trust(Self.user), source: "audit-trust.json", kind: .trust))
        let role = "arn:aws:iam::210987654321:role/Audit"
        #expect(
            mfa.decide(EvaluationRequest(action: "sts:AssumeRole", resource: role, principal: Self.user)).kind
                == .implicitDeny)
        #expect(
            mfa.decide(
                EvaluationRequest(
                    action: "sts:AssumeRole", resource: role, principal: Self.user,
                    context: ["aws:MultiFactorAuthPresent": ["true"]])
            ).kind == .allowed)
    }

    @Test func pseudoSudoRequiresMFAFromTheAccount() throws {
        let set = PolicySet(
            identity: [try Self.compiled(.assumeOnly)],
            resource: try Self.compiled(
                .pseudoSudo, PolicyTemplate.Options(accountID: Self.account, maxMFAAgeSeconds: 3600)))
        let role = "arn:aws:iam::123456789012:role/OpsSudo"
        func decide(_ principal: String, _ context: [String: [String]]) -> DecisionKind {
            set.decide(
                EvaluationRequest(action: "sts:AssumeRole", resource: role, principal: principal, context: context)
            ).kind
        }
        #expect(
            decide(Self.user, ["aws:MultiFactorAuthPresent": ["true"], "aws:MultiFactorAuthAge": ["300"]]) == .allowed)
        #expect(
            decide(Self.user, ["aws:MultiFactorAuthPresent": ["true"], "aws:MultiFactorAuthAge": ["7200"]])
                == .implicitDeny)
        #expect(decide(Self.user, [:]) == .implicitDeny)
        #expect(
            decide(
                "arn:aws:iam::210987654321:user/ops",
                ["aws:MultiFactorAuthPresent": ["true"], "aws:MultiFactorAuthAge": ["1"]]) == .implicitDeny)
    }

    @Test func abacTeamComparesTheChosenTag() throws {
        let set = PolicySet(identity: [
            try Self.compiled(.abacTeam, PolicyTemplate.Options(accountID: Self.account, tagKey: "project"))
        ])
        let instance = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc"
        func decide(_ mine: String, _ theirs: String) -> DecisionKind {
            set.decide(
                EvaluationRequest(
                    action: "ec2:StopInstances", resource: instance, principal: Self.user,
                    context: ["aws:PrincipalTag/project": [mine], "aws:ResourceTag/project": [theirs]])
            ).kind
        }
        #expect(decide("apollo", "apollo") == .allowed)
        #expect(decide("apollo", "gemini") == .implicitDeny)
        #expect(set.decide(EvaluationRequest(action: "ec2:DescribeInstances", principal: Self.user)).kind == .allowed)
    }

    @Test func optionsAreChecked() {
        #expect(
            throws: PolicyError.invalidTemplateOption(template: "assume-only", option: "account", reason: "required")
        ) {
            try PolicyTemplate.assumeOnly.render(PolicyTemplate.Options(roleNames: ["R"]))
        }
        #expect(
            throws: PolicyError.invalidTemplateOption(
                template: "assume-only", option: "role", reason: "give at least one role name")
        ) {
            try PolicyTemplate.assumeOnly.render(PolicyTemplate.Options(accountID: "123456789012"))
        }
        #expect(
            throws: PolicyError.invalidTemplateOption(
                template: "pseudo-sudo", option: "account", reason: "\"12345\" is not a 12-digit account ID")
        ) {
            try PolicyTemplate.pseudoSudo.render(PolicyTemplate.Options(accountID: "12345"))
        }
        #expect(
            throws: PolicyError.invalidTemplateOption(
                template: "abac-team", option: "tag-key", reason: "\"a b\" is not a tag key")
        ) {
            try PolicyTemplate.abacTeam.render(PolicyTemplate.Options(tagKey: "a b"))
        }
        #expect(
            throws: PolicyError.unknownTemplate(
                name: "sudo", known: ["mfa-required", "assume-only", "pseudo-sudo", "abac-team"])
        ) {
            try PolicyTemplate.named("sudo")
        }
        #expect(
            PolicyError.unknownTemplate(name: "sudo", known: ["a", "b"]).description
                == "unknown template \"sudo\"; known: a, b")
    }
}
