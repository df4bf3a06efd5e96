import KeywardAWS
import KeywardConfig

/// The endpoints a profile's calls go to, built from its `EndpointSettings`: the one answer to "where is STS
/// (IAM, S3, ...) for this profile, or for no profile" that every command and library workflow uses.
///
/// ```swift
/// let endpoints = try resolver.endpoints(forProfile: "jo")
/// let iam = QueryClient(endpoint: try endpoints.iam())
/// ```
public struct ProfileEndpoints: Sendable {
    /// What the configuration and the environment say.
    public var settings: EndpointSettings

    /// Endpoints for settings.
    public init(settings: EndpointSettings) {
        self.settings = settings
    }

    /// The region calls are made in (`nil`: none configured).
    public var region: String? { settings.region }

    /// The STS endpoint: the configured URL, else regional (or global in `legacy` mode for the old regions).
    /// - Throws: `CredentialsError.config` or `.endpoint` for an unusable URL.
    public func sts() throws(CredentialsError) -> ServiceEndpoint {
        let override = try url(for: .sts)
        let mode: ServiceEndpoint.STSEndpointMode = settings.stsRegionalEndpoints == .legacy ? .legacy : .regional
        return try build { () throws(AWSClientError) in
            try ServiceEndpoint.sts(region: region, mode: mode, override: override)
        }
    }

    /// The IAM endpoint of the region's partition, or the configured URL.
    /// - Throws: `CredentialsError.config` or `.endpoint`.
    public func iam() throws(CredentialsError) -> ServiceEndpoint {
        let override = try url(for: .iam)
        return try build { () throws(AWSClientError) in try ServiceEndpoint.iam(region: region, override: override) }
    }

    /// A regional service's endpoint (`https://PREFIX.REGION.amazonaws.com`), or the configured URL.
    /// - Parameters:
    ///   - service: the service as the configuration names it (`.s3`, `.cloudTrail`, `.ssoOIDC`).
    ///   - hostPrefix: the default host's first labels (`s3`, `cloudtrail`, `oidc`, `portal.sso`).
    ///   - signingName: the SigV4 service name.
    ///   - region: a region that wins over the profile's (an SSO session's `sso_region`).
    /// - Throws: `CredentialsError.config` or `.endpoint`.
    public func endpoint(
        for service: EndpointService, hostPrefix: String, signingName: String, region: String? = nil
    ) throws(CredentialsError) -> ServiceEndpoint {
        let override = try url(for: service)
        let region = region ?? self.region
        return try build { () throws(AWSClientError) in
            try ServiceEndpoint.regional(
                hostPrefix: hostPrefix, signingName: signingName, region: region, override: override)
        }
    }

    private func url(for service: EndpointService) throws(CredentialsError) -> String? {
        do {
            return try settings.override(for: service)
        } catch {
            throw .config(error)
        }
    }

    private func build(
        _ make: () throws(AWSClientError) -> ServiceEndpoint
    ) throws(CredentialsError) -> ServiceEndpoint {
        do {
            return try make()
        } catch {
            throw .endpoint(profile: settings.profile, error)
        }
    }
}
