import Foundation
import KeywardPolicy
import Testing

@testable import KeywardAnalysis

/// The seeds' trust and identity policies (/work/shared/seeds), through every check.
@Suite struct SeedPolicyTests {
    // Seed 000: "here I'm letting tom and tim assume the role".
    static let timAndTom = """
        {"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow",
         "Principal": {"AWS": ["arn:aws:iam::448613307115:user/tim", "arn:aws:iam::448613307115:user/tom"]},
         "Action": "sts:AssumeRole"}]}
        """
    // Seed 001: the Developer role trusts the master account's root, then "further protected by enforcing MFA".
    static let root = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"}]}
        """
    static let rootWithMFA = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole",
         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
        """
    // Seed 002: the ops team's policy allowing only the pseudo-sudo role.
    static let opsSudo = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"],
         "Resource": ["arn:aws:iam::123456789012:role/OpsSudo"]}]}
        """
    // Seed 004: the user may assume the admin role only with MFA present.
    static let admin = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sts:AssumeRole"],
         "Resource": ["arn:aws:iam::123456789012:role/admin"],
         "Condition": {"Bool": {"aws:MultiFactorAuthPresent": true}}}]}
        """

    static func trust(_ json: String, _ name: String) throws -> PolicyDocument {
        try AnalysisTesting.document(json, name, kind: .trust)
    }

    @Test func timAndTomAreTheOnlyCallers() throws {
        let policy = try Self.trust(Self.timAndTom, "000-trust.json")
        try AnalysisTesting.expectAllowedCounterexample(
            AnalysisTesting.checks.checkNoPublicAccess(policy), policy, .pass)
        // From the role's own account they are trusted: no finding.
        let inside = ExternalAccessAnalyzer(catalog: AnalysisTesting.catalog)
            .findings(for: policy, zone: ZoneOfTrust(account: "448613307115"))
        #expect(inside.unknown == nil)
        #expect(inside.findings.isEmpty)
        // For a role in another account, each of them is an external principal, not public.
        let outside = ExternalAccessAnalyzer(catalog: AnalysisTesting.catalog)
            .findings(for: policy, zone: ZoneOfTrust(account: "222233334444"))
        #expect(
            Set(outside.findings.map(\.principal)) == [
                ["AWS": "arn:aws:iam::448613307115:user/tim"], ["AWS": "arn:aws:iam::448613307115:user/tom"],
            ])
        #expect(outside.findings.allSatisfy { !$0.isPublic && $0.action == ["sts:AssumeRole"] })
        let tom = try AnalysisTesting.document(
            Self.timAndTom.replacingOccurrences(of: "\"arn:aws:iam::448613307115:user/tim\", ", with: ""),
            "tom-only.json", kind: .trust)
        try AnalysisTesting.expectNoNewAccess(existing: policy, new: tom, .pass)
        let result = try AnalysisTesting.expectNoNewAccess(existing: tom, new: policy, .fail)
        #expect(result.counterexample?.principal == "arn:aws:iam::448613307115:user/tim")
    }

    @Test func droppingMFAFromTheRootTrustIsNewAccess() throws {
        let plain = try Self.trust(Self.root, "001-root.json")
        let mfa = try Self.trust(Self.rootWithMFA, "001-root-mfa.json")
        let result = try AnalysisTesting.expectNoNewAccess(existing: mfa, new: plain, .fail)
        #expect(result.counterexample?.context["aws:MultiFactorAuthPresent"] != ["true"])
        try AnalysisTesting.expectNoNewAccess(existing: plain, new: mfa, .pass)
        // Any caller of account 111111111111 is external to the role's account, never public.
        let report = ExternalAccessAnalyzer(catalog: AnalysisTesting.catalog)
            .findings(for: mfa, zone: ZoneOfTrust(account: "999988887777"))
        #expect(report.findings.map(\.principal) == [["AWS": "111111111111"]])
        #expect(report.findings.first?.condition == ["aws:MultiFactorAuthPresent": "true"])
        #expect(report.findings.first?.isPublic == false)
        let trusted = ExternalAccessAnalyzer(catalog: AnalysisTesting.catalog)
            .findings(for: mfa, zone: ZoneOfTrust(account: "999988887777", trustedAccounts: ["111111111111"]))
        #expect(trusted.findings.isEmpty)
    }

    @Test func thePseudoSudoPolicyGrantsOnlyItsRole() throws {
        let policy = try AnalysisTesting.document(Self.opsSudo, "002-ops.json")
        let checks = AnalysisTesting.checks
        let assume = try AnalysisTesting.expectAllowedCounterexample(
            try checks.checkAccessNotGranted(policy, actions: ["sts:AssumeRole"]), policy, .fail)
        #expect(assume.counterexample?.resource == "arn:aws:iam::123456789012:role/OpsSudo")
        try AnalysisTesting.expectAllowedCounterexample(
            try checks.checkAccessNotGranted(
                policy, actions: ["sts:AssumeRole"], resources: ["arn:aws:iam::123456789012:role/Other"]), policy,
            .pass)
        try AnalysisTesting.expectAllowedCounterexample(
            try checks.checkAccessNotGranted(policy, actions: ["ec2:*", "iam:*"]), policy, .pass)
    }

    @Test func theAdminPolicyNeedsMFA() throws {
        let withMFA = try AnalysisTesting.document(Self.admin, "004-admin.json")
        let without = try AnalysisTesting.document(
            Self.admin.replacingOccurrences(
                of: ",\n \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": true}}", with: ""),
            "004-admin-no-mfa.json")
        #expect(without.statements[0].conditions.isEmpty)
        let result = try AnalysisTesting.expectNoNewAccess(existing: withMFA, new: without, .fail)
        #expect(result.counterexample?.action.lowercased() == "sts:assumerole")
        try AnalysisTesting.expectNoNewAccess(existing: without, new: withMFA, .pass)
        // The OpsSudo role of seed 002 is a different resource: neither grants the other's.
        let ops = try AnalysisTesting.document(Self.opsSudo, "002-ops.json")
        try AnalysisTesting.expectNoNewAccess(existing: withMFA, new: ops, .fail)
    }
}
