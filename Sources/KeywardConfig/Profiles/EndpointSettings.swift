/// Where a profile's calls go, as the configuration and the environment decide it (see
/// `ProfileResolver.endpointSettings(for:region:)`): the region, how STS endpoints are chosen, and the
/// `endpoint_url` configured for each service.
public struct EndpointSettings: Sendable {
    /// The profile the settings are for, or `nil` when no profile of the config applies.
    public var profile: String?
    /// The region calls are made in, or `nil` when none is configured (global endpoints).
    public var region: String?
    /// `sts_regional_endpoints` / `AWS_STS_REGIONAL_ENDPOINTS`.
    public var stsRegionalEndpoints: Profile.STSRegionalEndpoints
    /// The configured URL of a service (`nil`: its default endpoint), or why it cannot be read. Asked per
    /// service when a call needs it, so any service has its `[services]` entry and its `AWS_ENDPOINT_URL_*`
    /// variable honoured, and a broken `[services]` reference fails only the calls that reach it, as in
    /// botocore.
    private let lookup: @Sendable (EndpointService) -> Result<String?, ConfigError>

    /// Creates settings whose service URLs `lookup` answers.
    public init(
        profile: String?, region: String?, stsRegionalEndpoints: Profile.STSRegionalEndpoints,
        lookup: @escaping @Sendable (EndpointService) -> Result<String?, ConfigError>
    ) {
        self.profile = profile
        self.region = region
        self.stsRegionalEndpoints = stsRegionalEndpoints
        self.lookup = lookup
    }

    /// Settings with the given URLs and nothing else configured (tests, and callers outside a config).
    public init(region: String?, overrides: [EndpointService: String] = [:]) {
        self.init(
            profile: nil, region: region, stsRegionalEndpoints: .regional, lookup: { .success(overrides[$0]) })
    }

    /// The configured URL of `service`, or `nil` for its default endpoint.
    /// - Throws: `ConfigError.servicesSectionNotFound` when the profile names a missing `[services]` section.
    public func override(for service: EndpointService) throws(ConfigError) -> String? {
        try lookup(service).get()
    }
}
