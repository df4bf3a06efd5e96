import KeywardCatalog
import KeywardPolicy
import Testing

/// The checks of the IAM User Guide's "IAM policy validation check reference" that need the service catalogue
/// (issue 14), each with a policy that triggers it and one that is clean. Anchors name the reference's entry.
@Suite struct CatalogCheckTests {
    struct Found: Equatable, CustomStringConvertible {
        var code: IssueCode
        var path: String
        var description: String { "\(code.rawValue) \(path)" }
    }

    static func findings(
        _ json: String, kind: PolicyKind = .identity, resourceType: ResourcePolicyType? = nil
    ) throws -> [ValidationFinding] {
        let options = ValidationOptions(kind: kind, resourceType: resourceType, catalog: try ServiceCatalog.embedded())
        return PolicyValidator.validate(Array(json.utf8), source: "p.json", options: options)
    }

    /// The findings of the catalogue checks only (those the grammar reader does not make).
    static func found(
        _ json: String, kind: PolicyKind = .identity, resourceType: ResourcePolicyType? = nil
    ) throws -> [Found] {
        let grammar = Set(PolicyValidator.validate(json, source: "p.json", kind: kind).map(\.issueCode))
        return try findings(json, kind: kind, resourceType: resourceType).filter { !grammar.contains($0.issueCode) }
            .map { Found(code: $0.issueCode, path: $0.path) }
    }

    static func allow(_ action: String, _ resource: String = "\"*\"", condition: String? = nil) -> String {
        P.policy(P.allow(action, resource, condition: condition))
    }

