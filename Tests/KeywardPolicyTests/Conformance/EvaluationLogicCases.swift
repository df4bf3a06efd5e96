import KeywardPolicy

/// How policy types combine: explicit deny, boundaries, session policies, SCPs, RCPs, resource policies in
/// one account and across accounts, trust and key policies.
enum EvaluationLogicCases {
    static let logic = "IAM User Guide, Policy evaluation logic"
    static let denyAllow = "IAM User Guide, How AWS enforcement code logic evaluates requests to allow or deny access"
    static let boundaries = "IAM User Guide, Permissions boundaries for IAM entities"
    static let sessions = "IAM User Guide, Session policies"
    static let crossAccount = "IAM User Guide, Cross-account policy evaluation logic"
    static let object = "arn:aws:s3:::shared/report.csv"
    static let allowAll = P.policy(P.allow())
    static let allowS3 = P.policy(P.allow("\"s3:*\""))
    static let allowEC2 = P.policy(P.allow("\"ec2:*\""))
    static let denyAll = P.policy(P.deny())

    static func bucketAllow(_ principal: String) -> String {
        P.policy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"\(principal)\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared/*\"}"
        )
    }

    static func trust(_ principal: String, condition: String? = nil) -> String {
        var body = "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"\(principal)\"},\"Action\":\"sts:AssumeRole\""
        if let condition { body += ",\"Condition\":\(condition)" }
        return P.policy(body + "}")
    }

    static func keyPolicy(_ principal: String) -> String {
        P.policy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"\(principal)\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}")
    }

    static let roleToAssume = "arn:aws:iam::111122223333:role/Ops"
    static let key = "arn:aws:kms:eu-west-1:111122223333:key/1234"

    static let basics: [ConformanceCase] = [
        ConformanceCase(
            name: "no policy means implicit deny", rule: "\(denyAllow): by default all requests are implicitly denied",
            action: "s3:GetObject", expected: .implicitDeny),
        ConformanceCase(
            name: "deny overrides allow in one policy", rule: "\(denyAllow): an explicit deny overrides an allow",
            identity: [P.policy(P.allow(), P.deny("\"s3:DeleteBucket\""))], action: "s3:DeleteBucket",
            expected: .explicitDeny),
        ConformanceCase(
            name: "deny in another policy", rule: "\(denyAllow): deny evaluation covers all applicable policies",
            identity: [allowAll, P.policy(P.deny("\"s3:*\""))], action: "s3:GetObject", expected: .explicitDeny),
        ConformanceCase(
            name: "allow in any identity policy",
            rule: "\(logic): identity-based policies are checked for at least one Allow",
            identity: [allowEC2, allowS3], action: "s3:GetObject", expected: .allowed),
        ConformanceCase(
            name: "GetCallerIdentity needs no policy",
            rule: "AWS STS API Reference, GetCallerIdentity: no permissions are required",
            action: "sts:GetCallerIdentity", expected: .allowed),
        ConformanceCase(
            name: "GetCallerIdentity cannot be denied",
            rule: "AWS STS API Reference, GetCallerIdentity: an explicit deny does not prevent it", identity: [denyAll],
            action: "sts:GetCallerIdentity", expected: .allowed),
        ConformanceCase(
            name: "root user needs no identity policy",
            rule: "\(denyAllow): all requests are denied except the root user's", action: "s3:DeleteBucket",
            principal: "arn:aws:iam::111122223333:root", expected: .allowed),
        ConformanceCase(
            name: "SCP deny applies to the root user",
            rule: "AWS Organizations User Guide, SCPs: SCPs restrict the member account's root user",
            scpLevels: [[denyAll]], action: "s3:DeleteBucket", principal: "arn:aws:iam::111122223333:root",
            expected: .explicitDeny),
        ConformanceCase(
            name: "role session with identity policy",
            rule: "\(logic): a role session is evaluated with the role's policies", identity: [allowS3],
            action: "s3:GetObject", principal: PolicyTesting.session, expected: .allowed),
    ]

    static let boundaryCases: [ConformanceCase] = [
        ConformanceCase(
            name: "identity and boundary allow", rule: "\(boundaries): effective permissions are the intersection",
            identity: [allowS3], boundary: allowAll, action: "s3:GetObject", expected: .allowed),
        ConformanceCase(
            name: "boundary does not allow", rule: "\(boundaries): an action outside the boundary is implicitly denied",
            identity: [allowAll], boundary: allowS3, action: "ec2:RunInstances", expected: .implicitDeny),
        ConformanceCase(
            name: "boundary grants nothing alone",
            rule: "\(boundaries): a boundary does not grant permissions on its own", boundary: allowAll,
            action: "s3:GetObject", expected: .implicitDeny),
        ConformanceCase(
            name: "boundary explicit deny", rule: "\(boundaries): a deny in the boundary is an explicit deny",
            identity: [allowAll], boundary: P.policy(P.allow(), P.deny("\"s3:DeleteBucket\"")),
            action: "s3:DeleteBucket", expected: .explicitDeny),
        ConformanceCase(
            name: "resource policy naming the user bypasses the boundary",
            rule: "\(boundaries): resource-based policies naming an IAM user are not limited by the boundary",
            resourcePolicy: bucketAllow(PolicyTesting.alice), boundary: allowEC2, action: "s3:GetObject",
            resource: object, expected: .allowed),
        ConformanceCase(
            name: "resource policy naming the role is limited by its boundary",
            rule:
                "\(denyAllow): a resource policy naming a role ARN is limited by an implicit deny in the permissions boundary",
            resourcePolicy: bucketAllow(PolicyTesting.roleARN), boundary: allowEC2, action: "s3:GetObject",
            resource: object, principal: PolicyTesting.session, expected: .implicitDeny),
        ConformanceCase(
            name: "resource policy naming the session bypasses the boundary",
            rule: "\(denyAllow): permissions granted to a role session ARN are not limited by the boundary",
            resourcePolicy: bucketAllow(PolicyTesting.session), boundary: allowEC2, action: "s3:GetObject",
            resource: object, principal: PolicyTesting.session, expected: .allowed),
        ConformanceCase(
            name: "resource policy naming the role within its boundary",
            rule: "\(denyAllow): a role ARN grant passes when the boundary allows",
            resourcePolicy: bucketAllow(PolicyTesting.roleARN), boundary: allowS3, action: "s3:GetObject",
            resource: object, principal: PolicyTesting.session, expected: .allowed),
        ConformanceCase(
            name: "boundary on a cross-account request", rule: "\(crossAccount): the requester's boundary applies",
            identity: [allowAll], resourcePolicy: bucketAllow(PolicyTesting.alice), boundary: allowEC2,
            action: "s3:GetObject", resource: object, resourceAccount: PolicyTesting.otherAccount,
            expected: .implicitDeny),
    ]

    static let sessionCases: [ConformanceCase] = [
        ConformanceCase(
            name: "identity and session policy allow",
            rule: "\(sessions): the session's permissions are the intersection", identity: [allowS3],
            session: [allowAll], action: "s3:GetObject", principal: PolicyTesting.session, expected: .allowed),
        ConformanceCase(
            name: "session policy does not allow",
            rule: "\(sessions): session policies limit the identity-based permissions", identity: [allowAll],
            session: [allowS3], action: "ec2:RunInstances", principal: PolicyTesting.session, expected: .implicitDeny),
        ConformanceCase(
            name: "session policy grants nothing alone",
            rule: "\(sessions): session policies cannot grant more than the identity-based policy", session: [allowAll],
            action: "s3:GetObject", principal: PolicyTesting.session, expected: .implicitDeny),
        ConformanceCase(
            name: "any session policy may allow",
            rule: "\(sessions): inline and managed session policies together form the session policy",
            identity: [allowAll], session: [allowEC2, allowS3], action: "s3:GetObject",
            principal: PolicyTesting.session, expected: .allowed),
        ConformanceCase(
            name: "session policy deny", rule: "\(sessions): an explicit deny in a session policy denies",
            identity: [allowAll], session: [P.policy(P.allow(), P.deny("\"s3:*\""))], action: "s3:GetObject",
            principal: PolicyTesting.session, expected: .explicitDeny),
        ConformanceCase(
            name: "resource policy naming the role is limited by the session policy",
            rule: "\(sessions): a resource policy naming the role ARN is limited by the session policy",
            resourcePolicy: bucketAllow(PolicyTesting.roleARN), session: [allowEC2], action: "s3:GetObject",
            resource: object, principal: PolicyTesting.session, expected: .implicitDeny),
        ConformanceCase(
            name: "resource policy naming the session ignores the session policy",
            rule: "\(sessions): a resource policy naming the session ARN is not limited by the session policy",
            resourcePolicy: bucketAllow(PolicyTesting.session), session: [allowEC2], action: "s3:GetObject",
            resource: object, principal: PolicyTesting.session, expected: .allowed),
    ]

    static let organizationCases: [ConformanceCase] = [
        ConformanceCase(
            name: "SCP full access", rule: "AWS Organizations User Guide, SCP evaluation: every level must allow",
            identity: [allowS3], scpLevels: [[allowAll]], action: "s3:GetObject", expected: .allowed),
        ConformanceCase(
            name: "SCP without the action", rule: "\(denyAllow): no applicable Allow in an SCP means a final deny",
            identity: [allowAll], scpLevels: [[allowS3]], action: "ec2:RunInstances", expected: .implicitDeny),
        ConformanceCase(
            name: "SCP explicit deny", rule: "\(denyAllow): an SCP deny is an explicit deny", identity: [allowAll],
            scpLevels: [[P.policy(P.allow(), P.deny("\"ec2:*\""))]], action: "ec2:RunInstances", expected: .explicitDeny
        ),
        ConformanceCase(
            name: "every SCP level must allow",
            rule: "AWS Organizations User Guide, SCP evaluation: root, OUs and account each must allow",
            identity: [allowAll], scpLevels: [[allowAll], [allowS3]], action: "ec2:RunInstances",
            expected: .implicitDeny),
        ConformanceCase(
            name: "one policy of a level suffices",
            rule: "AWS Organizations User Guide, SCP evaluation: an Allow in any SCP attached at a level",
            identity: [allowAll], scpLevels: [[allowAll], [allowEC2, allowS3]], action: "s3:GetObject",
            expected: .allowed),
        ConformanceCase(
            name: "SCP grants nothing", rule: "AWS Organizations User Guide, SCPs: SCPs do not grant permissions",
            scpLevels: [[allowAll]], action: "s3:GetObject", expected: .implicitDeny),
        ConformanceCase(
            name: "SCPs do not restrict service principals",
            rule: "AWS Organizations User Guide, SCPs: they affect only principals in member accounts",
            resourcePolicy: P.policy(
                "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logging.s3.amazonaws.com\"},\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}"
            ), scpLevels: [[allowEC2]], action: "s3:PutObject", resource: object, principal: "logging.s3.amazonaws.com",
            expected: .allowed),
        ConformanceCase(
            name: "SCP region guard", rule: "AWS Organizations User Guide, Example SCPs: deny outside approved regions",
            identity: [allowAll],
            scpLevels: [
                [
                    P.policy(
                        P.allow(), P.deny(condition: "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\"]}}"))
                ]
            ], action: "ec2:RunInstances", context: ["aws:RequestedRegion": ["us-east-1"]], expected: .explicitDeny),
        ConformanceCase(
            name: "RCP allows", rule: "\(denyAllow): RCPs must allow requests for resources in the account",
            identity: [allowS3], rcpLevels: [[allowAll]], action: "s3:GetObject", resource: object, expected: .allowed),
        // Item 8 changed this case: it expected an implicit deny, but every level also holds RCPFullAWSAccess.
        ConformanceCase(
            name: "RCP without the action",
            rule: "\(denyAllow): RCPFullAWSAccess cannot be detached, so there will always be an Allow statement",
            identity: [allowAll], rcpLevels: [[allowEC2]], action: "s3:GetObject", resource: object,
            expected: .allowed),
        ConformanceCase(
            name: "RCP explicit deny", rule: "\(denyAllow): an RCP deny is an explicit deny", identity: [allowAll],
            rcpLevels: [
                [
                    P.policy(
                        "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}",
                        "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:SecureTransport\":\"false\"}}}"
                    )
                ]
            ], action: "s3:GetObject", resource: object, context: ["aws:SecureTransport": ["false"]],
            expected: .explicitDeny),
    ]

    static let resourcePolicyCases: [ConformanceCase] = [
        ConformanceCase(
            name: "same account: identity allow suffices",
            rule: "\(logic): within one account either an identity-based or a resource-based policy may allow",
            identity: [allowS3], resourcePolicy: bucketAllow("arn:aws:iam::111122223333:user/carol"),
            action: "s3:GetObject", resource: object, expected: .allowed),
        ConformanceCase(
            name: "same account: resource allow suffices",
            rule: "\(logic): within one account a resource-based policy naming the user allows on its own",
            resourcePolicy: bucketAllow(PolicyTesting.alice), action: "s3:GetObject", resource: object,
            expected: .allowed),
        ConformanceCase(
            name: "cross account: identity allow only", rule: "\(crossAccount): the resource's account must also allow",
            identity: [allowS3], action: "s3:GetObject", resource: object, resourceAccount: PolicyTesting.otherAccount,
            expected: .implicitDeny),
        ConformanceCase(
            name: "cross account: resource allow only",
            rule: "\(crossAccount): the requester's identity-based policy must also allow",
            resourcePolicy: bucketAllow(PolicyTesting.alice), action: "s3:GetObject", resource: object,
            resourceAccount: PolicyTesting.otherAccount, expected: .implicitDeny),
        ConformanceCase(
            name: "cross account: both allow", rule: "\(crossAccount): both sides allow", identity: [allowS3],
            resourcePolicy: bucketAllow(PolicyTesting.alice), action: "s3:GetObject", resource: object,
            resourceAccount: PolicyTesting.otherAccount, expected: .allowed),
        ConformanceCase(
            name: "cross account: account principal",
            rule: "\(crossAccount): a resource policy may name the requester's account", identity: [allowS3],
            resourcePolicy: bucketAllow("arn:aws:iam::111122223333:root"), action: "s3:GetObject", resource: object,
            resourceAccount: PolicyTesting.otherAccount, expected: .allowed),
        ConformanceCase(
            name: "cross account: resource deny", rule: "\(crossAccount): an explicit deny on either side denies",
            identity: [allowS3],
            resourcePolicy: P.policy(
                "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}",
                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"),
            action: "s3:GetObject", resource: object, resourceAccount: PolicyTesting.otherAccount,
            expected: .explicitDeny),
        ConformanceCase(
            name: "cross account: caller from the other account",
            rule: "\(crossAccount): requester in account B, resource in account A", identity: [allowS3],
            resourcePolicy: bucketAllow(PolicyTesting.bob), action: "s3:GetObject", resource: object,
            principal: PolicyTesting.bob, resourceAccount: PolicyTesting.account, expected: .allowed),
    ]

    static let trustAndKeyCases: [ConformanceCase] = [
        ConformanceCase(
            name: "trust policy must allow",
            rule: "\(denyAllow): IAM role trust policies must explicitly allow the principal",
            identity: [P.policy(P.allow("\"sts:AssumeRole\""))],
            resourcePolicy: trust("arn:aws:iam::111122223333:user/carol"), resourceKind: .trust,
            action: "sts:AssumeRole", resource: roleToAssume, expected: .implicitDeny),
        ConformanceCase(
            name: "trust naming the user needs no identity policy",
            rule: "\(denyAllow): a same-account trust policy naming the user allows on its own",
            resourcePolicy: trust(PolicyTesting.alice), resourceKind: .trust, action: "sts:AssumeRole",
            resource: roleToAssume, expected: .allowed),
        ConformanceCase(
            name: "trust naming the account needs an identity allow",
            rule:
                "IAM User Guide, Roles terms and concepts: a trust policy naming the account delegates to its administrators",
            resourcePolicy: trust("arn:aws:iam::111122223333:root"), resourceKind: .trust, action: "sts:AssumeRole",
            resource: roleToAssume, expected: .implicitDeny),
        ConformanceCase(
            name: "trust naming the account with identity allow",
            rule: "IAM User Guide, Granting a user permissions to switch roles",
            identity: [P.policy(P.allow("\"sts:AssumeRole\"", "\"\(roleToAssume)\""))],
            resourcePolicy: trust("arn:aws:iam::111122223333:root"), resourceKind: .trust, action: "sts:AssumeRole",
            resource: roleToAssume, expected: .allowed),
        ConformanceCase(
            name: "trust across accounts",
            rule: "\(crossAccount): the trust policy and the caller's identity policy both allow",
            identity: [P.policy(P.allow("\"sts:AssumeRole\""))], resourcePolicy: trust(PolicyTesting.bob),
            resourceKind: .trust, action: "sts:AssumeRole", resource: roleToAssume, principal: PolicyTesting.bob,
            resourceAccount: PolicyTesting.account, expected: .allowed),
        ConformanceCase(
            name: "trust across accounts without identity allow",
            rule: "\(crossAccount): the caller's account must allow sts:AssumeRole",
            resourcePolicy: trust(PolicyTesting.bob), resourceKind: .trust, action: "sts:AssumeRole",
            resource: roleToAssume, principal: PolicyTesting.bob, resourceAccount: PolicyTesting.account,
            expected: .implicitDeny),
        ConformanceCase(
            name: "key policy must allow",
            rule: "\(denyAllow): KMS key policies must explicitly allow; identity policies alone never suffice",
            identity: [P.policy(P.allow("\"kms:Decrypt\""))],
            resourcePolicy: keyPolicy("arn:aws:iam::111122223333:user/carol"), resourceKind: .keyPolicy,
            action: "kms:Decrypt", resource: key, expected: .implicitDeny),
        ConformanceCase(
            name: "key policy enabling IAM policies",
            rule: "AWS KMS Developer Guide, Default key policy: the account principal lets IAM policies grant access",
            identity: [P.policy(P.allow("\"kms:Decrypt\""))],
            resourcePolicy: keyPolicy("arn:aws:iam::111122223333:root"), resourceKind: .keyPolicy,
            action: "kms:Decrypt", resource: key, expected: .allowed),
        ConformanceCase(
            name: "key policy naming the user",
            rule: "AWS KMS Developer Guide, Key policies: a key policy can allow a principal directly",
            resourcePolicy: keyPolicy(PolicyTesting.alice), resourceKind: .keyPolicy, action: "kms:Decrypt",
            resource: key, expected: .allowed),
    ]

    static let all = basics + boundaryCases + sessionCases + organizationCases + resourcePolicyCases + trustAndKeyCases
}
