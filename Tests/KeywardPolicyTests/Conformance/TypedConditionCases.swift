import KeywardPolicy

/// Numeric, Date, Bool, Binary and Null operators.
enum TypedConditionCases {
    static let operators = "IAM User Guide, IAM JSON policy elements: Condition operators"

    static func typed(
        _ name: String, _ condition: String, _ context: [String: [String]], _ expected: DecisionKind, rule: String
    )
        -> ConformanceCase
    {
        ConformanceCase(
            name: name, rule: rule, identity: [P.allowIf(condition)], action: "iam:ListUsers", context: context,
            expected: expected)
    }

    static let age = "aws:MultiFactorAuthAge"
    static let time = "aws:CurrentTime"

    static let all: [ConformanceCase] = [
        typed(
            "NumericEquals", "{\"NumericEquals\":{\"\(age)\":\"300\"}}", [age: ["300"]], .allowed,
            rule: "\(operators), Numeric: equality"),
        typed(
            "NumericEquals decimals", "{\"NumericEquals\":{\"\(age)\":\"1.50\"}}", [age: ["1.5"]], .allowed,
            rule: "\(operators), Numeric: compares numbers, not text"),
        typed(
            "NumericNotEquals", "{\"NumericNotEquals\":{\"\(age)\":\"300\"}}", [age: ["300"]], .implicitDeny,
            rule: "\(operators), Numeric: negated equality"),
        typed(
            "NumericLessThan true", "{\"NumericLessThan\":{\"\(age)\":\"3600\"}}", [age: ["3599"]], .allowed,
            rule: "\(operators), Numeric: less than"),
        typed(
            "NumericLessThan boundary", "{\"NumericLessThan\":{\"\(age)\":\"3600\"}}", [age: ["3600"]], .implicitDeny,
            rule: "\(operators), Numeric: strictly less"),
        typed(
            "NumericLessThanEquals", "{\"NumericLessThanEquals\":{\"\(age)\":\"3600\"}}", [age: ["3600"]], .allowed,
            rule: "\(operators), Numeric: less than or equal"),
        typed(
            "NumericGreaterThan", "{\"NumericGreaterThan\":{\"\(age)\":\"10\"}}", [age: ["11"]], .allowed,
            rule: "\(operators), Numeric: greater than"),
        typed(
            "NumericGreaterThanEquals", "{\"NumericGreaterThanEquals\":{\"\(age)\":\"10\"}}", [age: ["9"]],
            .implicitDeny, rule: "\(operators), Numeric: greater than or equal"),
        typed(
            "NumericLessThan JSON number", "{\"NumericLessThan\":{\"\(age)\":3600}}", [age: ["10"]], .allowed,
            rule: "\(operators), Numeric: JSON numbers are accepted"),
        typed(
            "NumericLessThan absent key", "{\"NumericLessThan\":{\"\(age)\":3600}}", [:], .implicitDeny,
            rule: "\(operators): absent key makes the condition false"),
        typed(
            "NumericLessThanIfExists absent key", "{\"NumericLessThanIfExists\":{\"\(age)\":3600}}", [:], .allowed,
            rule: "\(operators), ...IfExists: absent key is true"),
        typed(
            "Numeric with non-numeric request value", "{\"NumericEquals\":{\"\(age)\":\"5\"}}", [age: ["five"]],
            .implicitDeny, rule: "\(operators), Numeric: a value that is not a number matches nothing"),
        typed(
            "DateLessThan ISO 8601", "{\"DateLessThan\":{\"\(time)\":\"2030-01-01T00:00:00Z\"}}",
            [time: ["2026-06-01T12:00:00Z"]], .allowed, rule: "\(operators), Date: ISO 8601 dates"),
        typed(
            "DateLessThan false", "{\"DateLessThan\":{\"\(time)\":\"2020-01-01T00:00:00Z\"}}",
            [time: ["2026-06-01T12:00:00Z"]], .implicitDeny, rule: "\(operators), Date: later is not less"),
        typed(
            "DateGreaterThan", "{\"DateGreaterThan\":{\"\(time)\":\"2020-01-01\"}}", [time: ["2026-06-01T12:00:00Z"]],
            .allowed, rule: "\(operators), Date: date-only ISO 8601 form"),
        typed(
            "DateEquals", "{\"DateEquals\":{\"\(time)\":\"2026-06-01T12:00:00Z\"}}",
            [time: ["2026-06-01T14:00:00+02:00"]], .allowed,
            rule: "\(operators), Date: instants compare across time zones"),
        typed(
            "DateNotEquals", "{\"DateNotEquals\":{\"\(time)\":\"2026-06-01T12:00:00Z\"}}",
            [time: ["2026-06-01T12:00:00Z"]], .implicitDeny, rule: "\(operators), Date: negated equality"),
        typed(
            "DateLessThanEquals", "{\"DateLessThanEquals\":{\"\(time)\":\"2026-06-01T12:00:00Z\"}}",
            [time: ["2026-06-01T12:00:00Z"]], .allowed, rule: "\(operators), Date: less than or equal"),
        typed(
            "DateGreaterThanEquals", "{\"DateGreaterThanEquals\":{\"\(time)\":\"2026-06-01T12:00:00Z\"}}",
            [time: ["2026-06-01T11:59:59Z"]], .implicitDeny, rule: "\(operators), Date: greater than or equal"),
        typed(
            "Date epoch seconds in policy", "{\"DateGreaterThan\":{\"aws:EpochTime\":\"1577836800\"}}",
            ["aws:EpochTime": ["1780000000"]], .allowed, rule: "\(operators), Date: epoch (UNIX) time is accepted"),
        typed(
            "Date epoch against ISO", "{\"DateLessThan\":{\"\(time)\":1893456000}}", [time: ["2026-06-01T12:00:00Z"]],
            .allowed, rule: "\(operators), Date: epoch and ISO 8601 values compare as instants"),
        typed(
            "Date fractional seconds", "{\"DateGreaterThan\":{\"\(time)\":\"2026-06-01T12:00:00Z\"}}",
            [time: ["2026-06-01T12:00:00.500Z"]], .allowed, rule: "\(operators), Date: fractional seconds"),
        typed(
            "Date invalid policy value", "{\"DateLessThan\":{\"\(time)\":\"next tuesday\"}}",
            [time: ["2026-06-01T12:00:00Z"]], .implicitDeny,
            rule: "\(operators), Date: an unparseable date matches nothing"),
        typed(
            "Bool true", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", ["aws:SecureTransport": ["true"]], .allowed,
            rule: "\(operators), Boolean: true"),
        typed(
            "Bool mismatch", "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", ["aws:SecureTransport": ["false"]],
            .implicitDeny, rule: "\(operators), Boolean: false is not true"),
        typed(
            "Bool JSON boolean", "{\"Bool\":{\"aws:SecureTransport\":true}}", ["aws:SecureTransport": ["true"]],
            .allowed, rule: "\(operators), Boolean: JSON true is accepted"),
        typed(
            "Bool case-insensitive text", "{\"Bool\":{\"aws:SecureTransport\":\"TRUE\"}}",
            ["aws:SecureTransport": ["True"]], .allowed, rule: "\(operators), Boolean: true/false in any case"),
        typed(
            "Bool absent key", "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}", [:], .implicitDeny,
            rule: "\(operators): absent key makes Bool false"),
        typed(
            "BoolIfExists absent key", "{\"BoolIfExists\":{\"aws:SecureTransport\":\"false\"}}", [:], .allowed,
            rule: "\(operators), ...IfExists: absent key is true"),
        typed(
            "BinaryEquals", "{\"BinaryEquals\":{\"s3:x-amz-content\":\"QmluYXJ5VmFsdWU=\"}}",
            ["s3:x-amz-content": ["QmluYXJ5VmFsdWU="]], .allowed, rule: "\(operators), Binary: compares base64 values"),
        typed(
            "BinaryEquals mismatch", "{\"BinaryEquals\":{\"s3:x-amz-content\":\"QmluYXJ5VmFsdWU=\"}}",
            ["s3:x-amz-content": ["T3RoZXI="]], .implicitDeny, rule: "\(operators), Binary: different bytes"),
        typed(
            "Null true, key absent", "{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}", [:], .allowed,
            rule: "\(operators), Null: true means the key must be absent"),
        typed(
            "Null true, key present", "{\"Null\":{\"aws:TokenIssueTime\":\"true\"}}",
            ["aws:TokenIssueTime": ["2026-01-01T00:00:00Z"]], .implicitDeny,
            rule: "\(operators), Null: true fails when the key is present"),
        typed(
            "Null false, key present", "{\"Null\":{\"aws:TokenIssueTime\":\"false\"}}",
            ["aws:TokenIssueTime": ["2026-01-01T00:00:00Z"]], .allowed,
            rule: "\(operators), Null: false means the key must be present"),
        typed(
            "Null false, key absent", "{\"Null\":{\"aws:TokenIssueTime\":\"false\"}}", [:], .implicitDeny,
            rule: "\(operators), Null: false fails when absent"),
        typed(
            "Null with JSON boolean", "{\"Null\":{\"aws:TokenIssueTime\":true}}", [:], .allowed,
            rule: "\(operators), Null: JSON true is accepted"),
        typed(
            "Null on empty multivalued key", "{\"Null\":{\"aws:TagKeys\":\"true\"}}", ["aws:TagKeys": []], .allowed,
            rule: "\(operators), Null: a key with no values is absent"),
    ]
}