    // #access-analyzer-reference-policy-checks-error-invalid-action
    @Test func invalidAction() throws {
        let typo = Self.allow("[\"s3:GetObjekt\",\"s3:ListBucket\"]")
        #expect(try Self.found(typo) == [Found(code: .invalidAction, path: "Statement[0].Action[0]")])
        let finding = try #require(try Self.findings(typo).first)
        #expect(finding.message == "the action \"s3:GetObjekt\" does not exist; did you mean \"s3:GetObject\"?")
        #expect(finding.location == SourceLocation(line: 1, column: 66))
        #expect(
            try Self.found(Self.allow("\"s3:Gett*\"")) == [Found(code: .invalidAction, path: "Statement[0].Action")])
        let good = Self.allow(
            "[\"s3:GetObject\",\"s3:Get*\",\"S3:listbucket\"]", "[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]")
        #expect(try Self.found(good) == [])
    }

    // #access-analyzer-reference-policy-checks-error-invalid-service-in-action
    @Test func invalidServiceInAction() throws {
        #expect(
            try Self.found(Self.allow("\"s4:GetObject\""))
                == [Found(code: .invalidServiceInAction, path: "Statement[0].Action")])
        #expect(try Self.found(Self.allow("\"ec2:DescribeInstances\"")) == [])
    }

    // #access-analyzer-reference-policy-checks-suggestion-wildcard-in-service-name
    @Test func wildcardInServiceName() throws {
        #expect(
            try Self.found(Self.allow("\"s*:GetObject\"", "\"arn:aws:s3:::b/*\""))
                == [Found(code: .wildcardInServiceName, path: "Statement[0].Action")])
        #expect(try Self.found(Self.allow("\"s3:*\"", "\"arn:aws:s3:::b/*\"")) == [])
    }

    // #access-analyzer-reference-policy-checks-error-invalid-service
    @Test func invalidService() throws {
        let unknown = Self.allow(
            "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"", condition: "{\"StringEquals\":{\"s4:prefix\":\"a\"}}")
        #expect(
            try Self.found(unknown)
                == [Found(code: .invalidService, path: "Statement[0].Condition.StringEquals.s4:prefix")])
        let oidc = P.policy(
            P.allow(
                "\"sts:AssumeRoleWithWebIdentity\"", "\"*\"",
                condition: "{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:o/r:*\"}}"))
        #expect(try Self.found(oidc).filter { $0.code == .invalidService } == [])
    }

    // #access-analyzer-reference-policy-checks-error-invalid-service-condition-key
    @Test func invalidServiceConditionKey() throws {
        let bad = Self.allow(
            "\"s3:ListBucket\"", "\"arn:aws:s3:::b\"", condition: "{\"StringEquals\":{\"s3:prefixx\":\"a\"}}")
        #expect(
            try Self.found(bad)
                == [Found(code: .invalidServiceConditionKey, path: "Statement[0].Condition.StringEquals.s3:prefixx")])
        let good = Self.allow(
            "\"s3:ListBucket\"", "\"arn:aws:s3:::b\"", condition: "{\"StringLike\":{\"s3:prefix\":\"home/*\"}}")
        #expect(try Self.found(good) == [])
    }

    // Keyward: CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS (issue 14: ec2:ResourceTag/team on an S3 action).
    @Test func conditionKeyNoActionSupports() throws {
        let bad = Self.allow(
            "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"", condition: "{\"StringEquals\":{\"ec2:ResourceTag/team\":\"a\"}}"
        )
        #expect(
            try Self.found(bad)
                == [
                    Found(
                        code: .conditionKeyNotSupportedByActions,
                        path: "Statement[0].Condition.StringEquals.ec2:ResourceTag/team")
                ])
        let good = Self.allow(
            "\"ec2:StartInstances\"", "\"*\"", condition: "{\"StringEquals\":{\"ec2:ResourceTag/team\":\"a\"}}")
        #expect(try Self.found(good) == [])
        let ifExists = Self.allow(
            "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
            condition: "{\"StringEqualsIfExists\":{\"ec2:ResourceTag/team\":\"a\"}}")
        #expect(try Self.found(ifExists) == [])
    }

    // Keyward: RESOURCE_MISMATCH (parliament's): s3:ListBucket on an object ARN.
    @Test func resourceMismatch() throws {
        let listObjects = Self.allow("\"s3:ListBucket\"", "\"arn:aws:s3:::reports/*\"")
        #expect(try Self.found(listObjects) == [Found(code: .resourceMismatch, path: "Statement[0].Action")])
        #expect(
            try Self.findings(listObjects).first?.message
                == "s3:ListBucket acts on accesspoint (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}), bucket (arn:${Partition}:s3:::${BucketName}), which none of the statement's resources is"
        )
        let mixed = Self.allow(
            "[\"s3:GetObject\",\"s3:ListBucket\"]", "[\"arn:aws:s3:::r\",\"arn:aws:s3:::r/*\",\"arn:aws:s3:::x\"]")
        #expect(try Self.found(mixed) == [])
        let starOnly = Self.allow("\"s3:ListAllMyBuckets\"", "\"arn:aws:s3:::r\"")
        #expect(try Self.found(starOnly) == [Found(code: .resourceMismatch, path: "Statement[0].Action")])
        let wildcard = Self.allow("\"s3:Get*\"", "[\"arn:aws:s3:::r/*\",\"arn:aws:iam::111122223333:role/x\"]")
        #expect(try Self.found(wildcard) == [Found(code: .resourceMismatch, path: "Statement[0].Resource[1]")])
    }

    // #access-analyzer-reference-policy-checks-error-arn-region-not-allowed, -arn-account-not-allowed,
    // -missing-arn-region, -missing-arn-account
    @Test func arnFieldsTheServiceDoesNotHave() throws {
        #expect(
            try Self.found(Self.allow("\"iam:GetRole\"", "\"arn:aws:iam:us-east-1:111122223333:role/x\""))
                == [Found(code: .arnRegionNotAllowed, path: "Statement[0].Resource")])
        #expect(
            try Self.found(Self.allow("\"iam:GetRole\"", "\"arn:aws:iam:::role/x\""))
                == [Found(code: .missingARNAccount, path: "Statement[0].Resource")])
        #expect(
            try Self.found(Self.allow("\"sqs:SendMessage\"", "\"arn:aws:sqs::111122223333:q\""))
                == [Found(code: .missingARNRegion, path: "Statement[0].Resource")])
        #expect(
            try Self.found(
                Self.allow(
                    "\"cloudfront:GetDistribution\"", "\"arn:aws:cloudfront:us-east-1:111122223333:distribution/E1\""))
                == [Found(code: .arnRegionNotAllowed, path: "Statement[0].Resource")])
        #expect(try Self.found(Self.allow("\"iam:GetRole\"", "\"arn:aws:iam::111122223333:role/x\"")) == [])
        #expect(try Self.found(Self.allow("\"sqs:SendMessage\"", "\"arn:aws:sqs:*:111122223333:q\"")) == [])
    }

    // #access-analyzer-reference-policy-checks-error-unsupported-action-in-policy and
    // -unsupported-resource-arn-in-policy, for a bucket policy (--resource-type AWS::S3::Bucket).
    @Test func resourcePolicyForItsResourceType() throws {
        let principal = "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/r\"}"
        let bad = P.policy(
            P.allow(
                "[\"s3:GetObject\",\"ec2:StartInstances\"]",
                "[\"arn:aws:s3:::b/*\",\"arn:aws:sqs:us-east-1:111122223333:q\"]", extra: principal))
        #expect(
            try Self.found(bad, kind: .resource, resourceType: .s3Bucket).filter { $0.code != .resourceMismatch }
                == [
                    Found(code: .unsupportedActionInPolicy, path: "Statement[0].Action[1]"),
                    Found(code: .unsupportedResourceARNInPolicy, path: "Statement[0].Resource[1]"),
                ])
        let good = P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"", extra: principal))
        #expect(try Self.found(good, kind: .resource, resourceType: .s3Bucket) == [])
    }

    // #access-analyzer-reference-policy-checks-security-warning-forallvalues-with-single-valued-key (service key)
    @Test func forAllValuesOnSingleValuedServiceKey() throws {
        let bad = Self.allow(
            "\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/x\"",
            condition: "{\"ForAllValues:StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}")
        #expect(
            try Self.found(bad)
                == [
                    Found(
                        code: .forAllValuesWithSingleValuedKey,
                        path: "Statement[0].Condition.ForAllValues:StringEquals.iam:PassedToService")
                ])
        let good = Self.allow(
            "\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/x\"",
            condition: "{\"StringEquals\":{\"iam:PassedToService\":\"ec2.amazonaws.com\"}}")
        #expect(try Self.found(good) == [])
    }

    // Keyward: SINGLE_VALUED_OPERATOR_ON_MULTIVALUED_KEY and CONDITION_OPERATOR_TYPE_MISMATCH for service keys.
    @Test func operatorsAgainstServiceKeyTypes() throws {
        let multivalued = Self.allow(
            "\"iam:CreateUser\"", "\"*\"", condition: "{\"StringEquals\":{\"aws:TagKeys\":\"team\"}}")
        #expect(try Self.found(multivalued) == [])  // aws: keys are the grammar reader's (already reported).
        let typed = Self.allow(
            "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"", condition: "{\"NumericLessThan\":{\"s3:authType\":\"3\"}}")
        #expect(
            try Self.found(typed)
                == [
                    Found(
                        code: .conditionOperatorTypeMismatch, path: "Statement[0].Condition.NumericLessThan.s3:authType"
                    )
                ])
        let fits = Self.allow(
            "\"s3:GetObject\"", "\"arn:aws:s3:::b/*\"",
            condition: "{\"NumericGreaterThanEquals\":{\"s3:TlsVersion\":\"1.2\"}}")
        #expect(try Self.found(fits) == [])
    }

    @Test func catalogueChecksNeedTheCatalogue() {
        let typo = Self.allow("\"s3:GetObjekt\"")
        #expect(
            PolicyValidator.validate(Array(typo.utf8), source: "p.json", options: ValidationOptions(kind: .identity))
                == [])
    }
}
