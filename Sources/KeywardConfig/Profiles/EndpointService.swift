/// Services whose endpoint Keyward resolves from the configuration.
public enum EndpointService: String, Sendable, CaseIterable {
    /// AWS Security Token Service.
    case sts
    /// AWS Identity and Access Management.
    case iam

    /// The service-specific variable: `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL_IAM`.
    public var environmentVariable: String { "AWS_ENDPOINT_URL_" + rawValue.uppercased() }
}
