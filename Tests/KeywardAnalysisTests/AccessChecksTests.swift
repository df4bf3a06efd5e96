import KeywardPolicy
import Testing

@testable import KeywardAnalysis

/// The custom policy checks on the cases of Access Analyzer's documentation and on the seeds' policies.
/// Every FAIL's counterexample is replayed (``AnalysisTesting``).
@Suite struct AccessChecksTests {
    static let readObjects = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::reports/*"}]}
        """

    // IAM User Guide, "Custom policy checks" (access-analyzer-checks-validating-policies): "When you edit a
    // policy, you can check whether the updated policy grants new access compared to a reference policy".
    // Adding s3:PutObject to a read-only policy grants new access.
    @Test func addingAnActionIsNewAccess() throws {
        let old = try AnalysisTesting.document(Self.readObjects, "old.json")
        let new = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Sid": "ReadWrite", "Effect": "Allow",
             "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::reports/*"}]}
            """, "new.json")
        let result = try AnalysisTesting.expectNoNewAccess(existing: old, new: new, .fail)
        #expect(result.counterexample?.action.lowercased() == "s3:putobject")
        #expect(
            result.statements == [
                StatementDescription(policy: "new.json", statement: "Statement[0]", sid: "ReadWrite", effect: "Allow")
            ])
        try AnalysisTesting.expectNoNewAccess(existing: new, new: old, .pass)
        try AnalysisTesting.expectNoNewAccess(existing: old, new: old, .pass)
    }

    /// A Deny added to the new policy only removes access; a narrower resource too.
    @Test func aDenyOrANarrowerResourceIsNoNewAccess() throws {
        let old = try AnalysisTesting.document(Self.readObjects, "old.json")
        let new = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::reports/2024/*"},
             {"Effect": "Deny", "Action": "s3:GetObjectAcl", "Resource": "*"}]}
            """, "new.json")
        let result = try AnalysisTesting.expectNoNewAccess(existing: old, new: new, .fail)
        // s3:Get* is wider than s3:GetObject: the counterexample is another Get action, not GetObjectAcl.
        #expect(result.counterexample?.action.lowercased() != "s3:getobject")
        #expect(result.counterexample?.action.lowercased() != "s3:getobjectacl")
        let narrower = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/2024/*"},
             {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
            """, "narrower.json")
        try AnalysisTesting.expectNoNewAccess(existing: old, new: narrower, .pass)
    }

    /// Dropping a condition, or swapping StringEquals for StringLike, widens access; the counterexample holds
    /// a value that meets the new policy and not the old.
    @Test func conditionsAreComparedByValueClasses() throws {
        let old = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
             "Condition": {"StringEquals": {"s3:prefix": "home/*"}, "NumericLessThan": {"s3:max-keys": "10"},
                           "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
            """, "old.json")
        let like = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
             "Condition": {"StringLike": {"s3:prefix": "home/*"}, "NumericLessThan": {"s3:max-keys": "10"},
                           "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
            """, "like.json")
        let likeResult = try AnalysisTesting.expectNoNewAccess(existing: old, new: like, .fail)
        let prefix = try #require(likeResult.counterexample?.context["s3:prefix"]?.first)
        #expect(prefix.hasPrefix("home/") && prefix != "home/*")
        try AnalysisTesting.expectNoNewAccess(existing: like, new: old, .pass)
        let wider = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
             "Condition": {"StringEquals": {"s3:prefix": "home/*"}, "NumericLessThanEquals": {"s3:max-keys": "10"},
                           "IpAddress": {"aws:SourceIp": "203.0.112.0/23"}}}]}
            """, "wider.json")
        let widerResult = try AnalysisTesting.expectNoNewAccess(existing: old, new: wider, .fail)
        let context = try #require(widerResult.counterexample?.context)
        // Either the boundary value 10 or an address of 203.0.112.0/24: both are new.
        #expect(context["s3:max-keys"] == ["10"] || context["aws:SourceIp"]?.first?.hasPrefix("203.0.112.") == true)
    }

    // IAM User Guide, "Custom policy checks": "If you specify only actions, then IAM Access Analyzer checks
    // for access to perform the actions on all resources in the policy."
    @Test func accessNotGrantedForListedActions() throws {
        let policy = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"},
             {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}
            """)
        let checks = AnalysisTesting.checks
        try AnalysisTesting.expectAllowedCounterexample(
            try checks.checkAccessNotGranted(policy, actions: ["s3:PutBucketPolicy"]), policy, .fail)
        try AnalysisTesting.expectAllowedCounterexample(
            try checks.checkAccessNotGranted(policy, actions: ["s3:DeleteBucket"]), policy, .pass)
        try AnalysisTesting.expectAllowedCounterexample(
            try checks.checkAccessNotGranted(policy, actions: ["iam:PassRole", "ec2:RunInstances"]), policy, .pass)
        // "If you specify only resources, then IAM Access Analyzer checks which actions have access."
        try AnalysisTesting.expectAllowedCounterexample(
            try checks.checkAccessNotGranted(policy, actions: [], resources: ["arn:aws:s3:::secret"]), policy, .fail)
        #expect(throws: AnalysisError.self) { try checks.checkAccessNotGranted(policy, actions: []) }
    }

    // IAM User Guide, "Custom policy checks": "You can check whether a resource policy can grant public
    // access to a specified resource type." A bucket policy for Principal "*" is public; bound to an
    // organization (aws:PrincipalOrgID) or a VPC endpoint (aws:SourceVpce) it is not (S3 User Guide,
    // "The meaning of 'public'").
    @Test(arguments: [
        ("", CheckResult.Verdict.fail),
        (#", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#, .pass),
        (#", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}"#, .pass),
        (#", "Condition": {"StringLike": {"aws:PrincipalOrgID": "o-*"}}"#, .fail),
        (#", "Condition": {"IpAddress": {"aws:SourceIp": "0.0.0.0/1"}}"#, .fail),
        (#", "Condition": {"IpAddress": {"aws:SourceIp": "198.51.100.0/24"}}"#, .pass),
        (#", "Condition": {"Bool": {"aws:SecureTransport": "true"}}"#, .fail),
    ])
    func publicBucketPolicies(condition: String, expected: CheckResult.Verdict) throws {
        let policy = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::public-site/*"\(condition)}]}
            """, "bucket.json", kind: .resource)
        try AnalysisTesting.expectAllowedCounterexample(
            AnalysisTesting.checks.checkNoPublicAccess(policy), policy, expected)
    }

    /// A policy variable ties a value to another part of the request: UNKNOWN with the reason, never PASS.
    @Test func policyVariablesAreUnknown() throws {
        let policy = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*",
             "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}
            """)
        let result = try AnalysisTesting.checks.checkAccessNotGranted(policy, actions: ["s3:GetObject"])
        #expect(result.result == .unknown)
        #expect(result.reason.contains("${aws:username}"))
        let mixed = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*",
             "Condition": {"StringEquals": {"s3:max-keys": "5"}, "NumericLessThan": {"s3:max-keys": "9"}}}]}
            """)
        let mixedResult = try AnalysisTesting.checks.checkAccessNotGranted(mixed, actions: ["s3:ListBucket"])
        #expect(mixedResult.result == .unknown)
        #expect(mixedResult.reason.contains("s3:max-keys"))
    }

    /// In a resource-based policy, a wildcard on a key derived from the caller cannot be decided by named
    /// callers alone: UNKNOWN, for the public check too (an outsider may bear any name).
    @Test func wildcardsOnDerivedKeysOfResourcePoliciesAreUnknown() throws {
        let trust = try AnalysisTesting.document(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
             "Action": "sts:AssumeRole", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin*"}}}]}
            """, "trust.json", kind: .trust)
        let result = AnalysisTesting.checks.checkNoNewAccess(existing: trust, new: trust)
        #expect(result.result == .unknown)
        #expect(result.reason.contains("aws:PrincipalArn"))
        // Any account's role named Admin... may assume it: never a PASS made of the few outsiders tried.
        #expect(AnalysisTesting.checks.checkNoPublicAccess(trust).result == .unknown)
    }
}
