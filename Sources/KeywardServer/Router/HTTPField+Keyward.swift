import HTTPTypes

extension HTTPField.Name {
    /// The IMDSv2 session token a client sends with every GET.
    static let imdsToken = HTTPField.Name("X-aws-ec2-metadata-token")!
    /// The lifetime, in seconds, a client asks for in `PUT /latest/api/token`, echoed in the response.
    static let imdsTokenTTL = HTTPField.Name("X-aws-ec2-metadata-token-ttl-seconds")!
    /// Set by HTTP proxies; IMDSv2 refuses token requests carrying it.
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
    /// The standard form of `X-Forwarded-For` (RFC 7239).
    static let forwarded = HTTPField.Name("Forwarded")!
}
