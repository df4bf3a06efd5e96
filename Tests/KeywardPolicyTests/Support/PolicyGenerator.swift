import KeywardTestSupport

/// Random policies and requests over a small vocabulary, so statements often apply.
struct PolicyGenerator {
    var random: SeededRandom

    static let actions = [
        "s3:GetObject", "s3:PutObject", "s3:ListBucket", "ec2:StartInstances", "iam:GetUser", "sts:AssumeRole",
    ]
    static let actionPatterns = [
        "s3:*", "s3:Get*", "*", "ec2:*Instances", "iam:GetUser", "sts:AssumeRole", "s3:?utObject", "S3:LISTBUCKET",
    ]
    static let resources = [
        "arn:aws:s3:::b/a", "arn:aws:s3:::b/secret/x", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", "*",
        "arn:aws:iam::111122223333:user/alice",
    ]
    static let resourcePatterns = [
        "*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/secret/*", "arn:aws:ec2:*:111122223333:instance/*",
        "arn:aws:iam::*:user/${aws:username}",
    ]
    static let conditions = [
        "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}",
        "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}",
        "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}",
        "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\"]}}",
        "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}",
        "{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}",
        "{\"ForAnyValue:StringLike\":{\"aws:TagKeys\":\"t*\"}}",
        "{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}",
        "{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}",
    ]
    static let contexts: [[String: [String]]] = [
        [:],
        ["aws:MultiFactorAuthPresent": ["true"], "aws:MultiFactorAuthAge": ["100"]],
        ["aws:MultiFactorAuthPresent": ["false"], "aws:PrincipalTag/team": ["red"], "aws:ResourceTag/team": ["red"]],
        ["aws:RequestedRegion": ["us-east-1"], "aws:SourceIp": ["10.1.2.3"], "aws:TagKeys": ["team", "env"]],
        [
            "aws:PrincipalTag/team": ["blue"], "aws:ResourceTag/team": ["red"],
            "aws:TokenIssueTime": ["2026-01-01T00:00:00Z"],
        ],
    ]

    mutating func statement(effect: String? = nil) -> String {
        let chosenEffect = effect ?? (random.chance(70) ? "Allow" : "Deny")
        let actionKey = random.chance(15) ? "NotAction" : "Action"
        let resourceKey = random.chance(10) ? "NotResource" : "Resource"
        var body =
            "{\"Effect\":\"\(chosenEffect)\",\"\(actionKey)\":[\"\(random.pick(Self.actionPatterns))\",\"\(random.pick(Self.actionPatterns))\"]"
        body += ",\"\(resourceKey)\":\"\(random.pick(Self.resourcePatterns))\""
        if random.chance(50) {
            body += ",\"Condition\":\(random.pick(Self.conditions))"
        }
        return body + "}"
    }

    mutating func statements(_ count: Int) -> [String] {
        (0..<count).map { _ in statement() }
    }

    static func policy(_ statements: [String]) -> String {
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.joined(separator: ",") + "]}"
    }

    mutating func request() -> (action: String, resource: String, context: [String: [String]]) {
        (random.pick(Self.actions), random.pick(Self.resources), random.pick(Self.contexts))
    }
}
