import KeywardPolicy

/// IP address and ARN operators.
enum NetworkConditionCases {
    static let operators = "IAM User Guide, IAM JSON policy elements: Condition operators"

    static func network(
        _ name: String, _ condition: String, _ context: [String: [String]], _ expected: DecisionKind, rule: String
    )
        -> ConformanceCase
    {
        ConformanceCase(
            name: name, rule: rule, identity: [P.allowIf(condition)], action: "s3:GetObject", context: context,
            expected: expected)
    }

    static let ip = "aws:SourceIp"
    static let source = "aws:SourceArn"

    static let all: [ConformanceCase] = [
        network(
            "IpAddress inside IPv4 CIDR", "{\"IpAddress\":{\"\(ip)\":\"203.0.113.0/24\"}}", [ip: ["203.0.113.77"]],
            .allowed, rule: "\(operators), IP address: CIDR range"),
        network(
            "IpAddress outside IPv4 CIDR", "{\"IpAddress\":{\"\(ip)\":\"203.0.113.0/24\"}}", [ip: ["203.0.114.1"]],
            .implicitDeny, rule: "\(operators), IP address: outside the range"),
        network(
            "IpAddress single address", "{\"IpAddress\":{\"\(ip)\":\"203.0.113.5\"}}", [ip: ["203.0.113.5"]], .allowed,
            rule: "\(operators), IP address: an address without prefix is /32"),
        network(
            "IpAddress /0", "{\"IpAddress\":{\"\(ip)\":\"0.0.0.0/0\"}}", [ip: ["8.8.8.8"]], .allowed,
            rule: "\(operators), IP address: /0 holds every IPv4 address"),
        network(
            "IpAddress list is ORed", "{\"IpAddress\":{\"\(ip)\":[\"10.0.0.0/8\",\"192.168.0.0/16\"]}}",
            [ip: ["192.168.4.4"]], .allowed, rule: "\(operators): values are ORed"),
        network(
            "IpAddress IPv6 inside", "{\"IpAddress\":{\"\(ip)\":\"2001:DB8:1234:5678::/64\"}}",
            [ip: ["2001:db8:1234:5678::10"]], .allowed, rule: "\(operators), IP address: IPv6 CIDR"),
        network(
            "IpAddress IPv6 outside", "{\"IpAddress\":{\"\(ip)\":\"2001:DB8:1234:5678::/64\"}}",
            [ip: ["2001:db8:1234:5679::10"]], .implicitDeny, rule: "\(operators), IP address: IPv6 outside"),
        network(
            "IPv4 is not inside an IPv6 range", "{\"IpAddress\":{\"\(ip)\":\"::/0\"}}", [ip: ["203.0.113.5"]],
            .implicitDeny, rule: "\(operators), IP address: families do not mix"),
        network(
            "NotIpAddress outside", "{\"NotIpAddress\":{\"\(ip)\":\"203.0.113.0/24\"}}", [ip: ["198.51.100.1"]],
            .allowed, rule: "\(operators), IP address: NotIpAddress"),
        network(
            "NotIpAddress inside", "{\"NotIpAddress\":{\"\(ip)\":\"203.0.113.0/24\"}}", [ip: ["203.0.113.1"]],
            .implicitDeny, rule: "\(operators), IP address: NotIpAddress"),
        network(
            "NotIpAddress absent key", "{\"NotIpAddress\":{\"\(ip)\":\"203.0.113.0/24\"}}", [:], .allowed,
            rule: "\(operators): a negated operator is true when the key is absent"),
        network(
            "IpAddressIfExists absent", "{\"IpAddressIfExists\":{\"\(ip)\":\"203.0.113.0/24\"}}", [:], .allowed,
            rule: "\(operators), ...IfExists"),
        network(
            "IpAddress with non-address value", "{\"IpAddress\":{\"\(ip)\":\"203.0.113.0/24\"}}", [ip: ["vpc-123"]],
            .implicitDeny, rule: "\(operators), IP address: a non-address matches nothing"),
        network(
            "ArnEquals", "{\"ArnEquals\":{\"\(source)\":\"arn:aws:sns:eu-west-1:111122223333:topic\"}}",
            [source: ["arn:aws:sns:eu-west-1:111122223333:topic"]], .allowed, rule: "\(operators), ARN: ArnEquals"),
        network(
            "ArnLike per-segment wildcard", "{\"ArnLike\":{\"\(source)\":\"arn:aws:sns:*:111122223333:top*\"}}",
            [source: ["arn:aws:sns:eu-west-1:111122223333:topic"]], .allowed,
            rule: "\(operators), ARN: each segment may hold * and ?"),
        network(
            "ArnLike account mismatch", "{\"ArnLike\":{\"\(source)\":\"arn:aws:sns:*:444455556666:*\"}}",
            [source: ["arn:aws:sns:eu-west-1:111122223333:topic"]], .implicitDeny,
            rule: "\(operators), ARN: segments are compared separately"),
        network(
            "ArnLike is case-sensitive", "{\"ArnLike\":{\"\(source)\":\"arn:aws:sns:*:111122223333:Topic\"}}",
            [source: ["arn:aws:sns:eu-west-1:111122223333:topic"]], .implicitDeny,
            rule: "\(operators), ARN: case-sensitive"),
        network(
            "ArnNotEquals", "{\"ArnNotEquals\":{\"\(source)\":\"arn:aws:sns:eu-west-1:111122223333:topic\"}}",
            [source: ["arn:aws:sns:eu-west-1:111122223333:other"]], .allowed, rule: "\(operators), ARN: negated"),
        network(
            "ArnNotLike", "{\"ArnNotLike\":{\"\(source)\":\"arn:aws:sns:*:*:top*\"}}",
            [source: ["arn:aws:sns:eu-west-1:111122223333:topic"]], .implicitDeny, rule: "\(operators), ARN: negated"),
        network(
            "ArnNotLike absent key", "{\"ArnNotLike\":{\"\(source)\":\"arn:aws:sns:*:*:*\"}}", [:], .allowed,
            rule: "\(operators): ArnNotLike is true when the key is absent"),
        network(
            "ArnLike with non-ARN value", "{\"ArnLike\":{\"\(source)\":\"arn:aws:sns:*:*:*\"}}", [source: ["topic"]],
            .implicitDeny, rule: "\(operators), ARN: a value that is not an ARN does not match"),
    ]
}
