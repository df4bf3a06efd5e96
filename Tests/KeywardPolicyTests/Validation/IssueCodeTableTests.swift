import KeywardCatalog
import KeywardPolicy
import Testing

/// Every issue code with a policy that triggers it and one that is clean (issue 14). Each row is traced to its
/// entry in the IAM User Guide's "IAM policy validation check reference" by its anchor
/// (`access-analyzer-reference-policy-checks-<type>-<name>`), or to Keyward's own rule.
@Suite struct IssueCodeTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var code: IssueCode
        var kind: PolicyKind
        var resourceType: ResourcePolicyType?
        var trigger: String
        var clean: String

        init(
            _ code: IssueCode, _ kind: PolicyKind, resourceType: ResourcePolicyType? = nil, trigger: String,
            clean: String
        ) {
            self.code = code
            self.kind = kind
            self.resourceType = resourceType
            self.trigger = trigger
            self.clean = clean
        }

        var testDescription: String { code.rawValue }
    }

    static func codes(_ json: String, _ row: Row) throws -> [IssueCode] {
        let options = ValidationOptions(
            kind: row.kind, resourceType: row.resourceType, catalog: try ServiceCatalog.embedded())
        return PolicyValidator.validate(Array(json.utf8), source: "p.json", options: options).map(\.issueCode)
    }

    @Test func everyIssueCodeHasARow() {
        let covered = Self.rows.map(\.code)
        #expect(Set(covered) == Set(IssueCode.allCases))
        #expect(covered.count == Set(covered).count)
    }

    @Test(arguments: rows) func triggersOnlyWhereItShould(_ row: Row) throws {
        #expect(try Self.codes(row.trigger, row).contains(row.code), "trigger: \(row.trigger)")
        #expect(try !Self.codes(row.clean, row).contains(row.code), "clean: \(row.clean)")
    }

    /// The finding types the reference gives its entries (REDUNDANT_ACTION is a suggestion; MISSING_QUALIFIER
    /// an error), and the learn-more links that lead to them.
    @Test func findingTypesAreTheReferences() {
        #expect(IssueCode.redundantAction.severity == .suggestion)
        #expect(IssueCode.redundantResource.severity == .suggestion)
        #expect(IssueCode.singleValuedOperatorOnMultivaluedKey.rawValue == "MISSING_QUALIFIER")
        #expect(IssueCode.singleValuedOperatorOnMultivaluedKey.severity == .error)
        #expect(IssueCode.conditionOperatorTypeMismatch.rawValue == "TYPE_MISMATCH")
        #expect(IssueCode.passRoleWithStarInActionAndResource.severity == .securityWarning)
        #expect(IssueCode.denyWithUnsupportedTagConditionKeyForService.severity == .securityWarning)
        #expect(IssueCode.allowWithUnsupportedTagConditionKeyForService.severity == .suggestion)
        #expect(IssueCode.policySizeExceedsSCPQuota.severity == .error)
        #expect(
            IssueCode.missingBraceInVariable.learnMoreLink
                == "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-missing-brace-in-variable"
        )
    }

    /// `"Action": "*"` on `"Resource": "*"` is the reference's "Pass role with star in action and resource"
    /// (a wildcard in the action that covers iam:PassRole), not "... star in resource": the decision noted in
    /// issue 14.
    @Test func starOnStarIsPassRoleWithStarInActionAndResource() throws {
        let row = Row(.passRoleWithStarInActionAndResource, .identity, trigger: "", clean: "")
        let codes = try Self.codes(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, row)
        #expect(codes.contains(.passRoleWithStarInActionAndResource))
        #expect(!codes.contains(.passRoleWithStarInResource))
        #expect(codes.contains(.createSLRWithStarInActionAndResource))
    }

    /// "Policy size exceeds identity policy quota" is the customer's quota: an account's AWS managed policies
    /// (arn:aws:iam::aws:policy/...) are larger and are not held to it, while the same text inline is.
    @Test func awsManagedPoliciesAreNotHeldToTheCustomersSizeQuota() throws {
        let row = try #require(Self.rows.first { $0.code == .policySizeExceedsIdentityPolicyQuota })
        let document = row.trigger
        let account = """
            {"UserDetailList":[{"UserName":"u","UserPolicyList":[{"PolicyName":"big","PolicyDocument":\(document)}]}],
             "Policies":[{"PolicyName":"Big","Arn":"arn:aws:iam::aws:policy/Big","PolicyVersionList":[
              {"Document":\(document),"VersionId":"v1","IsDefaultVersion":true}]}]}
            """
        let groups = try AccountPolicies.validate(
            Array(account.utf8), file: "gaad.json", catalog: try ServiceCatalog.embedded())
        let sized = groups.filter { group in
            group.findings.contains { $0.issueCode == .policySizeExceedsIdentityPolicyQuota }
        }
        #expect(sized.map(\.subject) == ["user u, inline policy big"])
    }

    static let rows: [Row] = [
        // #access-analyzer-reference-policy-checks-error-json-syntax-error
        Row(
            .jsonSyntaxError, .identity,
            trigger: #"{"Version":"2012-10-17","Statement":["#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-data-type-mismatch
        Row(
            .dataTypeMismatch, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":"x"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // Keyward: the same key twice in one object
        Row(
            .duplicateKeys, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-duplicate-keys-with-different-case
        Row(
            .duplicateKeysWithDifferentCase, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":"a","aws:UserName":"b"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":"a"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-action
        Row(
            .invalidAction, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-arn-account
        Row(
            .invalidARNAccount, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:12345:q"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-arn-prefix
        Row(
            .invalidARNPrefix, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"bucket"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-arn-region
        Row(
            .invalidARNRegion, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:US_EAST:111122223333:q"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-arn-resource
        Row(
            .invalidARNResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-arn-service-case
        Row(
            .invalidARNServiceCase, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:S3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-condition-data-type
        Row(
            .invalidConditionDataType, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":["a",1]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":["a","1"]}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-condition-key-format
        Row(
            .invalidConditionKeyFormat, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"team":"a"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"a"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-condition-multiple-boolean
        Row(
            .invalidConditionMultipleBoolean, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":["true","false"]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-condition-operator
        Row(
            .invalidConditionOperator, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEqualz":{"aws:username":"a"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":"a"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-effect
        Row(
            .invalidEffect, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-global-condition-key
        Row(
            .invalidGlobalConditionKey, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:Nonsense":"a"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":"a"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-partition
        Row(
            .invalidPartition, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:awz:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-policy-element
        Row(
            .invalidPolicyElement, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Foo":"x"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-principal-format
        Row(
            .invalidPrincipalFormat, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"not-a-principal"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-principal-key
        Row(
            .invalidPrincipalKey, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Users":"x"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-variable-for-operator
        Row(
            .invalidVariableForOperator, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"DateLessThan":{"aws:CurrentTime":"${aws:TokenIssueTime}"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-version
        Row(
            .invalidVersion, .identity,
            trigger:
                #"{"Version":"2020-01-01","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-action
        Row(
            .missingAction, .identity,
            trigger: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-arn-field
        Row(
            .missingARNField, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-effect
        Row(
            .missingEffect, .identity,
            trigger: #"{"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-principal
        Row(
            .missingPrincipal, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-resource
        Row(
            .missingResource, .identity,
            trigger: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-statement
        Row(
            .missingStatement, .identity,
            trigger: #"{"Version":"2012-10-17"}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-null-with-if-exists
        Row(
            .nullWithIfExists, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"NullIfExists":{"aws:username":"true"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Null":{"aws:username":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-scp-syntax-error-action-wildcard
        Row(
            .scpSyntaxErrorActionWildcard, .scp,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:*Instances","Resource":"*"}]}"#,
            clean: #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:Terminate*","Resource":"*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-scp-syntax-error-principal
        Row(
            .scpSyntaxErrorPrincipal, .scp,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*","Principal":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unique-sids-required
        Row(
            .uniqueSidsRequired, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Sid":"A"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Sid":"B"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-element-combination
        Row(
            .unsupportedElementCombination, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","NotAction":"s3:PutObject"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-principal
        Row(
            .unsupportedPrincipal, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Principal":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-sid
        Row(
            .unsupportedSid, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A b"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"Ab"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-wildcard-in-principal
        Row(
            .unsupportedWildcardInPrincipal, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-service-in-action
        Row(
            .invalidServiceInAction, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"nosuchservice:GetThing","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-service
        Row(
            .invalidService, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"nosuchservice:Key":"a"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-service-condition-key
        Row(
            .invalidServiceConditionKey, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"StringEquals":{"s3:NoSuchKey":"a"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"StringLike":{"s3:prefix":"home/*"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-arn-account-not-allowed
        Row(
            .arnAccountNotAllowed, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"health:DescribeEventDetails","Resource":"arn:aws:health:us-east-1:111122223333:event/EC2/X/1"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"health:DescribeEventDetails","Resource":"arn:aws:health:us-east-1::event/EC2/X/1"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-arn-region-not-allowed
        Row(
            .arnRegionNotAllowed, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam:us-east-1:111122223333:role/x"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111122223333:role/x"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-arn-account
        Row(
            .missingARNAccount, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1::q"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-arn-region
        Row(
            .missingARNRegion, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs::111122223333:q"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-action-in-policy
        Row(
            .unsupportedActionInPolicy, .resource, resourceType: .s3Bucket,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"ec2:RunInstances","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-resource-arn-in-policy
        Row(
            .unsupportedResourceARNInPolicy, .resource, resourceType: .s3Bucket,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-brace-in-variable
        Row(
            .missingBraceInVariable, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-quote-in-variable
        Row(
            .missingQuoteInVariable, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username, nobody}"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username, 'nobody'}"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-space-in-variable
        Row(
            .unsupportedSpaceInVariable, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws: username}"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-empty-variable
        Row(
            .emptyVariable, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${}"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-variable-unsupported-in-element
        Row(
            .variableUnsupportedInElement, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/${aws:username}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-variable-unsupported-in-version
        Row(
            .variableUnsupportedInVersion, .identity,
            trigger:
                #"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-private-ip-address
        Row(
            .privateIPAddress, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-private-not-ip-address
        Row(
            .privateNotIPAddress, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.168.0.0/16","10.1.0.0/16"]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-policy-size-exceeds-scp-quota
        Row(
            .policySizeExceedsSCPQuota, .scp,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":["arn:aws:s3:::bucket-number-00000/*","arn:aws:s3:::bucket-number-00001/*","arn:aws:s3:::bucket-number-00002/*","arn:aws:s3:::bucket-number-00003/*","arn:aws:s3:::bucket-number-00004/*","arn:aws:s3:::bucket-number-00005/*","arn:aws:s3:::bucket-number-00006/*","arn:aws:s3:::bucket-number-00007/*","arn:aws:s3:::bucket-number-00008/*","arn:aws:s3:::bucket-number-00009/*","arn:aws:s3:::bucket-number-00010/*","arn:aws:s3:::bucket-number-00011/*","arn:aws:s3:::bucket-number-00012/*","arn:aws:s3:::bucket-number-00013/*","arn:aws:s3:::bucket-number-00014/*","arn:aws:s3:::bucket-number-00015/*","arn:aws:s3:::bucket-number-00016/*","arn:aws:s3:::bucket-number-00017/*","arn:aws:s3:::bucket-number-00018/*","arn:aws:s3:::bucket-number-00019/*","arn:aws:s3:::bucket-number-00020/*","arn:aws:s3:::bucket-number-00021/*","arn:aws:s3:::bucket-number-00022/*","arn:aws:s3:::bucket-number-00023/*","arn:aws:s3:::bucket-number-00024/*","arn:aws:s3:::bucket-number-00025/*","arn:aws:s3:::bucket-number-00026/*","arn:aws:s3:::bucket-number-00027/*","arn:aws:s3:::bucket-number-00028/*","arn:aws:s3:::bucket-number-00029/*","arn:aws:s3:::bucket-number-00030/*","arn:aws:s3:::bucket-number-00031/*","arn:aws:s3:::bucket-number-00032/*","arn:aws:s3:::bucket-number-00033/*","arn:aws:s3:::bucket-number-00034/*","arn:aws:s3:::bucket-number-00035/*","arn:aws:s3:::bucket-number-00036/*","arn:aws:s3:::bucket-number-00037/*","arn:aws:s3:::bucket-number-00038/*","arn:aws:s3:::bucket-number-00039/*","arn:aws:s3:::bucket-number-00040/*","arn:aws:s3:::bucket-number-00041/*","arn:aws:s3:::bucket-number-00042/*","arn:aws:s3:::bucket-number-00043/*","arn:aws:s3:::bucket-number-00044/*","arn:aws:s3:::bucket-number-00045/*","arn:aws:s3:::bucket-number-00046/*","arn:aws:s3:::bucket-number-00047/*","arn:aws:s3:::bucket-number-00048/*","arn:aws:s3:::bucket-number-00049/*","arn:aws:s3:::bucket-number-00050/*","arn:aws:s3:::bucket-number-00051/*","arn:aws:s3:::bucket-number-00052/*","arn:aws:s3:::bucket-number-00053/*","arn:aws:s3:::bucket-number-00054/*","arn:aws:s3:::bucket-number-00055/*","arn:aws:s3:::bucket-number-00056/*","arn:aws:s3:::bucket-number-00057/*","arn:aws:s3:::bucket-number-00058/*","arn:aws:s3:::bucket-number-00059/*","arn:aws:s3:::bucket-number-00060/*","arn:aws:s3:::bucket-number-00061/*","arn:aws:s3:::bucket-number-00062/*","arn:aws:s3:::bucket-number-00063/*","arn:aws:s3:::bucket-number-00064/*","arn:aws:s3:::bucket-number-00065/*","arn:aws:s3:::bucket-number-00066/*","arn:aws:s3:::bucket-number-00067/*","arn:aws:s3:::bucket-number-00068/*","arn:aws:s3:::bucket-number-00069/*","arn:aws:s3:::bucket-number-00070/*","arn:aws:s3:::bucket-number-00071/*","arn:aws:s3:::bucket-number-00072/*","arn:aws:s3:::bucket-number-00073/*","arn:aws:s3:::bucket-number-00074/*","arn:aws:s3:::bucket-number-00075/*","arn:aws:s3:::bucket-number-00076/*","arn:aws:s3:::bucket-number-00077/*","arn:aws:s3:::bucket-number-00078/*","arn:aws:s3:::bucket-number-00079/*","arn:aws:s3:::bucket-number-00080/*","arn:aws:s3:::bucket-number-00081/*","arn:aws:s3:::bucket-number-00082/*","arn:aws:s3:::bucket-number-00083/*","arn:aws:s3:::bucket-number-00084/*","arn:aws:s3:::bucket-number-00085/*","arn:aws:s3:::bucket-number-00086/*","arn:aws:s3:::bucket-number-00087/*","arn:aws:s3:::bucket-number-00088/*","arn:aws:s3:::bucket-number-00089/*","arn:aws:s3:::bucket-number-00090/*","arn:aws:s3:::bucket-number-00091/*","arn:aws:s3:::bucket-number-00092/*","arn:aws:s3:::bucket-number-00093/*","arn:aws:s3:::bucket-number-00094/*","arn:aws:s3:::bucket-number-00095/*","arn:aws:s3:::bucket-number-00096/*","arn:aws:s3:::bucket-number-00097/*","arn:aws:s3:::bucket-number-00098/*","arn:aws:s3:::bucket-number-00099/*","arn:aws:s3:::bucket-number-00100/*","arn:aws:s3:::bucket-number-00101/*","arn:aws:s3:::bucket-number-00102/*","arn:aws:s3:::bucket-number-00103/*","arn:aws:s3:::bucket-number-00104/*","arn:aws:s3:::bucket-number-00105/*","arn:aws:s3:::bucket-number-00106/*","arn:aws:s3:::bucket-number-00107/*","arn:aws:s3:::bucket-number-00108/*","arn:aws:s3:::bucket-number-00109/*","arn:aws:s3:::bucket-number-00110/*","arn:aws:s3:::bucket-number-00111/*","arn:aws:s3:::bucket-number-00112/*","arn:aws:s3:::bucket-number-00113/*","arn:aws:s3:::bucket-number-00114/*","arn:aws:s3:::bucket-number-00115/*","arn:aws:s3:::bucket-number-00116/*","arn:aws:s3:::bucket-number-00117/*","arn:aws:s3:::bucket-number-00118/*","arn:aws:s3:::bucket-number-00119/*","arn:aws:s3:::bucket-number-00120/*","arn:aws:s3:::bucket-number-00121/*","arn:aws:s3:::bucket-number-00122/*","arn:aws:s3:::bucket-number-00123/*","arn:aws:s3:::bucket-number-00124/*","arn:aws:s3:::bucket-number-00125/*","arn:aws:s3:::bucket-number-00126/*","arn:aws:s3:::bucket-number-00127/*","arn:aws:s3:::bucket-number-00128/*","arn:aws:s3:::bucket-number-00129/*","arn:aws:s3:::bucket-number-00130/*","arn:aws:s3:::bucket-number-00131/*","arn:aws:s3:::bucket-number-00132/*","arn:aws:s3:::bucket-number-00133/*","arn:aws:s3:::bucket-number-00134/*","arn:aws:s3:::bucket-number-00135/*","arn:aws:s3:::bucket-number-00136/*","arn:aws:s3:::bucket-number-00137/*","arn:aws:s3:::bucket-number-00138/*","arn:aws:s3:::bucket-number-00139/*","arn:aws:s3:::bucket-number-00140/*","arn:aws:s3:::bucket-number-00141/*","arn:aws:s3:::bucket-number-00142/*","arn:aws:s3:::bucket-number-00143/*","arn:aws:s3:::bucket-number-00144/*","arn:aws:s3:::bucket-number-00145/*","arn:aws:s3:::bucket-number-00146/*","arn:aws:s3:::bucket-number-00147/*","arn:aws:s3:::bucket-number-00148/*","arn:aws:s3:::bucket-number-00149/*"]}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":["arn:aws:s3:::bucket-number-00000/*","arn:aws:s3:::bucket-number-00001/*","arn:aws:s3:::bucket-number-00002/*"]}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-tag-key-in-condition
        Row(
            .missingTagKeyInCondition, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag":"a"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/team":"a"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-vpc-format
        Row(
            .invalidVPCFormat, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpc":"vpc-123"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpc":"vpc-1a2b3c4d"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-vpce-format
        Row(
            .invalidVPCEFormat, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-11223344556677889"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-federated-principal-not-supported
        Row(
            .federatedPrincipalNotSupported, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-unsupported-global-condition-key
        Row(
            .unsupportedGlobalConditionKey, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"ArnEquals":{"aws:ARN":"arn:aws:iam::111122223333:role/app"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-role-trust-policy-syntax-error-notprincipal
        Row(
            .roleTrustPolicySyntaxErrorNotPrincipal, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-role-trust-policy-unsupported-wildcard-in-principal
        Row(
            .roleTrustPolicyUnsupportedWildcardInPrincipal, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-role-trust-policy-syntax-error-resource
        Row(
            .roleTrustPolicySyntaxErrorResource, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}},"Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-invalid-federated-principal-syntax-in-role-trust-policy
        Row(
            .invalidFederatedPrincipalSyntaxInRoleTrustPolicy, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"not a provider"},"Action":"sts:AssumeRoleWithSAML"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/idp"},"Action":"sts:AssumeRoleWithSAML"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-mismatched-action-for-principal
        Row(
            .mismatchedActionForPrincipal, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/idp"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:saml-provider/idp"},"Action":"sts:AssumeRoleWithSAML"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-action-for-roles-anywhere-trust-policy
        Row(
            .missingActionForRolesAnywhereTrustPolicy, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},"Action":["sts:AssumeRole","sts:SetSourceIdentity","sts:TagSession"]}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-rcp-syntax-error-notaction
        Row(
            .rcpSyntaxErrorNotAction, .rcp,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","NotAction":"s3:GetObject","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-allow-with-not-principal
        Row(
            .allowWithNotPrincipal, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-forallvalues-with-single-valued-key
        Row(
            .forAllValuesWithSingleValuedKey, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"ForAllValues:StringEquals":{"aws:PrincipalTag/team":"red"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource
        Row(
            .passRoleWithStarInResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-pass-role-with-not-resource
        Row(
            .passRoleWithNotResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::111122223333:role/app"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-action-and-resource
        Row(
            .passRoleWithStarInActionAndResource, .identity,
            trigger: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Pass*","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-action-and-not-resource
        Row(
            .passRoleWithStarInActionAndNotResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Pass*","NotResource":"arn:aws:iam::111122223333:role/app"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource-and-not-action
        Row(
            .passRoleWithStarInResourceAndNotAction, .identity,
            trigger: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-pass-role-with-not-action-and-not-resource
        Row(
            .passRoleWithNotActionAndNotResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:iam::111122223333:role/app"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}]}"#
        ),
        // Keyward: parliament's and cloudsplaining's escalation methods (Rhino Security Labs)
        Row(
            .privilegeEscalation, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PutUserPolicy","Resource":"*"}]}"#,
            clean: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}"#),
        // Keyward: actions whose responses carry credentials
        Row(
            .credentialsExposure, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:GetPasswordData","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}"#
        ),
        // Keyward: reads of data on every resource
        Row(
            .dataExfiltration, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // Keyward: Allow with NotAction
        Row(
            .allowWithNotAction, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // Keyward: Allow with NotResource
        Row(
            .allowWithNotResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // Keyward: a trust of a whole account without MFA or ExternalId (seeds 001, 004)
        Row(
            .trustWithoutMFAOrExternalID, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-missing-paired-condition-keys
        Row(
            .missingPairedConditionKeys, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"},"StringEquals":{"aws:SourceVpc":"vpc-1a2b3c4d"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-deny-with-unsupported-tag-condition-key-for-service
        Row(
            .denyWithUnsupportedTagConditionKeyForService, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["ec2:TerminateInstances","s3:ListAllMyBuckets"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-deny-notaction-with-unsupported-tag-condition-key-for-service
        Row(
            .denyNotActionWithUnsupportedTagConditionKeyForService, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-restrict-access-to-service-principal
        Row(
            .restrictAccessToServicePrincipal, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:t"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-missing-condition-key-for-oidc-principal
        Row(
            .missingConditionKeyForOIDCPrincipal, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"accounts.google.com:aud":"app-id"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-security-warning-missing-github-repo-condition-key
        Row(
            .missingGithubRepoConditionKey, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:org/app:ref:refs/heads/main"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-missing-version
        Row(
            .missingVersion, .identity,
            trigger: #"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-create-slr-with-star-in-resource
        Row(
            .createSLRWithStarInResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-create-slr-with-not-resource
        Row(
            .createSLRWithNotResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","NotResource":"arn:aws:iam::111122223333:role/app"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-create-slr-with-star-in-action-and-resource
        Row(
            .createSLRWithStarInActionAndResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateService*","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-create-slr-with-star-in-action-and-not-resource
        Row(
            .createSLRWithStarInActionAndNotResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateService*","NotResource":"arn:aws:iam::111122223333:role/app"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-create-slr-with-star-in-resource-and-not-action
        Row(
            .createSLRWithStarResourceAndNotAction, .identity,
            trigger: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-create-slr-with-not-action-and-not-resource
        Row(
            .createSLRWithNotActionAndNotResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","NotResource":"arn:aws:iam::111122223333:role/app"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"arn:aws:iam::111122223333:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-redundant-action
        Row(
            .redundantAction, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:Get*"],"Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-redundant-resource
        Row(
            .redundantResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/*","arn:aws:s3:::b/x"]}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-error-missing-qualifier
        Row(
            .singleValuedOperatorOnMultivaluedKey, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"StringEquals":{"aws:TagKeys":"team"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"team"}}}]}"#
        ),
        // Keyward: seed 002's Bool aws:MultiFactorAuthPresent false trap
        Row(
            .mfaBoolWithoutIfExists, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}"#
        ),
        // Keyward: a variable the reference has no entry for
        Row(
            .unresolvableVariable, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username, 'a'b'}"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}"}]}"#
        ),
        // Keyward: parliament's RESOURCE_MISMATCH
        Row(
            .resourceMismatch, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}]}"#
        ),
        // Keyward: a service key none of the actions has
        Row(
            .conditionKeyNotSupportedByActions, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"ec2:ResourceTag/team":"a"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:StartInstances","Resource":"*","Condition":{"StringEquals":{"ec2:ResourceTag/team":"a"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-type-mismatch
        Row(
            .conditionOperatorTypeMismatch, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"NumericEquals":{"s3:prefix":"1"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b","Condition":{"StringEquals":{"s3:prefix":"1"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-type-mismatch-boolean
        Row(
            .typeMismatchBoolean, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"yes"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-type-mismatch-date
        Row(
            .typeMismatchDate, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"DateLessThan":{"aws:CurrentTime":"soon"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-type-mismatch-ip-range
        Row(
            .typeMismatchIPRange, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"300.1.1.1/8"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-type-mismatch-number
        Row(
            .typeMismatchNumber, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"soon"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-type-mismatch-string
        Row(
            .typeMismatchString, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"BinaryEquals":{"aws:username":"not base64!"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"BinaryEquals":{"aws:username":"QUJD"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-invalid-date-value
        Row(
            .invalidDateValue, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"1700000000"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-unique-sids-recommended
        Row(
            .uniqueSidsRecommended, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A"},{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Sid":"A"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A"},{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Sid":"B"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-wildcard-without-like-operator
        Row(
            .wildcardWithoutLikeOperator, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalTag/job":"admin-*"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringLike":{"aws:PrincipalTag/job":"admin-*"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-policy-size-exceeds-identity-policy-quota
        Row(
            .policySizeExceedsIdentityPolicyQuota, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::bucket-number-00000/*","arn:aws:s3:::bucket-number-00001/*","arn:aws:s3:::bucket-number-00002/*","arn:aws:s3:::bucket-number-00003/*","arn:aws:s3:::bucket-number-00004/*","arn:aws:s3:::bucket-number-00005/*","arn:aws:s3:::bucket-number-00006/*","arn:aws:s3:::bucket-number-00007/*","arn:aws:s3:::bucket-number-00008/*","arn:aws:s3:::bucket-number-00009/*","arn:aws:s3:::bucket-number-00010/*","arn:aws:s3:::bucket-number-00011/*","arn:aws:s3:::bucket-number-00012/*","arn:aws:s3:::bucket-number-00013/*","arn:aws:s3:::bucket-number-00014/*","arn:aws:s3:::bucket-number-00015/*","arn:aws:s3:::bucket-number-00016/*","arn:aws:s3:::bucket-number-00017/*","arn:aws:s3:::bucket-number-00018/*","arn:aws:s3:::bucket-number-00019/*","arn:aws:s3:::bucket-number-00020/*","arn:aws:s3:::bucket-number-00021/*","arn:aws:s3:::bucket-number-00022/*","arn:aws:s3:::bucket-number-00023/*","arn:aws:s3:::bucket-number-00024/*","arn:aws:s3:::bucket-number-00025/*","arn:aws:s3:::bucket-number-00026/*","arn:aws:s3:::bucket-number-00027/*","arn:aws:s3:::bucket-number-00028/*","arn:aws:s3:::bucket-number-00029/*","arn:aws:s3:::bucket-number-00030/*","arn:aws:s3:::bucket-number-00031/*","arn:aws:s3:::bucket-number-00032/*","arn:aws:s3:::bucket-number-00033/*","arn:aws:s3:::bucket-number-00034/*","arn:aws:s3:::bucket-number-00035/*","arn:aws:s3:::bucket-number-00036/*","arn:aws:s3:::bucket-number-00037/*","arn:aws:s3:::bucket-number-00038/*","arn:aws:s3:::bucket-number-00039/*","arn:aws:s3:::bucket-number-00040/*","arn:aws:s3:::bucket-number-00041/*","arn:aws:s3:::bucket-number-00042/*","arn:aws:s3:::bucket-number-00043/*","arn:aws:s3:::bucket-number-00044/*","arn:aws:s3:::bucket-number-00045/*","arn:aws:s3:::bucket-number-00046/*","arn:aws:s3:::bucket-number-00047/*","arn:aws:s3:::bucket-number-00048/*","arn:aws:s3:::bucket-number-00049/*","arn:aws:s3:::bucket-number-00050/*","arn:aws:s3:::bucket-number-00051/*","arn:aws:s3:::bucket-number-00052/*","arn:aws:s3:::bucket-number-00053/*","arn:aws:s3:::bucket-number-00054/*","arn:aws:s3:::bucket-number-00055/*","arn:aws:s3:::bucket-number-00056/*","arn:aws:s3:::bucket-number-00057/*","arn:aws:s3:::bucket-number-00058/*","arn:aws:s3:::bucket-number-00059/*","arn:aws:s3:::bucket-number-00060/*","arn:aws:s3:::bucket-number-00061/*","arn:aws:s3:::bucket-number-00062/*","arn:aws:s3:::bucket-number-00063/*","arn:aws:s3:::bucket-number-00064/*","arn:aws:s3:::bucket-number-00065/*","arn:aws:s3:::bucket-number-00066/*","arn:aws:s3:::bucket-number-00067/*","arn:aws:s3:::bucket-number-00068/*","arn:aws:s3:::bucket-number-00069/*","arn:aws:s3:::bucket-number-00070/*","arn:aws:s3:::bucket-number-00071/*","arn:aws:s3:::bucket-number-00072/*","arn:aws:s3:::bucket-number-00073/*","arn:aws:s3:::bucket-number-00074/*","arn:aws:s3:::bucket-number-00075/*","arn:aws:s3:::bucket-number-00076/*","arn:aws:s3:::bucket-number-00077/*","arn:aws:s3:::bucket-number-00078/*","arn:aws:s3:::bucket-number-00079/*","arn:aws:s3:::bucket-number-00080/*","arn:aws:s3:::bucket-number-00081/*","arn:aws:s3:::bucket-number-00082/*","arn:aws:s3:::bucket-number-00083/*","arn:aws:s3:::bucket-number-00084/*","arn:aws:s3:::bucket-number-00085/*","arn:aws:s3:::bucket-number-00086/*","arn:aws:s3:::bucket-number-00087/*","arn:aws:s3:::bucket-number-00088/*","arn:aws:s3:::bucket-number-00089/*","arn:aws:s3:::bucket-number-00090/*","arn:aws:s3:::bucket-number-00091/*","arn:aws:s3:::bucket-number-00092/*","arn:aws:s3:::bucket-number-00093/*","arn:aws:s3:::bucket-number-00094/*","arn:aws:s3:::bucket-number-00095/*","arn:aws:s3:::bucket-number-00096/*","arn:aws:s3:::bucket-number-00097/*","arn:aws:s3:::bucket-number-00098/*","arn:aws:s3:::bucket-number-00099/*","arn:aws:s3:::bucket-number-00100/*","arn:aws:s3:::bucket-number-00101/*","arn:aws:s3:::bucket-number-00102/*","arn:aws:s3:::bucket-number-00103/*","arn:aws:s3:::bucket-number-00104/*","arn:aws:s3:::bucket-number-00105/*","arn:aws:s3:::bucket-number-00106/*","arn:aws:s3:::bucket-number-00107/*","arn:aws:s3:::bucket-number-00108/*","arn:aws:s3:::bucket-number-00109/*","arn:aws:s3:::bucket-number-00110/*","arn:aws:s3:::bucket-number-00111/*","arn:aws:s3:::bucket-number-00112/*","arn:aws:s3:::bucket-number-00113/*","arn:aws:s3:::bucket-number-00114/*","arn:aws:s3:::bucket-number-00115/*","arn:aws:s3:::bucket-number-00116/*","arn:aws:s3:::bucket-number-00117/*","arn:aws:s3:::bucket-number-00118/*","arn:aws:s3:::bucket-number-00119/*","arn:aws:s3:::bucket-number-00120/*","arn:aws:s3:::bucket-number-00121/*","arn:aws:s3:::bucket-number-00122/*","arn:aws:s3:::bucket-number-00123/*","arn:aws:s3:::bucket-number-00124/*","arn:aws:s3:::bucket-number-00125/*","arn:aws:s3:::bucket-number-00126/*","arn:aws:s3:::bucket-number-00127/*","arn:aws:s3:::bucket-number-00128/*","arn:aws:s3:::bucket-number-00129/*","arn:aws:s3:::bucket-number-00130/*","arn:aws:s3:::bucket-number-00131/*","arn:aws:s3:::bucket-number-00132/*","arn:aws:s3:::bucket-number-00133/*","arn:aws:s3:::bucket-number-00134/*","arn:aws:s3:::bucket-number-00135/*","arn:aws:s3:::bucket-number-00136/*","arn:aws:s3:::bucket-number-00137/*","arn:aws:s3:::bucket-number-00138/*","arn:aws:s3:::bucket-number-00139/*","arn:aws:s3:::bucket-number-00140/*","arn:aws:s3:::bucket-number-00141/*","arn:aws:s3:::bucket-number-00142/*","arn:aws:s3:::bucket-number-00143/*","arn:aws:s3:::bucket-number-00144/*","arn:aws:s3:::bucket-number-00145/*","arn:aws:s3:::bucket-number-00146/*","arn:aws:s3:::bucket-number-00147/*","arn:aws:s3:::bucket-number-00148/*","arn:aws:s3:::bucket-number-00149/*","arn:aws:s3:::bucket-number-00150/*","arn:aws:s3:::bucket-number-00151/*","arn:aws:s3:::bucket-number-00152/*","arn:aws:s3:::bucket-number-00153/*","arn:aws:s3:::bucket-number-00154/*","arn:aws:s3:::bucket-number-00155/*","arn:aws:s3:::bucket-number-00156/*","arn:aws:s3:::bucket-number-00157/*","arn:aws:s3:::bucket-number-00158/*","arn:aws:s3:::bucket-number-00159/*","arn:aws:s3:::bucket-number-00160/*","arn:aws:s3:::bucket-number-00161/*","arn:aws:s3:::bucket-number-00162/*","arn:aws:s3:::bucket-number-00163/*","arn:aws:s3:::bucket-number-00164/*","arn:aws:s3:::bucket-number-00165/*","arn:aws:s3:::bucket-number-00166/*","arn:aws:s3:::bucket-number-00167/*","arn:aws:s3:::bucket-number-00168/*","arn:aws:s3:::bucket-number-00169/*","arn:aws:s3:::bucket-number-00170/*","arn:aws:s3:::bucket-number-00171/*","arn:aws:s3:::bucket-number-00172/*","arn:aws:s3:::bucket-number-00173/*","arn:aws:s3:::bucket-number-00174/*","arn:aws:s3:::bucket-number-00175/*","arn:aws:s3:::bucket-number-00176/*","arn:aws:s3:::bucket-number-00177/*","arn:aws:s3:::bucket-number-00178/*","arn:aws:s3:::bucket-number-00179/*","arn:aws:s3:::bucket-number-00180/*","arn:aws:s3:::bucket-number-00181/*","arn:aws:s3:::bucket-number-00182/*","arn:aws:s3:::bucket-number-00183/*","arn:aws:s3:::bucket-number-00184/*","arn:aws:s3:::bucket-number-00185/*","arn:aws:s3:::bucket-number-00186/*","arn:aws:s3:::bucket-number-00187/*","arn:aws:s3:::bucket-number-00188/*","arn:aws:s3:::bucket-number-00189/*","arn:aws:s3:::bucket-number-00190/*","arn:aws:s3:::bucket-number-00191/*","arn:aws:s3:::bucket-number-00192/*","arn:aws:s3:::bucket-number-00193/*","arn:aws:s3:::bucket-number-00194/*","arn:aws:s3:::bucket-number-00195/*","arn:aws:s3:::bucket-number-00196/*","arn:aws:s3:::bucket-number-00197/*","arn:aws:s3:::bucket-number-00198/*","arn:aws:s3:::bucket-number-00199/*"]}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::bucket-number-00000/*","arn:aws:s3:::bucket-number-00001/*","arn:aws:s3:::bucket-number-00002/*"]}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-policy-size-exceeds-resource-policy-quota
        Row(
            .policySizeExceedsResourcePolicyQuota, .resource, resourceType: .s3Bucket,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":["arn:aws:s3:::bucket-number-00000/*","arn:aws:s3:::bucket-number-00001/*","arn:aws:s3:::bucket-number-00002/*","arn:aws:s3:::bucket-number-00003/*","arn:aws:s3:::bucket-number-00004/*","arn:aws:s3:::bucket-number-00005/*","arn:aws:s3:::bucket-number-00006/*","arn:aws:s3:::bucket-number-00007/*","arn:aws:s3:::bucket-number-00008/*","arn:aws:s3:::bucket-number-00009/*","arn:aws:s3:::bucket-number-00010/*","arn:aws:s3:::bucket-number-00011/*","arn:aws:s3:::bucket-number-00012/*","arn:aws:s3:::bucket-number-00013/*","arn:aws:s3:::bucket-number-00014/*","arn:aws:s3:::bucket-number-00015/*","arn:aws:s3:::bucket-number-00016/*","arn:aws:s3:::bucket-number-00017/*","arn:aws:s3:::bucket-number-00018/*","arn:aws:s3:::bucket-number-00019/*","arn:aws:s3:::bucket-number-00020/*","arn:aws:s3:::bucket-number-00021/*","arn:aws:s3:::bucket-number-00022/*","arn:aws:s3:::bucket-number-00023/*","arn:aws:s3:::bucket-number-00024/*","arn:aws:s3:::bucket-number-00025/*","arn:aws:s3:::bucket-number-00026/*","arn:aws:s3:::bucket-number-00027/*","arn:aws:s3:::bucket-number-00028/*","arn:aws:s3:::bucket-number-00029/*","arn:aws:s3:::bucket-number-00030/*","arn:aws:s3:::bucket-number-00031/*","arn:aws:s3:::bucket-number-00032/*","arn:aws:s3:::bucket-number-00033/*","arn:aws:s3:::bucket-number-00034/*","arn:aws:s3:::bucket-number-00035/*","arn:aws:s3:::bucket-number-00036/*","arn:aws:s3:::bucket-number-00037/*","arn:aws:s3:::bucket-number-00038/*","arn:aws:s3:::bucket-number-00039/*","arn:aws:s3:::bucket-number-00040/*","arn:aws:s3:::bucket-number-00041/*","arn:aws:s3:::bucket-number-00042/*","arn:aws:s3:::bucket-number-00043/*","arn:aws:s3:::bucket-number-00044/*","arn:aws:s3:::bucket-number-00045/*","arn:aws:s3:::bucket-number-00046/*","arn:aws:s3:::bucket-number-00047/*","arn:aws:s3:::bucket-number-00048/*","arn:aws:s3:::bucket-number-00049/*","arn:aws:s3:::bucket-number-00050/*","arn:aws:s3:::bucket-number-00051/*","arn:aws:s3:::bucket-number-00052/*","arn:aws:s3:::bucket-number-00053/*","arn:aws:s3:::bucket-number-00054/*","arn:aws:s3:::bucket-number-00055/*","arn:aws:s3:::bucket-number-00056/*","arn:aws:s3:::bucket-number-00057/*","arn:aws:s3:::bucket-number-00058/*","arn:aws:s3:::bucket-number-00059/*","arn:aws:s3:::bucket-number-00060/*","arn:aws:s3:::bucket-number-00061/*","arn:aws:s3:::bucket-number-00062/*","arn:aws:s3:::bucket-number-00063/*","arn:aws:s3:::bucket-number-00064/*","arn:aws:s3:::bucket-number-00065/*","arn:aws:s3:::bucket-number-00066/*","arn:aws:s3:::bucket-number-00067/*","arn:aws:s3:::bucket-number-00068/*","arn:aws:s3:::bucket-number-00069/*","arn:aws:s3:::bucket-number-00070/*","arn:aws:s3:::bucket-number-00071/*","arn:aws:s3:::bucket-number-00072/*","arn:aws:s3:::bucket-number-00073/*","arn:aws:s3:::bucket-number-00074/*","arn:aws:s3:::bucket-number-00075/*","arn:aws:s3:::bucket-number-00076/*","arn:aws:s3:::bucket-number-00077/*","arn:aws:s3:::bucket-number-00078/*","arn:aws:s3:::bucket-number-00079/*","arn:aws:s3:::bucket-number-00080/*","arn:aws:s3:::bucket-number-00081/*","arn:aws:s3:::bucket-number-00082/*","arn:aws:s3:::bucket-number-00083/*","arn:aws:s3:::bucket-number-00084/*","arn:aws:s3:::bucket-number-00085/*","arn:aws:s3:::bucket-number-00086/*","arn:aws:s3:::bucket-number-00087/*","arn:aws:s3:::bucket-number-00088/*","arn:aws:s3:::bucket-number-00089/*","arn:aws:s3:::bucket-number-00090/*","arn:aws:s3:::bucket-number-00091/*","arn:aws:s3:::bucket-number-00092/*","arn:aws:s3:::bucket-number-00093/*","arn:aws:s3:::bucket-number-00094/*","arn:aws:s3:::bucket-number-00095/*","arn:aws:s3:::bucket-number-00096/*","arn:aws:s3:::bucket-number-00097/*","arn:aws:s3:::bucket-number-00098/*","arn:aws:s3:::bucket-number-00099/*","arn:aws:s3:::bucket-number-00100/*","arn:aws:s3:::bucket-number-00101/*","arn:aws:s3:::bucket-number-00102/*","arn:aws:s3:::bucket-number-00103/*","arn:aws:s3:::bucket-number-00104/*","arn:aws:s3:::bucket-number-00105/*","arn:aws:s3:::bucket-number-00106/*","arn:aws:s3:::bucket-number-00107/*","arn:aws:s3:::bucket-number-00108/*","arn:aws:s3:::bucket-number-00109/*","arn:aws:s3:::bucket-number-00110/*","arn:aws:s3:::bucket-number-00111/*","arn:aws:s3:::bucket-number-00112/*","arn:aws:s3:::bucket-number-00113/*","arn:aws:s3:::bucket-number-00114/*","arn:aws:s3:::bucket-number-00115/*","arn:aws:s3:::bucket-number-00116/*","arn:aws:s3:::bucket-number-00117/*","arn:aws:s3:::bucket-number-00118/*","arn:aws:s3:::bucket-number-00119/*","arn:aws:s3:::bucket-number-00120/*","arn:aws:s3:::bucket-number-00121/*","arn:aws:s3:::bucket-number-00122/*","arn:aws:s3:::bucket-number-00123/*","arn:aws:s3:::bucket-number-00124/*","arn:aws:s3:::bucket-number-00125/*","arn:aws:s3:::bucket-number-00126/*","arn:aws:s3:::bucket-number-00127/*","arn:aws:s3:::bucket-number-00128/*","arn:aws:s3:::bucket-number-00129/*","arn:aws:s3:::bucket-number-00130/*","arn:aws:s3:::bucket-number-00131/*","arn:aws:s3:::bucket-number-00132/*","arn:aws:s3:::bucket-number-00133/*","arn:aws:s3:::bucket-number-00134/*","arn:aws:s3:::bucket-number-00135/*","arn:aws:s3:::bucket-number-00136/*","arn:aws:s3:::bucket-number-00137/*","arn:aws:s3:::bucket-number-00138/*","arn:aws:s3:::bucket-number-00139/*","arn:aws:s3:::bucket-number-00140/*","arn:aws:s3:::bucket-number-00141/*","arn:aws:s3:::bucket-number-00142/*","arn:aws:s3:::bucket-number-00143/*","arn:aws:s3:::bucket-number-00144/*","arn:aws:s3:::bucket-number-00145/*","arn:aws:s3:::bucket-number-00146/*","arn:aws:s3:::bucket-number-00147/*","arn:aws:s3:::bucket-number-00148/*","arn:aws:s3:::bucket-number-00149/*","arn:aws:s3:::bucket-number-00150/*","arn:aws:s3:::bucket-number-00151/*","arn:aws:s3:::bucket-number-00152/*","arn:aws:s3:::bucket-number-00153/*","arn:aws:s3:::bucket-number-00154/*","arn:aws:s3:::bucket-number-00155/*","arn:aws:s3:::bucket-number-00156/*","arn:aws:s3:::bucket-number-00157/*","arn:aws:s3:::bucket-number-00158/*","arn:aws:s3:::bucket-number-00159/*","arn:aws:s3:::bucket-number-00160/*","arn:aws:s3:::bucket-number-00161/*","arn:aws:s3:::bucket-number-00162/*","arn:aws:s3:::bucket-number-00163/*","arn:aws:s3:::bucket-number-00164/*","arn:aws:s3:::bucket-number-00165/*","arn:aws:s3:::bucket-number-00166/*","arn:aws:s3:::bucket-number-00167/*","arn:aws:s3:::bucket-number-00168/*","arn:aws:s3:::bucket-number-00169/*","arn:aws:s3:::bucket-number-00170/*","arn:aws:s3:::bucket-number-00171/*","arn:aws:s3:::bucket-number-00172/*","arn:aws:s3:::bucket-number-00173/*","arn:aws:s3:::bucket-number-00174/*","arn:aws:s3:::bucket-number-00175/*","arn:aws:s3:::bucket-number-00176/*","arn:aws:s3:::bucket-number-00177/*","arn:aws:s3:::bucket-number-00178/*","arn:aws:s3:::bucket-number-00179/*","arn:aws:s3:::bucket-number-00180/*","arn:aws:s3:::bucket-number-00181/*","arn:aws:s3:::bucket-number-00182/*","arn:aws:s3:::bucket-number-00183/*","arn:aws:s3:::bucket-number-00184/*","arn:aws:s3:::bucket-number-00185/*","arn:aws:s3:::bucket-number-00186/*","arn:aws:s3:::bucket-number-00187/*","arn:aws:s3:::bucket-number-00188/*","arn:aws:s3:::bucket-number-00189/*","arn:aws:s3:::bucket-number-00190/*","arn:aws:s3:::bucket-number-00191/*","arn:aws:s3:::bucket-number-00192/*","arn:aws:s3:::bucket-number-00193/*","arn:aws:s3:::bucket-number-00194/*","arn:aws:s3:::bucket-number-00195/*","arn:aws:s3:::bucket-number-00196/*","arn:aws:s3:::bucket-number-00197/*","arn:aws:s3:::bucket-number-00198/*","arn:aws:s3:::bucket-number-00199/*","arn:aws:s3:::bucket-number-00200/*","arn:aws:s3:::bucket-number-00201/*","arn:aws:s3:::bucket-number-00202/*","arn:aws:s3:::bucket-number-00203/*","arn:aws:s3:::bucket-number-00204/*","arn:aws:s3:::bucket-number-00205/*","arn:aws:s3:::bucket-number-00206/*","arn:aws:s3:::bucket-number-00207/*","arn:aws:s3:::bucket-number-00208/*","arn:aws:s3:::bucket-number-00209/*","arn:aws:s3:::bucket-number-00210/*","arn:aws:s3:::bucket-number-00211/*","arn:aws:s3:::bucket-number-00212/*","arn:aws:s3:::bucket-number-00213/*","arn:aws:s3:::bucket-number-00214/*","arn:aws:s3:::bucket-number-00215/*","arn:aws:s3:::bucket-number-00216/*","arn:aws:s3:::bucket-number-00217/*","arn:aws:s3:::bucket-number-00218/*","arn:aws:s3:::bucket-number-00219/*","arn:aws:s3:::bucket-number-00220/*","arn:aws:s3:::bucket-number-00221/*","arn:aws:s3:::bucket-number-00222/*","arn:aws:s3:::bucket-number-00223/*","arn:aws:s3:::bucket-number-00224/*","arn:aws:s3:::bucket-number-00225/*","arn:aws:s3:::bucket-number-00226/*","arn:aws:s3:::bucket-number-00227/*","arn:aws:s3:::bucket-number-00228/*","arn:aws:s3:::bucket-number-00229/*","arn:aws:s3:::bucket-number-00230/*","arn:aws:s3:::bucket-number-00231/*","arn:aws:s3:::bucket-number-00232/*","arn:aws:s3:::bucket-number-00233/*","arn:aws:s3:::bucket-number-00234/*","arn:aws:s3:::bucket-number-00235/*","arn:aws:s3:::bucket-number-00236/*","arn:aws:s3:::bucket-number-00237/*","arn:aws:s3:::bucket-number-00238/*","arn:aws:s3:::bucket-number-00239/*","arn:aws:s3:::bucket-number-00240/*","arn:aws:s3:::bucket-number-00241/*","arn:aws:s3:::bucket-number-00242/*","arn:aws:s3:::bucket-number-00243/*","arn:aws:s3:::bucket-number-00244/*","arn:aws:s3:::bucket-number-00245/*","arn:aws:s3:::bucket-number-00246/*","arn:aws:s3:::bucket-number-00247/*","arn:aws:s3:::bucket-number-00248/*","arn:aws:s3:::bucket-number-00249/*","arn:aws:s3:::bucket-number-00250/*","arn:aws:s3:::bucket-number-00251/*","arn:aws:s3:::bucket-number-00252/*","arn:aws:s3:::bucket-number-00253/*","arn:aws:s3:::bucket-number-00254/*","arn:aws:s3:::bucket-number-00255/*","arn:aws:s3:::bucket-number-00256/*","arn:aws:s3:::bucket-number-00257/*","arn:aws:s3:::bucket-number-00258/*","arn:aws:s3:::bucket-number-00259/*","arn:aws:s3:::bucket-number-00260/*","arn:aws:s3:::bucket-number-00261/*","arn:aws:s3:::bucket-number-00262/*","arn:aws:s3:::bucket-number-00263/*","arn:aws:s3:::bucket-number-00264/*","arn:aws:s3:::bucket-number-00265/*","arn:aws:s3:::bucket-number-00266/*","arn:aws:s3:::bucket-number-00267/*","arn:aws:s3:::bucket-number-00268/*","arn:aws:s3:::bucket-number-00269/*","arn:aws:s3:::bucket-number-00270/*","arn:aws:s3:::bucket-number-00271/*","arn:aws:s3:::bucket-number-00272/*","arn:aws:s3:::bucket-number-00273/*","arn:aws:s3:::bucket-number-00274/*","arn:aws:s3:::bucket-number-00275/*","arn:aws:s3:::bucket-number-00276/*","arn:aws:s3:::bucket-number-00277/*","arn:aws:s3:::bucket-number-00278/*","arn:aws:s3:::bucket-number-00279/*","arn:aws:s3:::bucket-number-00280/*","arn:aws:s3:::bucket-number-00281/*","arn:aws:s3:::bucket-number-00282/*","arn:aws:s3:::bucket-number-00283/*","arn:aws:s3:::bucket-number-00284/*","arn:aws:s3:::bucket-number-00285/*","arn:aws:s3:::bucket-number-00286/*","arn:aws:s3:::bucket-number-00287/*","arn:aws:s3:::bucket-number-00288/*","arn:aws:s3:::bucket-number-00289/*","arn:aws:s3:::bucket-number-00290/*","arn:aws:s3:::bucket-number-00291/*","arn:aws:s3:::bucket-number-00292/*","arn:aws:s3:::bucket-number-00293/*","arn:aws:s3:::bucket-number-00294/*","arn:aws:s3:::bucket-number-00295/*","arn:aws:s3:::bucket-number-00296/*","arn:aws:s3:::bucket-number-00297/*","arn:aws:s3:::bucket-number-00298/*","arn:aws:s3:::bucket-number-00299/*","arn:aws:s3:::bucket-number-00300/*","arn:aws:s3:::bucket-number-00301/*","arn:aws:s3:::bucket-number-00302/*","arn:aws:s3:::bucket-number-00303/*","arn:aws:s3:::bucket-number-00304/*","arn:aws:s3:::bucket-number-00305/*","arn:aws:s3:::bucket-number-00306/*","arn:aws:s3:::bucket-number-00307/*","arn:aws:s3:::bucket-number-00308/*","arn:aws:s3:::bucket-number-00309/*","arn:aws:s3:::bucket-number-00310/*","arn:aws:s3:::bucket-number-00311/*","arn:aws:s3:::bucket-number-00312/*","arn:aws:s3:::bucket-number-00313/*","arn:aws:s3:::bucket-number-00314/*","arn:aws:s3:::bucket-number-00315/*","arn:aws:s3:::bucket-number-00316/*","arn:aws:s3:::bucket-number-00317/*","arn:aws:s3:::bucket-number-00318/*","arn:aws:s3:::bucket-number-00319/*","arn:aws:s3:::bucket-number-00320/*","arn:aws:s3:::bucket-number-00321/*","arn:aws:s3:::bucket-number-00322/*","arn:aws:s3:::bucket-number-00323/*","arn:aws:s3:::bucket-number-00324/*","arn:aws:s3:::bucket-number-00325/*","arn:aws:s3:::bucket-number-00326/*","arn:aws:s3:::bucket-number-00327/*","arn:aws:s3:::bucket-number-00328/*","arn:aws:s3:::bucket-number-00329/*","arn:aws:s3:::bucket-number-00330/*","arn:aws:s3:::bucket-number-00331/*","arn:aws:s3:::bucket-number-00332/*","arn:aws:s3:::bucket-number-00333/*","arn:aws:s3:::bucket-number-00334/*","arn:aws:s3:::bucket-number-00335/*","arn:aws:s3:::bucket-number-00336/*","arn:aws:s3:::bucket-number-00337/*","arn:aws:s3:::bucket-number-00338/*","arn:aws:s3:::bucket-number-00339/*","arn:aws:s3:::bucket-number-00340/*","arn:aws:s3:::bucket-number-00341/*","arn:aws:s3:::bucket-number-00342/*","arn:aws:s3:::bucket-number-00343/*","arn:aws:s3:::bucket-number-00344/*","arn:aws:s3:::bucket-number-00345/*","arn:aws:s3:::bucket-number-00346/*","arn:aws:s3:::bucket-number-00347/*","arn:aws:s3:::bucket-number-00348/*","arn:aws:s3:::bucket-number-00349/*","arn:aws:s3:::bucket-number-00350/*","arn:aws:s3:::bucket-number-00351/*","arn:aws:s3:::bucket-number-00352/*","arn:aws:s3:::bucket-number-00353/*","arn:aws:s3:::bucket-number-00354/*","arn:aws:s3:::bucket-number-00355/*","arn:aws:s3:::bucket-number-00356/*","arn:aws:s3:::bucket-number-00357/*","arn:aws:s3:::bucket-number-00358/*","arn:aws:s3:::bucket-number-00359/*","arn:aws:s3:::bucket-number-00360/*","arn:aws:s3:::bucket-number-00361/*","arn:aws:s3:::bucket-number-00362/*","arn:aws:s3:::bucket-number-00363/*","arn:aws:s3:::bucket-number-00364/*","arn:aws:s3:::bucket-number-00365/*","arn:aws:s3:::bucket-number-00366/*","arn:aws:s3:::bucket-number-00367/*","arn:aws:s3:::bucket-number-00368/*","arn:aws:s3:::bucket-number-00369/*","arn:aws:s3:::bucket-number-00370/*","arn:aws:s3:::bucket-number-00371/*","arn:aws:s3:::bucket-number-00372/*","arn:aws:s3:::bucket-number-00373/*","arn:aws:s3:::bucket-number-00374/*","arn:aws:s3:::bucket-number-00375/*","arn:aws:s3:::bucket-number-00376/*","arn:aws:s3:::bucket-number-00377/*","arn:aws:s3:::bucket-number-00378/*","arn:aws:s3:::bucket-number-00379/*","arn:aws:s3:::bucket-number-00380/*","arn:aws:s3:::bucket-number-00381/*","arn:aws:s3:::bucket-number-00382/*","arn:aws:s3:::bucket-number-00383/*","arn:aws:s3:::bucket-number-00384/*","arn:aws:s3:::bucket-number-00385/*","arn:aws:s3:::bucket-number-00386/*","arn:aws:s3:::bucket-number-00387/*","arn:aws:s3:::bucket-number-00388/*","arn:aws:s3:::bucket-number-00389/*","arn:aws:s3:::bucket-number-00390/*","arn:aws:s3:::bucket-number-00391/*","arn:aws:s3:::bucket-number-00392/*","arn:aws:s3:::bucket-number-00393/*","arn:aws:s3:::bucket-number-00394/*","arn:aws:s3:::bucket-number-00395/*","arn:aws:s3:::bucket-number-00396/*","arn:aws:s3:::bucket-number-00397/*","arn:aws:s3:::bucket-number-00398/*","arn:aws:s3:::bucket-number-00399/*","arn:aws:s3:::bucket-number-00400/*","arn:aws:s3:::bucket-number-00401/*","arn:aws:s3:::bucket-number-00402/*","arn:aws:s3:::bucket-number-00403/*","arn:aws:s3:::bucket-number-00404/*","arn:aws:s3:::bucket-number-00405/*","arn:aws:s3:::bucket-number-00406/*","arn:aws:s3:::bucket-number-00407/*","arn:aws:s3:::bucket-number-00408/*","arn:aws:s3:::bucket-number-00409/*","arn:aws:s3:::bucket-number-00410/*","arn:aws:s3:::bucket-number-00411/*","arn:aws:s3:::bucket-number-00412/*","arn:aws:s3:::bucket-number-00413/*","arn:aws:s3:::bucket-number-00414/*","arn:aws:s3:::bucket-number-00415/*","arn:aws:s3:::bucket-number-00416/*","arn:aws:s3:::bucket-number-00417/*","arn:aws:s3:::bucket-number-00418/*","arn:aws:s3:::bucket-number-00419/*","arn:aws:s3:::bucket-number-00420/*","arn:aws:s3:::bucket-number-00421/*","arn:aws:s3:::bucket-number-00422/*","arn:aws:s3:::bucket-number-00423/*","arn:aws:s3:::bucket-number-00424/*","arn:aws:s3:::bucket-number-00425/*","arn:aws:s3:::bucket-number-00426/*","arn:aws:s3:::bucket-number-00427/*","arn:aws:s3:::bucket-number-00428/*","arn:aws:s3:::bucket-number-00429/*","arn:aws:s3:::bucket-number-00430/*","arn:aws:s3:::bucket-number-00431/*","arn:aws:s3:::bucket-number-00432/*","arn:aws:s3:::bucket-number-00433/*","arn:aws:s3:::bucket-number-00434/*","arn:aws:s3:::bucket-number-00435/*","arn:aws:s3:::bucket-number-00436/*","arn:aws:s3:::bucket-number-00437/*","arn:aws:s3:::bucket-number-00438/*","arn:aws:s3:::bucket-number-00439/*","arn:aws:s3:::bucket-number-00440/*","arn:aws:s3:::bucket-number-00441/*","arn:aws:s3:::bucket-number-00442/*","arn:aws:s3:::bucket-number-00443/*","arn:aws:s3:::bucket-number-00444/*","arn:aws:s3:::bucket-number-00445/*","arn:aws:s3:::bucket-number-00446/*","arn:aws:s3:::bucket-number-00447/*","arn:aws:s3:::bucket-number-00448/*","arn:aws:s3:::bucket-number-00449/*","arn:aws:s3:::bucket-number-00450/*","arn:aws:s3:::bucket-number-00451/*","arn:aws:s3:::bucket-number-00452/*","arn:aws:s3:::bucket-number-00453/*","arn:aws:s3:::bucket-number-00454/*","arn:aws:s3:::bucket-number-00455/*","arn:aws:s3:::bucket-number-00456/*","arn:aws:s3:::bucket-number-00457/*","arn:aws:s3:::bucket-number-00458/*","arn:aws:s3:::bucket-number-00459/*","arn:aws:s3:::bucket-number-00460/*","arn:aws:s3:::bucket-number-00461/*","arn:aws:s3:::bucket-number-00462/*","arn:aws:s3:::bucket-number-00463/*","arn:aws:s3:::bucket-number-00464/*","arn:aws:s3:::bucket-number-00465/*","arn:aws:s3:::bucket-number-00466/*","arn:aws:s3:::bucket-number-00467/*","arn:aws:s3:::bucket-number-00468/*","arn:aws:s3:::bucket-number-00469/*","arn:aws:s3:::bucket-number-00470/*","arn:aws:s3:::bucket-number-00471/*","arn:aws:s3:::bucket-number-00472/*","arn:aws:s3:::bucket-number-00473/*","arn:aws:s3:::bucket-number-00474/*","arn:aws:s3:::bucket-number-00475/*","arn:aws:s3:::bucket-number-00476/*","arn:aws:s3:::bucket-number-00477/*","arn:aws:s3:::bucket-number-00478/*","arn:aws:s3:::bucket-number-00479/*","arn:aws:s3:::bucket-number-00480/*","arn:aws:s3:::bucket-number-00481/*","arn:aws:s3:::bucket-number-00482/*","arn:aws:s3:::bucket-number-00483/*","arn:aws:s3:::bucket-number-00484/*","arn:aws:s3:::bucket-number-00485/*","arn:aws:s3:::bucket-number-00486/*","arn:aws:s3:::bucket-number-00487/*","arn:aws:s3:::bucket-number-00488/*","arn:aws:s3:::bucket-number-00489/*","arn:aws:s3:::bucket-number-00490/*","arn:aws:s3:::bucket-number-00491/*","arn:aws:s3:::bucket-number-00492/*","arn:aws:s3:::bucket-number-00493/*","arn:aws:s3:::bucket-number-00494/*","arn:aws:s3:::bucket-number-00495/*","arn:aws:s3:::bucket-number-00496/*","arn:aws:s3:::bucket-number-00497/*","arn:aws:s3:::bucket-number-00498/*","arn:aws:s3:::bucket-number-00499/*","arn:aws:s3:::bucket-number-00500/*","arn:aws:s3:::bucket-number-00501/*","arn:aws:s3:::bucket-number-00502/*","arn:aws:s3:::bucket-number-00503/*","arn:aws:s3:::bucket-number-00504/*","arn:aws:s3:::bucket-number-00505/*","arn:aws:s3:::bucket-number-00506/*","arn:aws:s3:::bucket-number-00507/*","arn:aws:s3:::bucket-number-00508/*","arn:aws:s3:::bucket-number-00509/*","arn:aws:s3:::bucket-number-00510/*","arn:aws:s3:::bucket-number-00511/*","arn:aws:s3:::bucket-number-00512/*","arn:aws:s3:::bucket-number-00513/*","arn:aws:s3:::bucket-number-00514/*","arn:aws:s3:::bucket-number-00515/*","arn:aws:s3:::bucket-number-00516/*","arn:aws:s3:::bucket-number-00517/*","arn:aws:s3:::bucket-number-00518/*","arn:aws:s3:::bucket-number-00519/*","arn:aws:s3:::bucket-number-00520/*","arn:aws:s3:::bucket-number-00521/*","arn:aws:s3:::bucket-number-00522/*","arn:aws:s3:::bucket-number-00523/*","arn:aws:s3:::bucket-number-00524/*","arn:aws:s3:::bucket-number-00525/*","arn:aws:s3:::bucket-number-00526/*","arn:aws:s3:::bucket-number-00527/*","arn:aws:s3:::bucket-number-00528/*","arn:aws:s3:::bucket-number-00529/*","arn:aws:s3:::bucket-number-00530/*","arn:aws:s3:::bucket-number-00531/*","arn:aws:s3:::bucket-number-00532/*","arn:aws:s3:::bucket-number-00533/*","arn:aws:s3:::bucket-number-00534/*","arn:aws:s3:::bucket-number-00535/*","arn:aws:s3:::bucket-number-00536/*","arn:aws:s3:::bucket-number-00537/*","arn:aws:s3:::bucket-number-00538/*","arn:aws:s3:::bucket-number-00539/*","arn:aws:s3:::bucket-number-00540/*","arn:aws:s3:::bucket-number-00541/*","arn:aws:s3:::bucket-number-00542/*","arn:aws:s3:::bucket-number-00543/*","arn:aws:s3:::bucket-number-00544/*","arn:aws:s3:::bucket-number-00545/*","arn:aws:s3:::bucket-number-00546/*","arn:aws:s3:::bucket-number-00547/*","arn:aws:s3:::bucket-number-00548/*","arn:aws:s3:::bucket-number-00549/*","arn:aws:s3:::bucket-number-00550/*","arn:aws:s3:::bucket-number-00551/*","arn:aws:s3:::bucket-number-00552/*","arn:aws:s3:::bucket-number-00553/*","arn:aws:s3:::bucket-number-00554/*","arn:aws:s3:::bucket-number-00555/*","arn:aws:s3:::bucket-number-00556/*","arn:aws:s3:::bucket-number-00557/*","arn:aws:s3:::bucket-number-00558/*","arn:aws:s3:::bucket-number-00559/*","arn:aws:s3:::bucket-number-00560/*","arn:aws:s3:::bucket-number-00561/*","arn:aws:s3:::bucket-number-00562/*","arn:aws:s3:::bucket-number-00563/*","arn:aws:s3:::bucket-number-00564/*","arn:aws:s3:::bucket-number-00565/*","arn:aws:s3:::bucket-number-00566/*","arn:aws:s3:::bucket-number-00567/*","arn:aws:s3:::bucket-number-00568/*","arn:aws:s3:::bucket-number-00569/*","arn:aws:s3:::bucket-number-00570/*","arn:aws:s3:::bucket-number-00571/*","arn:aws:s3:::bucket-number-00572/*","arn:aws:s3:::bucket-number-00573/*","arn:aws:s3:::bucket-number-00574/*","arn:aws:s3:::bucket-number-00575/*","arn:aws:s3:::bucket-number-00576/*","arn:aws:s3:::bucket-number-00577/*","arn:aws:s3:::bucket-number-00578/*","arn:aws:s3:::bucket-number-00579/*","arn:aws:s3:::bucket-number-00580/*","arn:aws:s3:::bucket-number-00581/*","arn:aws:s3:::bucket-number-00582/*","arn:aws:s3:::bucket-number-00583/*","arn:aws:s3:::bucket-number-00584/*","arn:aws:s3:::bucket-number-00585/*","arn:aws:s3:::bucket-number-00586/*","arn:aws:s3:::bucket-number-00587/*","arn:aws:s3:::bucket-number-00588/*","arn:aws:s3:::bucket-number-00589/*","arn:aws:s3:::bucket-number-00590/*","arn:aws:s3:::bucket-number-00591/*","arn:aws:s3:::bucket-number-00592/*","arn:aws:s3:::bucket-number-00593/*","arn:aws:s3:::bucket-number-00594/*","arn:aws:s3:::bucket-number-00595/*","arn:aws:s3:::bucket-number-00596/*","arn:aws:s3:::bucket-number-00597/*","arn:aws:s3:::bucket-number-00598/*","arn:aws:s3:::bucket-number-00599/*"]}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-policy-size-exceeds-role-trust-policy-quota
        Row(
            .policySizeExceedsRoleTrustPolicyQuota, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:role/role-number-0000","arn:aws:iam::111122223333:role/role-number-0001","arn:aws:iam::111122223333:role/role-number-0002","arn:aws:iam::111122223333:role/role-number-0003","arn:aws:iam::111122223333:role/role-number-0004","arn:aws:iam::111122223333:role/role-number-0005","arn:aws:iam::111122223333:role/role-number-0006","arn:aws:iam::111122223333:role/role-number-0007","arn:aws:iam::111122223333:role/role-number-0008","arn:aws:iam::111122223333:role/role-number-0009","arn:aws:iam::111122223333:role/role-number-0010","arn:aws:iam::111122223333:role/role-number-0011","arn:aws:iam::111122223333:role/role-number-0012","arn:aws:iam::111122223333:role/role-number-0013","arn:aws:iam::111122223333:role/role-number-0014","arn:aws:iam::111122223333:role/role-number-0015","arn:aws:iam::111122223333:role/role-number-0016","arn:aws:iam::111122223333:role/role-number-0017","arn:aws:iam::111122223333:role/role-number-0018","arn:aws:iam::111122223333:role/role-number-0019","arn:aws:iam::111122223333:role/role-number-0020","arn:aws:iam::111122223333:role/role-number-0021","arn:aws:iam::111122223333:role/role-number-0022","arn:aws:iam::111122223333:role/role-number-0023","arn:aws:iam::111122223333:role/role-number-0024","arn:aws:iam::111122223333:role/role-number-0025","arn:aws:iam::111122223333:role/role-number-0026","arn:aws:iam::111122223333:role/role-number-0027","arn:aws:iam::111122223333:role/role-number-0028","arn:aws:iam::111122223333:role/role-number-0029","arn:aws:iam::111122223333:role/role-number-0030","arn:aws:iam::111122223333:role/role-number-0031","arn:aws:iam::111122223333:role/role-number-0032","arn:aws:iam::111122223333:role/role-number-0033","arn:aws:iam::111122223333:role/role-number-0034","arn:aws:iam::111122223333:role/role-number-0035","arn:aws:iam::111122223333:role/role-number-0036","arn:aws:iam::111122223333:role/role-number-0037","arn:aws:iam::111122223333:role/role-number-0038","arn:aws:iam::111122223333:role/role-number-0039","arn:aws:iam::111122223333:role/role-number-0040","arn:aws:iam::111122223333:role/role-number-0041","arn:aws:iam::111122223333:role/role-number-0042","arn:aws:iam::111122223333:role/role-number-0043","arn:aws:iam::111122223333:role/role-number-0044","arn:aws:iam::111122223333:role/role-number-0045","arn:aws:iam::111122223333:role/role-number-0046","arn:aws:iam::111122223333:role/role-number-0047","arn:aws:iam::111122223333:role/role-number-0048","arn:aws:iam::111122223333:role/role-number-0049","arn:aws:iam::111122223333:role/role-number-0050","arn:aws:iam::111122223333:role/role-number-0051","arn:aws:iam::111122223333:role/role-number-0052","arn:aws:iam::111122223333:role/role-number-0053","arn:aws:iam::111122223333:role/role-number-0054","arn:aws:iam::111122223333:role/role-number-0055","arn:aws:iam::111122223333:role/role-number-0056","arn:aws:iam::111122223333:role/role-number-0057","arn:aws:iam::111122223333:role/role-number-0058","arn:aws:iam::111122223333:role/role-number-0059"]},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-general-warning-specific-github-repo-and-branch-recommended
        Row(
            .specificGithubRepoAndBranchRecommended, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:org/*"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:org/app:ref:refs/heads/main"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-array-action
        Row(
            .emptyArrayAction, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-array-condition
        Row(
            .emptyArrayCondition, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":[]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:username":["a"]}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-array-principal
        Row(
            .emptyArrayPrincipal, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-array-resource
        Row(
            .emptyArrayResource, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[]}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-object-condition
        Row(
            .emptyObjectCondition, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-object-principal
        Row(
            .emptyObjectPrincipal, .resource,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-sid-value
        Row(
            .emptySidValue, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":""}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-wildcard-in-service-name
        Row(
            .wildcardInServiceName, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s*:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-array-condition-forallvalues
        Row(
            .emptyArrayConditionForAllValues, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":[]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-array-condition-foranyvalue
        Row(
            .emptyArrayConditionForAnyValue, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":[]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":["team"]}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-empty-array-condition-ifexists
        Row(
            .emptyArrayConditionIfExists, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEqualsIfExists":{"aws:username":[]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEqualsIfExists":{"aws:username":["a"]}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-improve-ip-range
        Row(
            .improveIPRange, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.5/24"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-null-with-qualifier
        Row(
            .nullWithQualifier, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"ForAllValues:Null":{"aws:TagKeys":"false"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*","Condition":{"Null":{"aws:TagKeys":"false"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-private-ip-address-subset
        Row(
            .privateIPAddressSubset, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.0/24"]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-private-not-ip-address-subset
        Row(
            .privateNotIPAddressSubset, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","203.0.113.0/24"]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-redundant-condition-value-num
        Row(
            .redundantConditionValueNum, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":["2700","3600"]}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-redundant-statement
        Row(
            .redundantStatement, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"B"}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Sid":"A"},{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Sid":"B"}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-allow-with-unsupported-tag-condition-key-for-service
        Row(
            .allowWithUnsupportedTagConditionKeyForService, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:TerminateInstances","s3:ListAllMyBuckets"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-allow-notaction-with-unsupported-tag-condition-key-for-service
        Row(
            .allowNotActionWithUnsupportedTagConditionKeyForService, .identity,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"red"}}}]}"#
        ),
        // #access-analyzer-reference-policy-checks-suggestion-redundant-principal-in-role-trust-policy
        Row(
            .redundantPrincipalInRoleTrustPolicy, .trust,
            trigger:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:role/app","arn:aws:sts::111122223333:assumed-role/app/session"]},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#,
            clean:
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}"#
        ),
    ]
}
