import KeywardPolicy
import Testing

/// The check reference's "Pass role with ..." security warnings and "Create SLR with ..." general warnings:
/// how the action is reached (named, wildcard, NotAction) crossed with `Resource: "*"` or `NotResource`.
@Suite struct RoleCheckTests {
    static func codes(_ statement: String) -> [IssueCode] {
        PolicyValidator.validate(
            "{\"Version\":\"2012-10-17\",\"Statement\":[\(statement)]}", source: "p.json", kind: .identity
        ).map(\.issueCode).filter { $0 != .redundantAction }
    }

    @Test(arguments: [
        ("\"Action\":\"iam:PassRole\",\"Resource\":\"*\"", [IssueCode.passRoleWithStarInResource]),
        (
            "\"Action\":\"iam:PassRole\",\"NotResource\":\"arn:aws:iam::111122223333:role/x\"",
            [.passRoleWithNotResource]
        ),
        ("\"Action\":\"iam:Pass*\",\"Resource\":\"*\"", [.passRoleWithStarInActionAndResource]),
        (
            "\"Action\":\"iam:*\",\"NotResource\":\"arn:aws:iam::111122223333:role/x\"",
            [.passRoleWithStarInActionAndNotResource, .createSLRWithStarInActionAndNotResource]
        ),
        (
            "\"NotAction\":\"s3:*\",\"Resource\":\"*\"",
            [.passRoleWithStarInResourceAndNotAction, .createSLRWithStarResourceAndNotAction]
        ),
        (
            "\"NotAction\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::b\"",
            [.passRoleWithNotActionAndNotResource, .createSLRWithNotActionAndNotResource]
        ),
        (
            "\"Action\":\"*\",\"Resource\":\"*\"",
            [.passRoleWithStarInActionAndResource, .createSLRWithStarInActionAndResource]
        ),
        ("\"Action\":\"iam:CreateServiceLinkedRole\",\"Resource\":\"*\"", [.createSLRWithStarInResource]),
        (
            "\"Action\":\"iam:CreateServiceLinkedRole\",\"NotResource\":\"arn:aws:iam::111122223333:role/x\"",
            [.createSLRWithNotResource]
        ),
    ])
    func reported(_ body: String, expected: [IssueCode]) {
        #expect(Self.codes("{\"Effect\":\"Allow\",\(body)}") == expected)
    }

    @Test func cleanStatements() {
        #expect(
            Self.codes(
                "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::111122223333:role/app\"}"
            ) == [])
        #expect(Self.codes("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}") == [])
        #expect(Self.codes("{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}") == [])
        #expect(PolicyValidator.validate(P.policy(P.allow("\"s3:*\"")), source: "p.json", kind: .identity) == [])
        #expect(
            IssueCode.passRoleWithStarInActionAndResource.learnMoreLink
                == "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-action-and-resource"
        )
    }
}
