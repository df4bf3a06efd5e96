import KeywardPolicy

/// String operators, IfExists, and how values, keys and operators combine.
enum StringConditionCases {
    static let operators = "IAM User Guide, IAM JSON policy elements: Condition operators"
    static let logic = "IAM User Guide, Creating a condition with multiple keys or values"

    static func strings(
        _ name: String, _ condition: String, _ context: [String: [String]], _ expected: DecisionKind, rule: String
    )
        -> ConformanceCase
    {
        ConformanceCase(
            name: name, rule: rule, identity: [P.allowIf(condition)], action: "s3:GetObject", context: context,
            expected: expected)
    }

    static let all: [ConformanceCase] = [
        strings(
            "StringEquals match", "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}",
            ["aws:RequestedRegion": ["eu-west-1"]], .allowed,
            rule: "\(operators), String: StringEquals is an exact match"),
        strings(
            "StringEquals mismatch", "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}",
            ["aws:RequestedRegion": ["us-east-1"]], .implicitDeny,
            rule: "\(operators), String: StringEquals is an exact match"),
        strings(
            "StringEquals is case-sensitive", "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"Red\"}}",
            ["aws:PrincipalTag/team": ["red"]], .implicitDeny,
            rule: "\(operators), String: StringEquals is case-sensitive"),
        strings(
            "StringEquals absent key", "{\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}", [:], .implicitDeny,
            rule: "\(operators): a key absent from the request context makes the condition false"),
        strings(
            "StringEquals has no wildcards", "{\"StringEquals\":{\"s3:prefix\":\"home/*\"}}", ["s3:prefix": ["home/a"]],
            .implicitDeny, rule: "\(operators), String: only StringLike interprets * and ?"),
        strings(
            "StringNotEquals match", "{\"StringNotEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}",
            ["aws:RequestedRegion": ["eu-west-1"]], .allowed,
            rule: "\(operators), String: StringNotEquals is negated matching"),
        strings(
            "StringNotEquals equal value", "{\"StringNotEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}",
            ["aws:RequestedRegion": ["us-east-1"]], .implicitDeny,
            rule: "\(operators), String: StringNotEquals is negated matching"),
        strings(
            "StringNotEquals absent key is true", "{\"StringNotEquals\":{\"aws:RequestedRegion\":\"us-east-1\"}}", [:],
            .allowed,
            rule: "\(operators): a negated operator is true when the key is absent"),
        strings(
            "StringEqualsIgnoreCase", "{\"StringEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"RED\"}}",
            ["aws:PrincipalTag/team": ["red"]], .allowed,
            rule: "\(operators), String: StringEqualsIgnoreCase ignores case"),
        strings(
            "StringNotEqualsIgnoreCase", "{\"StringNotEqualsIgnoreCase\":{\"aws:PrincipalTag/team\":\"RED\"}}",
            ["aws:PrincipalTag/team": ["Red"]], .implicitDeny, rule: "\(operators), String: negated, ignoring case"),
        strings(
            "StringLike star", "{\"StringLike\":{\"s3:prefix\":\"home/*\"}}", ["s3:prefix": ["home/alice/x"]], .allowed,
            rule: "\(operators), String: StringLike takes * anywhere"),
        strings(
            "StringLike question mark", "{\"StringLike\":{\"aws:PrincipalTag/code\":\"a?c\"}}",
            ["aws:PrincipalTag/code": ["abc"]], .allowed,
            rule: "\(operators), String: StringLike takes ? for one character"),
        strings(
            "StringLike is case-sensitive", "{\"StringLike\":{\"s3:prefix\":\"Home/*\"}}", ["s3:prefix": ["home/x"]],
            .implicitDeny, rule: "\(operators), String: StringLike is case-sensitive"),
        strings(
            "StringNotLike", "{\"StringNotLike\":{\"s3:prefix\":\"secret/*\"}}", ["s3:prefix": ["secret/x"]],
            .implicitDeny,
            rule: "\(operators), String: StringNotLike is negated StringLike"),
        strings(
            "StringNotLike absent key", "{\"StringNotLike\":{\"s3:prefix\":\"secret/*\"}}", [:], .allowed,
            rule: "\(operators): StringNotLike is true when the key is absent"),
        strings(
            "values are ORed", "{\"StringEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}",
            ["aws:RequestedRegion": ["eu-central-1"]], .allowed,
            rule: "\(logic): values of one key are evaluated with OR"),
        strings(
            "negated values are NORed",
            "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}",
            ["aws:RequestedRegion": ["eu-central-1"]], .implicitDeny,
            rule: "\(logic): a negated operator with several values is true only if none matches"),
        strings(
            "negated values NOR true",
            "{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"eu-central-1\"]}}",
            ["aws:RequestedRegion": ["us-east-1"]], .allowed, rule: "\(logic): negated operator, no value matches"),
        strings(
            "keys are ANDed",
            "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\",\"aws:PrincipalTag/team\":\"red\"}}",
            ["aws:RequestedRegion": ["eu-west-1"], "aws:PrincipalTag/team": ["blue"]], .implicitDeny,
            rule: "\(logic): several keys are evaluated with AND"),
        strings(
            "keys are ANDed, all true",
            "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\",\"aws:PrincipalTag/team\":\"red\"}}",
            ["aws:RequestedRegion": ["eu-west-1"], "aws:PrincipalTag/team": ["red"]], .allowed,
            rule: "\(logic): several keys are evaluated with AND"),
        strings(
            "operators are ANDed",
            "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"},\"StringLike\":{\"s3:prefix\":\"pub/*\"}}",
            ["aws:RequestedRegion": ["eu-west-1"], "s3:prefix": ["priv/x"]], .implicitDeny,
            rule: "\(logic): several operators in one Condition are evaluated with AND"),
        strings(
            "condition key names are case-insensitive", "{\"StringEquals\":{\"AWS:requestedregion\":\"eu-west-1\"}}",
            ["aws:RequestedRegion": ["eu-west-1"]], .allowed,
            rule: "IAM User Guide, IAM JSON policy elements: Condition — key names are not case-sensitive"),
        strings(
            "request key case does not matter", "{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}",
            ["AWS:REQUESTEDREGION": ["eu-west-1"]], .allowed,
            rule: "IAM User Guide, IAM JSON policy elements: Condition — key names are not case-sensitive"),
        strings(
            "IfExists with absent key", "{\"StringEqualsIfExists\":{\"ec2:InstanceType\":\"t3.micro\"}}", [:], .allowed,
            rule: "\(operators), ...IfExists: true when the key is not present"),
        strings(
            "IfExists with present key", "{\"StringEqualsIfExists\":{\"ec2:InstanceType\":\"t3.micro\"}}",
            ["ec2:InstanceType": ["m5.large"]], .implicitDeny,
            rule: "\(operators), ...IfExists: evaluated normally when present"),
        strings(
            "StringNotLikeIfExists", "{\"StringNotLikeIfExists\":{\"s3:prefix\":\"secret/*\"}}",
            ["s3:prefix": ["pub/x"]],
            .allowed, rule: "\(operators), ...IfExists: negated operator when present"),
        strings(
            "JSON number value compared as text", "{\"StringEquals\":{\"aws:PrincipalTag/level\":5}}",
            ["aws:PrincipalTag/level": ["5"]], .allowed,
            rule: "IAM User Guide, Grammar of the IAM JSON policy language: condition values may be numbers"),
        strings(
            "JSON boolean value compared as text", "{\"StringEquals\":{\"aws:PrincipalTag/admin\":true}}",
            ["aws:PrincipalTag/admin": ["true"]], .allowed,
            rule: "IAM User Guide, Grammar of the IAM JSON policy language: condition values may be booleans"),
        strings(
            "empty string value", "{\"StringEquals\":{\"aws:PrincipalTag/empty\":\"\"}}",
            ["aws:PrincipalTag/empty": [""]],
            .allowed, rule: "\(operators), String: an empty string equals an empty value"),
    ]
}
