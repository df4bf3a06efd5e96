import KeywardCatalog
import KeywardPolicy
import Testing

/// Keyward's own security checks (parliament's and cloudsplaining's, issue 14), decided on expanded actions.
@Suite struct RiskCheckTests {
    typealias Found = CatalogCheckTests.Found

    static func found(_ json: String, kind: PolicyKind = .identity) throws -> [Found] {
        try CatalogCheckTests.found(json, kind: kind)
    }

    // Seed 004: "PutPolicy allows you to escalate privilege without limit".
    @Test func privilegeEscalationThroughWildcards() throws {
        let putPolicy = P.policy(P.allow("\"iam:Put*\"", "\"arn:aws:iam::111122223333:user/*\""))
        let found = try Self.found(putPolicy).filter { $0.code == .privilegeEscalation }
        #expect(found.count == 2)  // PutUserPolicy, PutGroupPolicy; PutRolePolicy needs sts:AssumeRole too.
        let messages = try CatalogCheckTests.findings(putPolicy).filter { $0.issueCode == .privilegeEscalation }
            .map(\.message)
        #expect(
            messages.contains("grants iam:PutUserPolicy (PutUserPolicy): a principal can grant itself more permissions")
        )
        let passRun = P.policy(
            P.allow("\"iam:PassRole\"", "\"arn:aws:iam::111122223333:role/app\""),
            P.allow("\"ec2:RunInstances\"", "\"*\""))
        #expect(try Self.found(passRun).filter { $0.code == .privilegeEscalation }.count == 1)
        let readOnly = P.policy(P.allow("[\"iam:Get*\",\"iam:List*\"]", "\"*\""))
        #expect(try Self.found(readOnly).filter { $0.code == .privilegeEscalation } == [])
        let denied = P.policy(P.allow("\"iam:*\"", "\"*\""), P.deny("\"iam:*\"", "\"*\""))
        #expect(try Self.found(denied).filter { $0.code == .privilegeEscalation } == [])
    }

    @Test func credentialsExposure() throws {
        let keys = P.policy(P.allow("[\"iam:CreateAccessKey\",\"sts:GetFederationToken\"]", "\"*\""))
        let findings = try CatalogCheckTests.findings(keys).filter { $0.issueCode == .credentialsExposure }
        #expect(
            findings.map(\.message) == ["grants iam:CreateAccessKey, sts:GetFederationToken, which returns credentials"]
        )
        #expect(try Self.found(P.policy(P.allow("\"iam:ListAccessKeys\"", "\"*\""))) == [])
    }

    @Test func dataExfiltrationOnEveryResource() throws {
        let secrets = P.policy(P.allow("\"secretsmanager:Get*\"", "\"*\""))
        #expect(try Self.found(secrets) == [Found(code: .dataExfiltration, path: "Statement[0].Action")])
        let scoped = P.policy(
            P.allow(
                "\"secretsmanager:GetSecretValue\"", "\"arn:aws:secretsmanager:us-east-1:111122223333:secret:app-*\""))
        #expect(try Self.found(scoped) == [])
    }

    @Test func allowWithNotActionOrNotResource() throws {
        let notAction =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"arn:aws:s3:::b\"}]}"
        #expect(try Self.found(notAction).map(\.code).contains(.allowWithNotAction))
        let notResource =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"NotResource\":\"arn:aws:s3:::secret/*\"}]}"
        #expect(try Self.found(notResource).map(\.code) == [.allowWithNotResource, .dataExfiltration])
        let denyNotAction =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}"
        #expect(try Self.found(denyNotAction) == [])
    }

    // Seeds 001 and 004: a role that trusts the whole account.
    @Test func trustOfAWholeAccount() throws {
        func trust(_ principal: String, condition: String? = nil) -> String {
            P.policy(
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"\(principal)\"},\"Action\":\"sts:AssumeRole\""
                    + (condition.map { ",\"Condition\":\($0)" } ?? "") + "}")
        }
        #expect(
            try Self.found(trust("arn:aws:iam::111122223333:root"), kind: .trust)
                == [Found(code: .trustWithoutMFAOrExternalID, path: "Statement[0].Principal")])
        #expect(
            try Self.found(trust("111122223333"), kind: .trust)
                == [Found(code: .trustWithoutMFAOrExternalID, path: "Statement[0].Principal")])
        let mfa = "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}"
        #expect(try Self.found(trust("arn:aws:iam::111122223333:root", condition: mfa), kind: .trust) == [])
        let externalID = "{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}"
        #expect(try Self.found(trust("arn:aws:iam::111122223333:root", condition: externalID), kind: .trust) == [])
        #expect(try Self.found(trust("arn:aws:iam::111122223333:role/ci"), kind: .trust) == [])
        let falseMFA = "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}"
        #expect(
            try Self.found(trust("111122223333", condition: falseMFA), kind: .trust).map(\.code)
                == [.trustWithoutMFAOrExternalID])
    }
}
