import KeywardPolicy

/// Policy variables: substitution, defaults, escapes, missing and multivalued keys, versions.
enum VariableCases {
    static let page = "IAM User Guide, IAM policy elements: Variables and tags"
    static let ownHome = "\"arn:aws:s3:::home/${aws:username}/*\""
    static let abac = "{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}"

    static let all: [ConformanceCase] = [
        ConformanceCase(
            name: "username variable matches own prefix",
            rule: "\(page): ${aws:username} is replaced by the caller's user name",
            identity: [P.policy(P.allow("\"s3:GetObject\"", ownHome))], action: "s3:GetObject",
            resource: "arn:aws:s3:::home/alice/notes.txt", expected: .allowed),
        ConformanceCase(
            name: "username variable rejects other users",
            rule: "\(page): the substituted value is compared as written",
            identity: [P.policy(P.allow("\"s3:GetObject\"", ownHome))], action: "s3:GetObject",
            resource: "arn:aws:s3:::home/bob/notes.txt", expected: .implicitDeny),
        ConformanceCase(
            name: "missing variable key makes the resource unmatched",
            rule: "\(page), Policy variables with no value: a resource naming an absent key matches nothing",
            identity: [P.policy(P.allow("\"s3:GetObject\"", ownHome))], action: "s3:GetObject",
            resource: "arn:aws:s3:::home/alice/notes.txt", principal: PolicyTesting.session, expected: .implicitDeny),
        ConformanceCase(
            name: "2008-10-17 treats variables as text",
            rule: "\(page): variables need Version 2012-10-17; earlier versions read ${...} literally",
            identity: ["{\"Version\":\"2008-10-17\",\"Statement\":[\(P.allow("\"s3:GetObject\"", ownHome))]}"],
            action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/notes.txt", expected: .implicitDeny),
        ConformanceCase(
            name: "2008-10-17 matches the literal text",
            rule: "\(page): without 2012-10-17, ${aws:username} is plain text",
            identity: ["{\"Version\":\"2008-10-17\",\"Statement\":[\(P.allow("\"s3:GetObject\"", ownHome))]}"],
            action: "s3:GetObject", resource: "arn:aws:s3:::home/${aws:username}/notes.txt", expected: .allowed),
        ConformanceCase(
            name: "missing Version means 2008-10-17",
            rule: "IAM User Guide, IAM JSON policy elements: Version — without it, 2008-10-17 applies",
            identity: ["{\"Statement\":[\(P.allow("\"s3:GetObject\"", ownHome))]}"],
            action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/notes.txt", expected: .implicitDeny),
        ConformanceCase(
            name: "default value used when key absent", rule: "\(page), Specifying default values: ${key, 'default'}",
            identity: [
                P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::teams/${aws:PrincipalTag/team, 'shared'}/*\""))
            ],
            action: "s3:GetObject", resource: "arn:aws:s3:::teams/shared/a", expected: .allowed),
        ConformanceCase(
            name: "default ignored when key present", rule: "\(page), Specifying default values: the key's value wins",
            identity: [
                P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::teams/${aws:PrincipalTag/team, 'shared'}/*\""))
            ],
            action: "s3:GetObject", resource: "arn:aws:s3:::teams/shared/a",
            context: ["aws:PrincipalTag/team": ["red"]],
            expected: .implicitDeny),
        ConformanceCase(
            name: "${*} is a literal asterisk", rule: "\(page), Special characters: ${*} stands for a literal *",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/${*}\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::bucket/report", expected: .implicitDeny),
        ConformanceCase(
            name: "${*} matches a real asterisk", rule: "\(page), Special characters: ${*} stands for a literal *",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/${*}\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::bucket/*", expected: .allowed),
        ConformanceCase(
            name: "${?} is a literal question mark", rule: "\(page), Special characters: ${?} stands for a literal ?",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/a${?}\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::bucket/ab", expected: .implicitDeny),
        ConformanceCase(
            name: "${$} is a literal dollar", rule: "\(page), Special characters: ${$} stands for a literal $",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/${$}{x}\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::bucket/${x}", expected: .allowed),
        ConformanceCase(
            name: "substituted star is not a wildcard",
            rule: "\(page): a variable's value is literal text, even * or ?",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::teams/${aws:PrincipalTag/team}/*\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::teams/red/a", context: ["aws:PrincipalTag/team": ["*"]],
            expected: .implicitDeny),
        ConformanceCase(
            name: "multivalued key cannot be a variable",
            rule:
                "IAM User Guide, Single-valued vs. multivalued context keys: multivalued keys are not usable as variables",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::teams/${aws:PrincipalTag/team}/*\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::teams/red/a",
            context: ["aws:PrincipalTag/team": ["red", "blue"]],
            expected: .implicitDeny),
        ConformanceCase(
            name: "variable key is case-insensitive",
            rule: "\(page): condition key names in variables are not case-sensitive",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::home/${AWS:UserName}/*\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/x", expected: .allowed),
        ConformanceCase(
            name: "ABAC tag match", rule: "\(page), Tags as policy variables: ${aws:PrincipalTag/team} in a condition",
            identity: [P.policy(P.allow("\"ec2:StartInstances\"", condition: abac))], action: "ec2:StartInstances",
            context: ["aws:PrincipalTag/team": ["red"], "aws:ResourceTag/team": ["red"]], expected: .allowed),
        ConformanceCase(
            name: "ABAC tag mismatch", rule: "\(page), Tags as policy variables: values must be equal",
            identity: [P.policy(P.allow("\"ec2:StartInstances\"", condition: abac))], action: "ec2:StartInstances",
            context: ["aws:PrincipalTag/team": ["red"], "aws:ResourceTag/team": ["blue"]], expected: .implicitDeny),
        ConformanceCase(
            name: "ABAC without principal tag",
            rule: "\(page), Policy variables with no value: there is no equal value",
            identity: [P.policy(P.allow("\"ec2:StartInstances\"", condition: abac))], action: "ec2:StartInstances",
            context: ["aws:ResourceTag/team": ["red"]], expected: .implicitDeny),
        ConformanceCase(
            name: "negated operator with unresolved variable",
            rule: "\(page), Policy variables with no value: StringNotEquals is true",
            identity: [P.allowIf("{\"StringNotEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}")],
            action: "ec2:StartInstances", context: ["aws:ResourceTag/team": ["red"]], expected: .allowed),
        ConformanceCase(
            name: "variable inside StringLike", rule: "\(page): variables combine with StringLike wildcards",
            identity: [P.allowIf("{\"StringLike\":{\"s3:prefix\":\"home/${aws:username}/*\"}}")],
            action: "s3:ListBucket",
            context: ["s3:prefix": ["home/alice/docs/"]], expected: .allowed),
        ConformanceCase(
            name: "variable with IgnoreCase operator",
            rule:
                "IAM User Guide, Condition operators: StringEqualsIgnoreCase ignores case of the substituted value too",
            identity: [P.allowIf("{\"StringEqualsIgnoreCase\":{\"aws:ResourceTag/owner\":\"${aws:username}\"}}")],
            action: "ec2:StopInstances", context: ["aws:ResourceTag/owner": ["ALICE"]], expected: .allowed),
        ConformanceCase(
            name: "variable inside ArnLike", rule: "\(page): variables can be used with ARN operators",
            identity: [P.allowIf("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:iam::*:user/${aws:username}\"}}")],
            action: "sns:Publish", context: ["aws:SourceArn": ["arn:aws:iam::111122223333:user/alice"]],
            expected: .allowed),
        ConformanceCase(
            name: "escaped quote in default value",
            rule: "\(page), Specifying default values: '' is a quote inside the default",
            identity: [P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::b/${aws:PrincipalTag/x, 'it''s'}\""))],
            action: "s3:GetObject", resource: "arn:aws:s3:::b/it's", expected: .allowed),
    ]
}
