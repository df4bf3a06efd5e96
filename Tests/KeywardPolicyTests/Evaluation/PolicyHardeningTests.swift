import KeywardPolicy
import Testing

/// Regression tests for decisions that used to be wrong in the dangerous direction (allowed, or exempt,
/// where AWS denies). Each test names the rule it rests on and quotes the documentation sentence.
@Suite struct PolicyHardeningTests {
    static let allowAll = P.policy(P.allow())
    static let allowS3 = P.policy(P.allow("\"s3:*\""))
    static let object = "arn:aws:s3:::shared/report.csv"

    static func decide(_ testCase: ConformanceCase) throws -> Decision {
        try testCase.decide()
    }

    static func request(
        identity: [String] = [], resourcePolicy: String? = nil, resourceKind: PolicyKind = .resource,
        boundary: String? = nil, session: [String] = [], scpLevels: [[String]] = [], rcpLevels: [[String]] = [],
        action: String, resource: String = "*", principal: String? = PolicyTesting.alice,
        resourceAccount: String? = nil
    ) -> ConformanceCase {
        ConformanceCase(
            name: action, rule: "", identity: identity, resourcePolicy: resourcePolicy, resourceKind: resourceKind,
            boundary: boundary, session: session, scpLevels: scpLevels, rcpLevels: rcpLevels, action: action,
            resource: resource, principal: principal, resourceAccount: resourceAccount, expected: .implicitDeny)
    }

    // MARK: 1. A boundary applies without --principal

    /// IAM User Guide, "Permissions boundaries for IAM entities": "An entity's permissions boundary allows
    /// it to perform only the actions that are allowed by both its identity-based policies and its
    /// permissions boundaries." A boundary is only ever given for the user or role it is attached to.
    @Test func boundaryAppliesWithoutAPrincipal() throws {
        let outside = Self.request(
            identity: [Self.allowAll], boundary: Self.allowS3, action: "iam:CreateUser", principal: nil)
        #expect(try Self.decide(outside) == Decision(.implicitDeny, .boundaryDidNotAllow))
        let inside = Self.request(
            identity: [Self.allowAll], boundary: Self.allowS3, action: "s3:GetObject", principal: nil)
        #expect(try Self.decide(inside) == Decision(.allowed, .identityAllowed))
    }

    // MARK: 2. The resource's account comes from its ARN

    /// IAM User Guide, "Cross-account policy evaluation logic": "For cross-account requests, the requester
    /// in the trusted AccountA must have an identity-based policy. [...] Additionally, the resource-based
    /// policy in AccountB must allow the requester in AccountA to access the resource." The account where
    /// the resource exists is the one its ARN names.
    @Test func resourceAccountComesFromTheARN() throws {
        let queue = "arn:aws:sqs:us-east-1:999999999999:q"
        let caller = "arn:aws:iam::123456789012:user/jo"
        let request = EvaluationRequest(action: "sqs:SendMessage", resource: queue, principal: caller)
        #expect(request.resourceAccount == "999999999999")
        #expect(request.values(forKey: "aws:ResourceAccount") == ["999999999999"])
        let identityOnly = Self.request(
            identity: [Self.allowAll], action: "sqs:SendMessage", resource: queue, principal: caller)
        #expect(try Self.decide(identityOnly) == Decision(.implicitDeny, .crossAccountResourcePolicyDidNotAllow))
        // An explicit account still wins, and ARNs without a 12-digit account keep the caller's.
        var given = identityOnly
        given.resourceAccount = "123456789012"
        #expect(try Self.decide(given) == Decision(.allowed, .identityAllowed))
        let bucket = EvaluationRequest(action: "s3:GetObject", resource: Self.object, principal: caller)
        #expect(bucket.resourceAccount == "123456789012")
        let managed = EvaluationRequest(
            action: "iam:GetPolicy", resource: "arn:aws:iam::aws:policy/ReadOnlyAccess", principal: caller)
        #expect(managed.resourceAccount == "123456789012")
    }

