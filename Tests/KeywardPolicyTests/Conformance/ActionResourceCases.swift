import KeywardPolicy

/// Action, NotAction, Resource and NotResource matching.
enum ActionResourceCases {
    static let action = "IAM User Guide, IAM JSON policy elements: Action"
    static let notAction = "IAM User Guide, IAM JSON policy elements: NotAction"
    static let resource = "IAM User Guide, IAM JSON policy elements: Resource"
    static let notResource = "IAM User Guide, IAM JSON policy elements: NotResource"
    static let bucket = "arn:aws:s3:::reports/2024/q1.csv"

    static let all: [ConformanceCase] = [
        ConformanceCase(
            name: "action exact match", rule: "\(action): the statement applies to the listed action",
            identity: [P.policy(P.allow("\"s3:GetObject\""))], action: "s3:GetObject", expected: .allowed),
        ConformanceCase(
            name: "action names are case-insensitive", rule: "\(action): action names are not case-sensitive",
            identity: [P.policy(P.allow("\"s3:getobject\""))], action: "S3:GETOBJECT", expected: .allowed),
        ConformanceCase(
            name: "action multi-character wildcard", rule: "\(action): * matches any characters in the action name",
            identity: [P.policy(P.allow("\"s3:Get*\""))], action: "s3:GetObjectTagging", expected: .allowed),
        ConformanceCase(
            name: "action single-character wildcard", rule: "\(action): ? matches one character",
            identity: [P.policy(P.allow("\"s3:Get?bject\""))], action: "s3:GetObject", expected: .allowed),
        ConformanceCase(
            name: "action ? does not match two characters", rule: "\(action): ? matches exactly one character",
            identity: [P.policy(P.allow("\"s3:Get?ject\""))], action: "s3:GetObject", expected: .implicitDeny),
        ConformanceCase(
            name: "action star matches every action",
            rule: "\(action): \"*\" alone matches all actions of all services",
            identity: [P.policy(P.allow("\"*\""))], action: "dynamodb:DeleteTable", expected: .allowed),
        ConformanceCase(
            name: "service wildcard stays in its service",
            rule: "\(action): the service prefix is compared before the colon",
            identity: [P.policy(P.allow("\"s3:*\""))], action: "s3express:CreateSession", expected: .implicitDeny),
        ConformanceCase(
            name: "wildcard in service prefix", rule: "\(action): wildcards may appear in the service prefix",
            identity: [P.policy(P.allow("\"s*:ListBucket\""))], action: "s3:ListBucket", expected: .allowed),
        ConformanceCase(
            name: "unlisted action is implicitly denied",
            rule: "\(action): a statement covers only its actions; default deny",
            identity: [P.policy(P.allow("\"s3:GetObject\""))], action: "s3:PutObject", expected: .implicitDeny),
        ConformanceCase(
            name: "action array: any element matches", rule: "\(action): an array of actions matches any of them",
            identity: [P.policy(P.allow("[\"ec2:StartInstances\",\"ec2:StopInstances\"]"))],
            action: "ec2:StopInstances", expected: .allowed),
        ConformanceCase(
            name: "NotAction allow covers other actions",
            rule: "\(notAction): applies to every action except those listed",
            identity: [P.policy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}")],
            action: "s3:ListBucket", expected: .allowed),
        ConformanceCase(
            name: "NotAction allow excludes listed actions", rule: "\(notAction): listed actions are not allowed by it",
            identity: [P.policy("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}")],
            action: "iam:CreateUser", expected: .implicitDeny),
        ConformanceCase(
            name: "NotAction deny spares listed actions",
            rule: "\(notAction): with Deny, everything but the list is denied",
            identity: [
                P.policy(
                    P.allow(), "{\"Effect\":\"Deny\",\"NotAction\":[\"iam:ChangePassword\"],\"Resource\":\"*\"}")
            ], action: "iam:ChangePassword", expected: .allowed),
        ConformanceCase(
            name: "NotAction deny denies the rest", rule: "\(notAction): with Deny, everything but the list is denied",
            identity: [
                P.policy(
                    P.allow(), "{\"Effect\":\"Deny\",\"NotAction\":[\"iam:ChangePassword\"],\"Resource\":\"*\"}")
            ], action: "s3:GetObject", expected: .explicitDeny),
        ConformanceCase(
            name: "NotAction is case-insensitive", rule: "\(notAction): action names are not case-sensitive",
            identity: [P.policy("{\"Effect\":\"Allow\",\"NotAction\":\"IAM:*\",\"Resource\":\"*\"}")],
            action: "iam:ListUsers", expected: .implicitDeny),
        ConformanceCase(
            name: "resource exact ARN", rule: "\(resource): the statement covers the named resource",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"\(bucket)\""))], action: "s3:GetObject",
            resource: bucket, expected: .allowed),
        ConformanceCase(
            name: "resource wildcard spans slashes",
            rule: "\(resource): * in the resource part matches any characters, / included",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::reports/*\""))], action: "s3:GetObject",
            resource: bucket, expected: .allowed),
        ConformanceCase(
            name: "ARNs are case-sensitive", rule: "\(resource): ARN matching is case-sensitive",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::Reports/*\""))], action: "s3:GetObject",
            resource: bucket, expected: .implicitDeny),
        ConformanceCase(
            name: "wildcard region segment", rule: "\(resource): each ARN segment may hold wildcards",
            identity: [P.policy(P.allow("\"ec2:StartInstances\"", "\"arn:aws:ec2:*:111122223333:instance/*\""))],
            action: "ec2:StartInstances", resource: "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc",
            expected: .allowed),
        ConformanceCase(
            name: "segment wildcard prefix", rule: "\(resource): segments are matched one by one",
            identity: [P.policy(P.allow("\"ec2:StartInstances\"", "\"arn:aws:ec2:us-*:111122223333:instance/*\""))],
            action: "ec2:StartInstances", resource: "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc",
            expected: .implicitDeny),
        ConformanceCase(
            name: "wildcard inside the account segment", rule: "\(resource): each ARN segment may hold wildcards",
            identity: [P.policy(P.allow("\"iam:GetUser\"", "\"arn:aws:iam::1111*:user/alice\""))],
            action: "iam:GetUser", resource: "arn:aws:iam::111122223333:user/alice", expected: .allowed),
        ConformanceCase(
            name: "segment wildcard does not cross a colon",
            rule: "\(resource): a wildcard in one segment cannot consume the next",
            identity: [P.policy(P.allow("\"ec2:StartInstances\"", "\"arn:aws:ec2:eu*:instance/i-1\""))],
            action: "ec2:StartInstances", resource: "arn:aws:ec2:eu-west-1:111122223333:instance/i-1",
            expected: .implicitDeny),
        ConformanceCase(
            name: "account segment must match", rule: "\(resource): the account segment is compared exactly",
            identity: [P.policy(P.allow("\"iam:GetUser\"", "\"arn:aws:iam::444455556666:user/alice\""))],
            action: "iam:GetUser", resource: "arn:aws:iam::111122223333:user/alice", expected: .implicitDeny),
        ConformanceCase(
            name: "? in ARN", rule: "\(resource): ? matches one character in an ARN segment",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::reports/202?/*\""))],
            action: "s3:GetObject", resource: bucket, expected: .allowed),
        ConformanceCase(
            name: "star segment matches empty segment", rule: "\(resource): * matches an empty region or account",
            identity: [P.policy(P.allow("\"s3:ListBucket\"", "\"arn:aws:s3:*:*:reports\""))],
            action: "s3:ListBucket", resource: "arn:aws:s3:::reports", expected: .allowed),
        ConformanceCase(
            name: "resource part keeps its colons", rule: "\(resource): the resource segment may itself contain colons",
            identity: [
                P.policy(P.allow("\"logs:PutLogEvents\"", "\"arn:aws:logs:*:111122223333:log-group:/app/*:*\""))
            ],
            action: "logs:PutLogEvents",
            resource: "arn:aws:logs:eu-west-1:111122223333:log-group:/app/api:log-stream:x",
            expected: .allowed),
        ConformanceCase(
            name: "resource star with unspecified resource",
            rule: "\(resource): \"*\" covers actions without resource-level permissions",
            identity: [P.policy(P.allow("\"ec2:DescribeInstances\""))], action: "ec2:DescribeInstances",
            expected: .allowed),
        ConformanceCase(
            name: "specific ARN does not cover *",
            rule: "\(resource): a request on * matches only a * resource pattern",
            identity: [P.policy(P.allow("\"ec2:DescribeInstances\"", "\"arn:aws:ec2:*:*:instance/*\""))],
            action: "ec2:DescribeInstances", expected: .implicitDeny),
        ConformanceCase(
            name: "resource array", rule: "\(resource): an array of resources matches any of them",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "[\"arn:aws:s3:::other/*\",\"arn:aws:s3:::reports/*\"]"))],
            action: "s3:GetObject", resource: bucket, expected: .allowed),
        ConformanceCase(
            name: "NotResource allow covers other resources",
            rule: "\(notResource): applies to every resource except those listed",
            identity: [
                P.policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::secret/*\"}")
            ],
            action: "s3:GetObject", resource: bucket, expected: .allowed),
        ConformanceCase(
            name: "NotResource allow excludes listed", rule: "\(notResource): listed resources are not covered",
            identity: [
                P.policy("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::secret/*\"}")
            ],
            action: "s3:GetObject", resource: "arn:aws:s3:::secret/key", expected: .implicitDeny),
        ConformanceCase(
            name: "NotResource deny", rule: "\(notResource): with Deny, every resource but the list is denied",
            identity: [
                P.policy(
                    P.allow(), "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::reports/*\"}")
            ], action: "s3:GetObject", resource: "arn:aws:s3:::other/x", expected: .explicitDeny),
        ConformanceCase(
            name: "statement as an object",
            rule: "IAM User Guide, IAM JSON policy elements: Statement — a single statement may be an object",
            identity: [
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}"
            ],
            action: "s3:GetObject", expected: .allowed),
    ]
}
