import KeywardPolicy
import Testing

@testable import KeywardAnalysis

/// External-access findings, as the IAM User Guide's "IAM Access Analyzer findings" describes them: "a
/// finding for each instance of a resource-based policy that grants access to a resource within your zone
/// of trust to a principal that is not within your zone of trust". Each finding's request is allowed.
@Suite struct ExternalAccessTests {
    static let account = "111122223333"

    static func report(
        _ statement: String, zone: ZoneOfTrust = ZoneOfTrust(account: account), kind: PolicyKind = .resource
    ) throws -> ExternalAccessAnalyzer.Report {
        let policy = try AnalysisTesting.document(
            #"{"Version": "2012-10-17", "Statement": [\#(statement)]}"#, "policy.json", kind: kind)
        let report = ExternalAccessAnalyzer(catalog: AnalysisTesting.catalog).findings(for: policy, zone: zone)
        let set = AnalysisSetting(for: policy, account: zone.account).set(CompiledPolicy(policy))
        for finding in report.findings {
            #expect(set.decide(finding.counterexample.request).kind == .allowed, "\(finding)")
        }
        return report
    }

    // "If you grant permission to a principal in an account that is not a member of the organization,
    // IAM Access Analyzer generates a finding." (access-analyzer-findings)
    @Test func anotherAccountIsAFinding() throws {
        let report = try Self.report(
            #"{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]}"#
        )
        #expect(report.findings.count == 1)
        let finding = try #require(report.findings.first)
        #expect(finding.principal == ["AWS": "444455556666"])
        #expect(finding.action == ["s3:GetObject", "s3:ListBucket"])
        #expect(finding.resource == ["arn:aws:s3:::b", "arn:aws:s3:::b/*"])
        #expect(!finding.isPublic)
        // Trusting that account removes the finding.
        let trusted = try Self.report(
            #"{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#,
            zone: ZoneOfTrust(account: Self.account, trustedAccounts: ["444455556666"]))
        #expect(trusted.findings.isEmpty)
    }

    // ExternalAccessDetails: "isPublic: Specifies whether the external access finding is public."
    @Test func everyoneIsPublic() throws {
        let report = try Self.report(
            #"{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"}"#
        )
        #expect(report.findings.first?.principal == ["AWS": "*"])
        #expect(report.findings.first?.isPublic == true)
    }

    // "Any principal in the organization or account that you choose for the analyzer is considered
    // trusted": aws:PrincipalOrgID bound to the zone's organization is no finding; another one is.
    @Test func theOrganizationIsHonoured() throws {
        let statement =
            #"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}"#
        let inside = try Self.report(statement, zone: ZoneOfTrust(account: Self.account, organization: "o-a1b2c3d4e5"))
        #expect(inside.findings.isEmpty)
        let outside = try Self.report(statement)
        #expect(outside.findings.count == 1)
        #expect(outside.findings.first?.condition == ["aws:PrincipalOrgID": "o-a1b2c3d4e5"])
        #expect(outside.findings.first?.isPublic == false)
    }

    // A service principal acting for the zone's account (aws:SourceAccount, aws:SourceArn) is trusted;
    // without such a condition the service may act for any account.
    @Test func servicePrincipalsAreBoundBySourceAccountOrArn() throws {
        let open = try Self.report(
            #"{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::trail/*"}"#
        )
        #expect(open.findings.map(\.principal) == [["Service": "cloudtrail.amazonaws.com"]])
        let bound = try Self.report(
            #"{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::trail/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}"#
        )
        #expect(bound.findings.isEmpty)
        let arn = try Self.report(
            #"{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:111122223333:topic"}}}"#
        )
        #expect(arn.findings.isEmpty)
    }

    // A fixed VPC endpoint is a network of the account: no finding.
    @Test func aVPCEndpointIsInTheZone() throws {
        let report = try Self.report(
            #"{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}"#
        )
        #expect(report.findings.isEmpty)
    }

    /// Federated principals of a trust policy are findings (seed 001's SAML provider).
    @Test func aSAMLProviderIsAFederatedFinding() throws {
        let report = try Self.report(
            #"{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/idp"}, "Action": "sts:AssumeRoleWithSAML", "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}"#,
            kind: .trust)
        #expect(report.findings.map(\.principal) == [["Federated": "arn:aws:iam::111122223333:saml-provider/idp"]])
        #expect(report.findings.first?.condition == ["SAML:aud": "https://signin.aws.amazon.com/saml"])
    }
}