    /// The same rule in `policy can`'s request builder (see ``resourceAccountComesFromTheARN()``).
    @Test func resourceAccountComesFromTheARNForPolicyCan() throws {
        let details = PrincipalAuthorizationDetails(
            principal: .user(arn: "arn:aws:iam::123456789012:user/jo"),
            inlinePolicies: [NamedPolicyDocument(name: "all", json: Self.allowAll)])
        let request = details.request(action: "sqs:SendMessage", resource: "arn:aws:sqs:us-east-1:999999999999:q")
        #expect(request.resourceAccount == "999999999999")
        #expect(
            try details.policySet().decide(request) == Decision(.implicitDeny, .crossAccountResourcePolicyDidNotAllow))
    }

    // MARK: 3. NotPrincipal with Deny exempts a session only when the session is listed

    static func notPrincipalDeny(_ listed: [String]) -> String {
        let list = listed.map { "\"\($0)\"" }.joined(separator: ",")
        return P.policy(
            "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\(list)]},\"Action\":\"s3:*\",\"Resource\":\"*\"}",
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")
    }

    /// IAM User Guide, "AWS JSON policy elements: NotPrincipal": "If an assumed-role user (someone who is
    /// using a role) is being evaluated, AWS might validate the account first, then the role, and then the
    /// assumed-role user."; its example lists the session, the role and the account; and "When you specify
    /// an assumed-role session in a NotPrincipal element, you cannot use a wildcard (*) to mean "all
    /// sessions". Principals must always name a specific session."
    @Test func notPrincipalDenyExemptsOnlyTheNamedSession() throws {
        let account = "arn:aws:iam::111122223333:root"
        func decide(_ listed: [String], principal: String = PolicyTesting.session) throws -> DecisionKind {
            try Self.decide(
                Self.request(
                    resourcePolicy: Self.notPrincipalDeny(listed), action: "s3:GetObject", resource: Self.object,
                    principal: principal)
            ).kind
        }
        // The role and its account listed: its sessions are still denied (they were exempt before).
        #expect(try decide([PolicyTesting.roleARN, account]) == .explicitDeny)
        // A caller known only as the role is some session, which the role's ARN does not name.
        #expect(try decide([PolicyTesting.roleARN, account], principal: PolicyTesting.roleARN) == .explicitDeny)
        // The documented example: session, role and account.
        #expect(try decide([PolicyTesting.session, PolicyTesting.roleARN, account]) == .allowed)
        // Without the role, AWS "might" deny the role: the simulator does.
        #expect(try decide([PolicyTesting.session, account]) == .explicitDeny)
        // Another session of the same role is not exempt.
        #expect(
            try decide(
                [PolicyTesting.session, PolicyTesting.roleARN, account],
                principal: "arn:aws:sts::111122223333:assumed-role/Admin/mallory") == .explicitDeny)
    }

    // MARK: 4. A resource policy without Principal

    /// IAM User Guide, "AWS JSON policy elements: Principal": "You must use the Principal element in
    /// resource-based policies." AWS refuses such a policy, so it is an error, not "everyone".
    @Test func resourcePolicyWithoutPrincipalIsRefused() throws {
        let noPrincipal = P.policy(P.allow("\"s3:GetObject\""))
        for kind in [PolicyKind.resource, .trust, .keyPolicy] {
            #expect(
                throws: PolicyError.invalidPolicy(
                    source: "r.json", path: "Statement[0]",
                    reason: "no Principal or NotPrincipal in a \(kind.rawValue) policy")
            ) {
                try CompiledPolicy(noPrincipal, source: "r.json", kind: kind)
            }
        }
    }

    /// The same rule for documents built in code (never parsed): a statement without `Principal` matches
    /// nobody, neither as an Allow nor as a Deny.
    @Test func resourcePolicyWithoutPrincipalMatchesNobody() throws {
        let document = PolicyDocument(
            source: "built", kind: .resource,
            statements: [
                PolicyStatement(
                    path: "Statement[0]", index: 0, effect: .allow, actions: MatchList(["s3:*"]),
                    resources: MatchList(["*"]))
            ])
        let set = PolicySet(resource: CompiledPolicy(document))
        let request = EvaluationRequest(action: "s3:GetObject", resource: Self.object, principal: PolicyTesting.alice)
        #expect(set.decide(request) == Decision(.implicitDeny, .noAllow))
        let explanation = set.explain(request)
        #expect(explanation.policies[0].statements[0].outcome == .principalNotMatched)
    }

    // MARK: 5. No policies is an answer

    /// IAM User Guide, "How AWS enforcement code logic evaluates requests": "By default, all requests are
    /// implicitly denied"; AWS STS API Reference, GetCallerIdentity: "No permissions are required to
    /// perform this operation."
    @Test func noPoliciesIsAnImplicitDeny() {
        let set = PolicySet()
        #expect(set.decide(EvaluationRequest(action: "s3:GetObject")) == Decision(.implicitDeny, .noAllow))
        #expect(
            set.decide(EvaluationRequest(action: "sts:GetCallerIdentity")) == Decision(.allowed, .alwaysAllowed))
    }

    // MARK: 6. Resources AWS owns

    /// See ``AWSOwnedResource`` for the sentences: AWS managed policies ("You cannot change the permissions
    /// defined in AWS managed policies"), service-linked roles ("An IAM administrator can view, but not
    /// edit the permissions for service-linked roles") and `alias/aws/` ("The alias/aws/ prefix is
    /// reserved for AWS managed key").
    @Test(arguments: [
        ("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/AdministratorAccess", AWSOwnedResource.managedPolicy),
        ("iam:DeletePolicy", "arn:aws:iam::aws:policy/ReadOnlyAccess", .managedPolicy),
        ("iam:SetDefaultPolicyVersion", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", .managedPolicy),
        ("iam:DeletePolicyVersion", "arn:aws:iam::aws:policy/ReadOnlyAccess", .managedPolicy),
        ("iam:TagPolicy", "arn:aws-cn:iam::aws:policy/ReadOnlyAccess", .managedPolicy),
        (
            "iam:DeleteRole",
            "arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
            .serviceLinkedRole
        ),
        (
            "iam:AttachRolePolicy",
            "arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport",
            .serviceLinkedRole
        ),
        (
            "iam:UpdateAssumeRolePolicy",
            "arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport",
            .serviceLinkedRole
        ),
        ("kms:CreateAlias", "arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs", .managedKeyAlias),
        ("kms:DeleteAlias", "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3", .managedKeyAlias),
    ])
    func awsOwnedResourcesAreImplicitlyDenied(_ action: String, _ resource: String, _ owned: AWSOwnedResource) throws {
        let admin = Self.request(identity: [Self.allowAll], action: action, resource: resource)
        #expect(try Self.decide(admin) == Decision(.implicitDeny, .awsOwnedResource(owned)))
        var root = admin
        root.principal = "arn:aws:iam::111122223333:root"
        #expect(try Self.decide(root) == Decision(.implicitDeny, .awsOwnedResource(owned)))
        // An explicit deny is still reported as one.
        var denied = admin
        denied.identity.append(P.policy(P.deny()))
        #expect(try Self.decide(denied).kind == .explicitDeny)
    }

    /// Reading them, describing a service-linked role, and customer managed policies stay allowed.
    @Test func awsOwnedResourcesCanStillBeReadAndDescribed() throws {
        for (action, resource) in [
            ("iam:GetPolicy", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
            ("iam:DeletePolicy", "arn:aws:iam::111122223333:policy/mine"),
            ("iam:UpdateRoleDescription", "arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/R"),
            ("kms:CreateAlias", "arn:aws:kms:eu-west-1:111122223333:alias/mine"),
        ] {
            let request = Self.request(identity: [Self.allowAll], action: action, resource: resource)
            #expect(try Self.decide(request) == Decision(.allowed, .identityAllowed), "\(action) \(resource)")
        }
    }

    /// The explanation names the reason.
    @Test func awsOwnedResourceExplanationSaysWhy() throws {
        let set = PolicySet(identity: [try PolicyTesting.compile(Self.allowAll)])
        let text = ExplanationRenderer.render(
            set.explain(
                EvaluationRequest(
                    action: "iam:CreatePolicyVersion", resource: "arn:aws:iam::aws:policy/ReadOnlyAccess",
                    principal: PolicyTesting.alice)), policies: set)
        #expect(text.hasPrefix("implicitDeny: AWS managed policies cannot be changed by anyone\n"))
    }

    // MARK: 7. A KMS key needs its key policy

    /// AWS KMS Developer Guide, "Key policies in AWS KMS": "Unless the key policy explicitly allows it, you
    /// cannot use IAM policies to allow access to a KMS key. Without permission from the key policy, IAM
    /// policies that allow permissions have no effect."
    @Test func kmsKeyNeedsItsKeyPolicy() throws {
        let key = "arn:aws:kms:eu-west-1:111122223333:key/1234"
        let identity = [P.policy(P.allow("\"kms:Decrypt\""))]
        let alone = Self.request(identity: identity, action: "kms:Decrypt", resource: key)
        #expect(try Self.decide(alone) == Decision(.implicitDeny, .keyPolicyRequired))
        var root = Self.request(action: "kms:Decrypt", resource: key)
        root.principal = "arn:aws:iam::111122223333:root"
        #expect(try Self.decide(root) == Decision(.implicitDeny, .keyPolicyRequired))
        // A resource policy given for a key is its key policy, whatever its actions look like.
        let delegating = P.policy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"*\",\"Resource\":\"*\"}"
        )
        var delegated = alone
        delegated.resourcePolicy = delegating
        #expect(try Self.decide(delegated) == Decision(.allowed, .identityAllowed))
        var delegatedWithoutIdentity = delegated
        delegatedWithoutIdentity.identity = []
        #expect(try Self.decide(delegatedWithoutIdentity) == Decision(.implicitDeny, .noAllow))
        let otherPrincipal = P.policy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/carol\"},\"Action\":\"*\",\"Resource\":\"*\"}"
        )
        var notDelegated = alone
        notDelegated.resourcePolicy = otherPrincipal
        #expect(try Self.decide(notDelegated) == Decision(.implicitDeny, .resourcePolicyRequired))
    }

    // MARK: 8. RCPFullAWSAccess is always attached

    /// AWS Organizations User Guide, "RCP syntax": RCPFullAWSAccess "is automatically attached to the
    /// organization root, every OU, and every account in your organization, when you enable resource
    /// control policies (RCPs). You cannot detach this policy."
    @Test func rcpLevelsAlwaysHoldRCPFullAWSAccess() throws {
        let denyDeletes = P.policy(
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}")
        let read = Self.request(
            identity: [Self.allowAll], rcpLevels: [[denyDeletes], [denyDeletes]], action: "s3:GetObject",
            resource: Self.object)
        #expect(try Self.decide(read) == Decision(.allowed, .identityAllowed))
        var delete = read
        delete.action = "s3:DeleteObject"
        #expect(try Self.decide(delete) == Decision(.explicitDeny, .explicitDenyStatement))
    }

    // MARK: 9. An SCP with no statement

    /// IAM User Guide, "Policy evaluation logic": "If the enforcement code does not find any applicable
    /// Allow statements in the SCPs, then the request is implicitly denied." A document with an empty
    /// Statement list is such an SCP, not a parse error.
    @Test func scpWithEmptyStatementAllowsNothing() throws {
        let empty = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
        let scp = Self.request(identity: [Self.allowAll], scpLevels: [[empty]], action: "s3:GetObject")
        #expect(try Self.decide(scp) == Decision(.implicitDeny, .scpLevelDidNotAllow(level: 0)))
        let rcp = Self.request(
            identity: [Self.allowAll], rcpLevels: [[empty]], action: "s3:GetObject", resource: Self.object)
        #expect(try Self.decide(rcp) == Decision(.allowed, .identityAllowed))
        #expect(try PolicyDocument.parseLevel(Array(empty.utf8), source: "scp.json", kind: .scp).count == 1)
        // Other kinds still refuse it.
        #expect(throws: PolicyError.self) { try CompiledPolicy(empty, source: "p.json", kind: .identity) }
    }

    // MARK: 10. Boundaries and session policies with resource policies

    static func bucketAllow(_ principal: String) -> String {
        P.policy(
            "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"\(principal)\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"
        )
    }

    /// IAM User Guide, "Policy evaluation logic": "IAM role – Resource-based policies that grant permissions
    /// to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy." and
    /// "IAM role session – Within the same account, resource-based policies that grant permissions to an
    /// IAM role session ARN grant permissions directly to the assumed role session."
    @Test func boundaryLimitsARoleNamedByAResourcePolicy() throws {
        let ec2 = P.policy(P.allow("\"ec2:*\""))
        let role = Self.request(
            resourcePolicy: Self.bucketAllow(PolicyTesting.roleARN), boundary: ec2, action: "s3:GetObject",
            resource: Self.object, principal: PolicyTesting.roleARN)
        #expect(try Self.decide(role) == Decision(.implicitDeny, .boundaryDidNotAllow))
        var session = role
        session.principal = PolicyTesting.session
        #expect(try Self.decide(session) == Decision(.implicitDeny, .boundaryDidNotAllow))
        var named = session
        named.resourcePolicy = Self.bucketAllow(PolicyTesting.session)
        #expect(try Self.decide(named) == Decision(.allowed, .resourcePolicyAllowed))
    }

    /// IAM User Guide, "Session policies": "A resource-based policy can specify the ARN of the user or role
    /// as a principal. [...] The session policy limits the total permissions granted by the resource-based
    /// policy and the identity-based policy." and "A resource-based policy can specify the ARN of the
    /// session as a principal. [...] The resource-based policy permissions are not limited by the session
    /// policy."
    @Test func sessionPolicyLimitsARoleNamedByAResourcePolicy() throws {
        let ec2 = P.policy(P.allow("\"ec2:*\""))
        let role = Self.request(
            resourcePolicy: Self.bucketAllow(PolicyTesting.roleARN), session: [ec2], action: "s3:GetObject",
            resource: Self.object, principal: PolicyTesting.roleARN)
        #expect(try Self.decide(role) == Decision(.implicitDeny, .sessionPolicyDidNotAllow))
        var session = role
        session.principal = PolicyTesting.session
        #expect(try Self.decide(session) == Decision(.implicitDeny, .sessionPolicyDidNotAllow))
        var named = session
        named.resourcePolicy = Self.bucketAllow(PolicyTesting.session)
        #expect(try Self.decide(named) == Decision(.allowed, .resourcePolicyAllowed))
    }
}
