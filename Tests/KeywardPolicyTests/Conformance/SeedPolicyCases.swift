import KeywardPolicy

/// The seeds' own policies (seeds 000-004 in shared/seeds), including the MFA trap.
enum SeedPolicyCases {
    static let mfaTutorial =
        "IAM User Guide, Tutorial: Enable your users to configure their own credentials and MFA settings"
    static let conditionOperators = "IAM User Guide, IAM JSON policy elements: Condition operators, ...IfExists"

    /// Seed 000: most statements of the group policy carry Bool aws:MultiFactorAuthPresent true.
    static let seed000Group = P.policy(
        P.allow("\"ec2:*\"", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"))
    /// Seed 000: the trust policy letting tim and tom assume a role.
    static let seed000Trust = P.policy(
        "{\"Sid\":\"\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::448613307115:user/tim\",\"arn:aws:iam::448613307115:user/tom\"]},\"Action\":\"sts:AssumeRole\"}"
    )
    /// Seed 001: SAML trust policy.
    static let seed001SAML = P.policy(
        "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111111111111:saml-provider/ADFS\"},\"Action\":\"sts:AssumeRoleWithSAML\",\"Condition\":{\"StringEquals\":{\"SAML:aud\":\"https://signin.aws.amazon.com/saml\"}}}"
    )
    /// Seed 002: the block statement, with BoolIfExists as AWS's tutorial has it.
    static let seed002Block = P.policy(
        P.allow(),
        "{\"Sid\":\"BlockMostAccessUnlessSignedInWithMFA\",\"Effect\":\"Deny\",\"NotAction\":[\"iam:CreateVirtualMFADevice\",\"iam:EnableMFADevice\",\"iam:ListMFADevices\",\"iam:ResyncMFADevice\",\"sts:GetSessionToken\"],\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}"
    )
    /// The trap: the same deny with plain Bool.
    static let seed002Trap = P.policy(
        P.allow(),
        "{\"Effect\":\"Deny\",\"NotAction\":[\"iam:EnableMFADevice\",\"sts:GetSessionToken\"],\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}"
    )
    /// Seed 002: pseudo-sudo user policy.
    static let seed002Sudo = P.policy(P.allow("[\"sts:AssumeRole\"]", "[\"arn:aws:iam::123456789012:role/OpsSudo\"]"))
    /// Seed 003: ABAC start/stop.
    static let seed003 = P.policy(
        P.allow("[\"ec2:DescribeInstances\"]"),
        P.allow(
            "[\"ec2:StartInstances\",\"ec2:StopInstances\"]",
            condition: "{\"StringEquals\":{\"ec2:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}"))
    /// Seed 004: assume the admin role only with MFA, the condition value a JSON boolean.
    static let seed004 = P.policy(
        P.allow(
            "[\"sts:AssumeRole\"]", "[\"arn:aws:iam::123456789012:role/admin\"]",
            condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":true}}"))

    static let tom = "arn:aws:iam::448613307115:user/tom"
    static let mfa = ["aws:MultiFactorAuthPresent": ["true"]]
    static let noMFA = ["aws:MultiFactorAuthPresent": ["false"]]

    static let all: [ConformanceCase] = [
        ConformanceCase(
            name: "seed 000: MFA present", rule: "\(conditionOperators): Bool true with MFA", identity: [seed000Group],
            action: "ec2:RunInstances", context: mfa, expected: .allowed),
        ConformanceCase(
            name: "seed 000: long-term keys have no MFA key",
            rule: "\(conditionOperators): Bool on an absent key is false", identity: [seed000Group],
            action: "ec2:RunInstances", expected: .implicitDeny),
        ConformanceCase(
            name: "seed 000: tom may assume", rule: "IAM User Guide, Principal: listed users in a trust policy",
            resourcePolicy: seed000Trust, resourceKind: .trust, action: "sts:AssumeRole",
            resource: "arn:aws:iam::448613307115:role/backup", principal: tom, expected: .allowed),
        ConformanceCase(
            name: "seed 000: others may not assume", rule: "IAM User Guide, Principal: only listed users",
            resourcePolicy: seed000Trust, resourceKind: .trust, action: "sts:AssumeRole",
            resource: "arn:aws:iam::448613307115:role/backup", principal: "arn:aws:iam::448613307115:user/eve",
            expected: .implicitDeny),
        ConformanceCase(
            name: "seed 001: SAML audience", rule: "IAM User Guide, Available keys for SAML-based federation: SAML:aud",
            resourcePolicy: seed001SAML, resourceKind: .trust, action: "sts:AssumeRoleWithSAML",
            resource: "arn:aws:iam::111111111111:role/Developer",
            principal: "arn:aws:iam::111111111111:saml-provider/ADFS",
            context: ["SAML:aud": ["https://signin.aws.amazon.com/saml"]], expected: .allowed),
        ConformanceCase(
            name: "seed 001: wrong SAML audience",
            rule: "IAM User Guide, Available keys for SAML-based federation: SAML:aud", resourcePolicy: seed001SAML,
            resourceKind: .trust, action: "sts:AssumeRoleWithSAML",
            resource: "arn:aws:iam::111111111111:role/Developer",
            principal: "arn:aws:iam::111111111111:saml-provider/ADFS", context: ["SAML:aud": ["https://example.com"]],
            expected: .implicitDeny),
        ConformanceCase(
            name: "seed 002: long-term keys blocked",
            rule: "\(mfaTutorial): BoolIfExists also denies requests without the MFA key", identity: [seed002Block],
            action: "s3:ListAllMyBuckets", expected: .explicitDeny),
        ConformanceCase(
            name: "seed 002: session without MFA blocked",
            rule: "\(mfaTutorial): MultiFactorAuthPresent false is denied", identity: [seed002Block],
            action: "s3:ListAllMyBuckets", context: noMFA, expected: .explicitDeny),
        ConformanceCase(
            name: "seed 002: session with MFA passes", rule: "\(mfaTutorial): with MFA the deny does not apply",
            identity: [seed002Block], action: "s3:ListAllMyBuckets", context: mfa, expected: .allowed),
        ConformanceCase(
            name: "seed 002: MFA setup allowed without MFA",
            rule: "\(mfaTutorial): NotAction exempts the MFA self-service actions", identity: [seed002Block],
            action: "iam:EnableMFADevice", expected: .allowed),
        ConformanceCase(
            name: "seed 002: the trap lets long-term keys through",
            rule:
                "\(conditionOperators): Bool with an absent key is false, so a Deny with Bool false never applies to long-term keys",
            identity: [seed002Trap], action: "s3:ListAllMyBuckets", expected: .allowed),
        ConformanceCase(
            name: "seed 002: the trap still stops explicit false",
            rule: "\(conditionOperators): Bool false matches a present false", identity: [seed002Trap],
            action: "s3:ListAllMyBuckets", context: noMFA, expected: .explicitDeny),
        ConformanceCase(
            name: "seed 002: pseudo-sudo assume", rule: "IAM User Guide, Granting a user permissions to switch roles",
            identity: [seed002Sudo],
            resourcePolicy: EvaluationLogicCases.trust(
                "arn:aws:iam::123456789012:root", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"),
            resourceKind: .trust, action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/OpsSudo",
            principal: "arn:aws:iam::123456789012:user/ops", context: mfa, expected: .allowed),
        ConformanceCase(
            name: "seed 002: pseudo-sudo needs MFA",
            rule: "IAM User Guide, Configuring MFA-protected API access: trust policy condition",
            identity: [seed002Sudo],
            resourcePolicy: EvaluationLogicCases.trust(
                "arn:aws:iam::123456789012:root", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"),
            resourceKind: .trust, action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/OpsSudo",
            principal: "arn:aws:iam::123456789012:user/ops", expected: .implicitDeny),
        ConformanceCase(
            name: "seed 002: pseudo-sudo other role", rule: "IAM User Guide, IAM JSON policy elements: Resource",
            identity: [seed002Sudo], action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/Other",
            principal: "arn:aws:iam::123456789012:user/ops", expected: .implicitDeny),
        ConformanceCase(
            name: "seed 003: same team", rule: "IAM User Guide, Define permissions based on attributes with ABAC",
            identity: [seed003], action: "ec2:StopInstances",
            resource: "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
            context: ["aws:PrincipalTag/team": ["blue"], "ec2:ResourceTag/team": ["blue"]], expected: .allowed),
        ConformanceCase(
            name: "seed 003: other team", rule: "IAM User Guide, Define permissions based on attributes with ABAC",
            identity: [seed003], action: "ec2:StopInstances",
            resource: "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
            context: ["aws:PrincipalTag/team": ["blue"], "ec2:ResourceTag/team": ["red"]], expected: .implicitDeny),
        ConformanceCase(
            name: "seed 003: untagged caller", rule: "IAM User Guide, Policy variables with no value",
            identity: [seed003], action: "ec2:StartInstances",
            resource: "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", context: ["ec2:ResourceTag/team": ["red"]],
            expected: .implicitDeny),
        ConformanceCase(
            name: "seed 003: describe needs no tag",
            rule: "IAM User Guide, Define permissions based on attributes with ABAC", identity: [seed003],
            action: "ec2:DescribeInstances", expected: .allowed),
        ConformanceCase(
            name: "seed 004: admin with MFA", rule: "\(conditionOperators): JSON true in a Bool condition",
            identity: [seed004], action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/admin",
            principal: "arn:aws:iam::123456789012:user/dev", context: mfa, expected: .allowed),
        ConformanceCase(
            name: "seed 004: admin without MFA", rule: "\(conditionOperators): Bool on an absent key is false",
            identity: [seed004], action: "sts:AssumeRole", resource: "arn:aws:iam::123456789012:role/admin",
            principal: "arn:aws:iam::123456789012:user/dev", expected: .implicitDeny),
    ]
}
