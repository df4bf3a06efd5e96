import KeywardPolicy

/// Principal and NotPrincipal in resource-based policies.
enum PrincipalCases {
    static let principal = "IAM User Guide, AWS JSON policy elements: Principal"
    static let notPrincipal = "IAM User Guide, AWS JSON policy elements: NotPrincipal"
    static let object = "arn:aws:s3:::shared/report.csv"

    /// A bucket policy with one statement.
    static func bucket(
        _ effect: String, _ principalElement: String, action: String = "\"s3:GetObject\"", condition: String? = nil
    )
        -> String
    {
        var body =
            "{\"Effect\":\"\(effect)\",\(principalElement),\"Action\":\(action),\"Resource\":\"arn:aws:s3:::shared/*\""
        if let condition { body += ",\"Condition\":\(condition)" }
        return P.policy(body + "}")
    }

    static func read(
        _ name: String, rule: String, resource policy: String, identity: [String] = [],
        principal: String? = PolicyTesting.alice,
        boundary: String? = nil, expected: DecisionKind
    ) -> ConformanceCase {
        ConformanceCase(
            name: name, rule: rule, identity: identity, resourcePolicy: policy, boundary: boundary,
            action: "s3:GetObject",
            resource: object, principal: principal, expected: expected)
    }

    static let all: [ConformanceCase] = [
        read(
            "Principal names the user", rule: "\(principal): an IAM user ARN",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"\(PolicyTesting.alice)\"}"), expected: .allowed),
        read(
            "Principal names another user", rule: "\(principal): only the named principals",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:user/carol\"}"),
            expected: .implicitDeny),
        read(
            "Principal array", rule: "\(principal): an array of principals",
            resource: bucket(
                "Allow", "\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:user/carol\",\"\(PolicyTesting.alice)\"]}"
            ), expected: .allowed),
        read(
            "Principal star", rule: "\(principal): \"*\" is everyone", resource: bucket("Allow", "\"Principal\":\"*\""),
            expected: .allowed),
        read(
            "Principal AWS star", rule: "\(principal): {\"AWS\": \"*\"} is every principal",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"*\"}"), expected: .allowed),
        read(
            "Principal star admits anonymous callers", rule: "\(principal): \"*\" includes anonymous users",
            resource: bucket("Allow", "\"Principal\":\"*\""), principal: "anonymous", expected: .allowed),
        read(
            "anonymous without a public policy",
            rule: "IAM User Guide, Policy evaluation logic: anonymous requests need a resource policy allow",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"\(PolicyTesting.alice)\"}"), principal: "anonymous",
            expected: .implicitDeny),
        read(
            "account principal delegates to identity policies",
            rule: "\(principal): naming an account delegates to the account's identity-based policies",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"111122223333\"}"), expected: .implicitDeny),
        read(
            "account principal with identity allow",
            rule: "\(principal): account principal plus an identity-based allow",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"}"),
            identity: [P.policy(P.allow("\"s3:GetObject\""))], expected: .allowed),
        read(
            "account ID and root ARN are the same principal",
            rule: "\(principal): \"123456789012\" equals arn:aws:iam::123456789012:root",
            resource: bucket("Deny", "\"Principal\":{\"AWS\":\"111122223333\"}"), identity: [P.policy(P.allow())],
            expected: .explicitDeny),
        read(
            "service principal", rule: "\(principal): AWS service principals",
            resource: bucket("Allow", "\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"}"),
            principal: "cloudtrail.amazonaws.com", expected: .allowed),
        read(
            "service principal mismatch", rule: "\(principal): only the named service",
            resource: bucket("Allow", "\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"}"),
            principal: "config.amazonaws.com", expected: .implicitDeny),
        read(
            "canonical user principal", rule: "\(principal): canonical user IDs",
            resource: bucket("Allow", "\"Principal\":{\"CanonicalUser\":\"\(String(repeating: "ab", count: 32))\"}"),
            principal: String(repeating: "ab", count: 32), expected: .allowed),
        read(
            "session ARN principal", rule: "\(principal): role session ARNs",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"\(PolicyTesting.session)\"}"),
            principal: PolicyTesting.session, expected: .allowed),
        read(
            "role ARN covers its sessions", rule: "\(principal): a role ARN applies to the role's sessions",
            resource: bucket("Allow", "\"Principal\":{\"AWS\":\"\(PolicyTesting.roleARN)\"}"),
            principal: PolicyTesting.session, expected: .allowed),
        read(
            "NotPrincipal allow admits others",
            rule: "\(notPrincipal): with Allow, every principal except those listed",
            resource: bucket("Allow", "\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::111122223333:user/carol\"}"),
            expected: .allowed),
        read(
            "NotPrincipal allow excludes the listed",
            rule: "\(notPrincipal): with Allow, the listed principals get nothing",
            resource: bucket("Allow", "\"NotPrincipal\":{\"AWS\":\"\(PolicyTesting.alice)\"}"), expected: .implicitDeny),
        read(
            "NotPrincipal deny denies others",
            rule: "\(notPrincipal): with Deny, every principal except those listed is denied",
            resource: bucket(
                "Deny", "\"NotPrincipal\":{\"AWS\":[\"arn:aws:iam::111122223333:user/carol\",\"111122223333\"]}"),
            identity: [P.policy(P.allow())], expected: .explicitDeny),
        read(
            "NotPrincipal deny exempts user and account",
            rule: "\(notPrincipal): with Deny, list the account as well as the user to exempt it",
            resource: bucket(
                "Deny", "\"NotPrincipal\":{\"AWS\":[\"\(PolicyTesting.alice)\",\"arn:aws:iam::111122223333:root\"]}"),
            identity: [P.policy(P.allow())], expected: .allowed),
        read(
            "NotPrincipal deny without the account",
            rule: "\(notPrincipal): with Deny, an exempted user whose account is not listed is still denied",
            resource: bucket("Deny", "\"NotPrincipal\":{\"AWS\":\"\(PolicyTesting.alice)\"}"),
            identity: [P.policy(P.allow())], expected: .explicitDeny),
        read(
            "NotPrincipal deny always hits bounded principals",
            rule:
                "IAM User Guide, Permissions boundaries for IAM entities: Deny with NotPrincipal always denies principals with a boundary",
            resource: bucket("Deny", "\"NotPrincipal\":{\"AWS\":[\"\(PolicyTesting.alice)\",\"111122223333\"]}"),
            identity: [P.policy(P.allow())], boundary: P.policy(P.allow()), expected: .explicitDeny),
        read(
            "resource policy deny beats identity allow",
            rule: "IAM User Guide, Policy evaluation logic: an explicit deny in any policy overrides allows",
            resource: bucket("Deny", "\"Principal\":\"*\""), identity: [P.policy(P.allow())], expected: .explicitDeny),
        read(
            "federated principal", rule: "\(principal): federated web identity providers",
            resource: P.policy(
                "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"accounts.google.com\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"
            ), principal: "accounts.google.com", expected: .allowed),
    ]
}
