/// A service whose endpoint Keyward resolves from the configuration, named as the AWS SDKs' "service-specific
/// endpoints" name it: the `[services]` key is the service id in snake case (`sts`, `sso_oidc`), the
/// environment variable its upper-case form (`AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL_SSO_OIDC`).
public struct EndpointService: Sendable, Hashable, CustomStringConvertible {
    /// The key under a `[services NAME]` section: `sts`, `iam`, `s3`, `sso_oidc`.
    public let configKey: String

    /// A service by its snake-case service id.
    public init(configKey: String) {
        self.configKey = configKey
    }

    /// AWS Security Token Service.
    public static let sts = EndpointService(configKey: "sts")
    /// AWS Identity and Access Management.
    public static let iam = EndpointService(configKey: "iam")
    /// Amazon S3 (CloudTrail log files).
    public static let s3 = EndpointService(configKey: "s3")
    /// AWS CloudTrail.
    public static let cloudTrail = EndpointService(configKey: "cloudtrail")
    /// IAM Identity Center's OIDC service (`sso-oidc`).
    public static let ssoOIDC = EndpointService(configKey: "sso_oidc")
    /// IAM Identity Center's portal (`sso`).
    public static let sso = EndpointService(configKey: "sso")

    /// The service-specific variable: `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL_SSO_OIDC`.
    public var environmentVariable: String { "AWS_ENDPOINT_URL_" + configKey.uppercased() }

    public var description: String { configKey }
}
