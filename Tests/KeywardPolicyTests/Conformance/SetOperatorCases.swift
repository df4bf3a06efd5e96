import KeywardPolicy

/// ForAllValues / ForAnyValue and single-valued operators on multivalued keys.
enum SetOperatorCases {
    static let page = "IAM User Guide, Single-valued vs. multivalued context keys"

    static func set(
        _ name: String, _ condition: String, _ context: [String: [String]], _ expected: DecisionKind, rule: String
    )
        -> ConformanceCase
    {
        ConformanceCase(
            name: name, rule: rule, identity: [P.allowIf(condition)], action: "ec2:CreateTags", context: context,
            expected: expected)
    }

    static let tags = "aws:TagKeys"
    static let allowed = "[\"team\",\"env\",\"owner\"]"

    static let all: [ConformanceCase] = [
        set(
            "ForAllValues all in set", "{\"ForAllValues:StringEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["team", "env"]], .allowed, rule: "\(page), ForAllValues: every request value matches a policy value"
        ),
        set(
            "ForAllValues one outside", "{\"ForAllValues:StringEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["team", "cost"]], .implicitDeny, rule: "\(page), ForAllValues: one value outside the set fails"),
        set(
            "ForAllValues absent key is true", "{\"ForAllValues:StringEquals\":{\"\(tags)\":\(allowed)}}", [:],
            .allowed, rule: "\(page), ForAllValues: true when the key is absent"),
        set(
            "ForAllValues empty key is true", "{\"ForAllValues:StringEquals\":{\"\(tags)\":\(allowed)}}", [tags: []],
            .allowed, rule: "\(page), ForAllValues: true when the key has no values"),
        set(
            "ForAllValues with StringLike", "{\"ForAllValues:StringLike\":{\"\(tags)\":\"key*\"}}",
            [tags: ["key1", "key2"]], .allowed, rule: "\(page): set operators combine with StringLike"),
        set(
            "ForAllValues single value", "{\"ForAllValues:StringEquals\":{\"\(tags)\":\(allowed)}}", [tags: ["owner"]],
            .allowed, rule: "\(page), ForAllValues over one value"),
        set(
            "ForAnyValue one in set", "{\"ForAnyValue:StringEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["cost", "env"]], .allowed, rule: "\(page), ForAnyValue: at least one request value matches"),
        set(
            "ForAnyValue none in set", "{\"ForAnyValue:StringEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["cost", "size"]], .implicitDeny, rule: "\(page), ForAnyValue: no value matches"),
        set(
            "ForAnyValue absent key is false", "{\"ForAnyValue:StringEquals\":{\"\(tags)\":\(allowed)}}", [:],
            .implicitDeny, rule: "\(page), ForAnyValue: false when the key is absent"),
        set(
            "ForAnyValue:StringNotEquals", "{\"ForAnyValue:StringNotEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["team", "cost"]], .allowed,
            rule: "\(page): ForAnyValue with a negated operator — some value matches none"),
        set(
            "ForAnyValue:StringNotEquals all listed", "{\"ForAnyValue:StringNotEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["team", "env"]], .implicitDeny, rule: "\(page): ForAnyValue with a negated operator"),
        set(
            "ForAllValues:StringNotEquals", "{\"ForAllValues:StringNotEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["cost", "size"]], .allowed,
            rule: "\(page): ForAllValues with a negated operator — no value is listed"),
        set(
            "ForAllValues:StringNotEquals one listed", "{\"ForAllValues:StringNotEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["cost", "team"]], .implicitDeny, rule: "\(page): ForAllValues with a negated operator"),
        set(
            "single-valued operator on multivalued key", "{\"StringEquals\":{\"\(tags)\":\(allowed)}}",
            [tags: ["team", "env"]], .implicitDeny,
            rule: "\(page): multivalued keys require a set operator; without one the condition does not match"),
        set(
            "negated single-valued operator on multivalued key", "{\"StringNotEquals\":{\"\(tags)\":\"cost\"}}",
            [tags: ["team", "env"]], .implicitDeny,
            rule: "\(page): without a set operator a multivalued key does not match"),
        set(
            "single-valued operator on one value", "{\"StringEquals\":{\"\(tags)\":\(allowed)}}", [tags: ["team"]],
            .allowed, rule: "\(page): one value behaves as a single-valued key"),
        set(
            "ForAnyValue on a single value", "{\"ForAnyValue:StringLike\":{\"aws:CalledVia\":\"cloudformation.*\"}}",
            ["aws:CalledVia": ["cloudformation.amazonaws.com"]], .allowed, rule: "\(page), ForAnyValue over one value"),
        set(
            "ForAnyValue IfExists absent", "{\"ForAnyValue:StringEqualsIfExists\":{\"\(tags)\":\(allowed)}}", [:],
            .allowed, rule: "IAM User Guide, Condition operators, ...IfExists: absent key is true"),
        set(
            "ForAllValues numeric", "{\"ForAllValues:NumericLessThan\":{\"ec2:Sizes\":\"10\"}}",
            ["ec2:Sizes": ["1", "9"]], .allowed, rule: "\(page): set operators apply to any base operator"),
    ]
}
