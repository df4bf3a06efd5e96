extension ProfileResolver {
    /// The region for a profile: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`.
    ///
    /// AWS CLI v2 and the SDKs read `AWS_REGION` first; aws-vault sets both, for boto3's sake.
    /// - Parameter profile: the profile.
    /// - Returns: the region, or `nil` when none is configured.
    public func region(for profile: Profile?) -> String? {
        environment.first(of: ["AWS_REGION", "AWS_DEFAULT_REGION"])?.value ?? profile?.region
    }

    /// Whether STS calls go to regional endpoints: `AWS_STS_REGIONAL_ENDPOINTS`, else the profile's
    /// `sts_regional_endpoints`, else `regional` (botocore's default).
    /// - Parameter profile: the profile, or `nil` when the call is made for no profile of the config.
    /// - Throws: `ConfigError.invalidEnvironmentValue` when the variable is neither `legacy` nor `regional`.
    public func stsRegionalEndpoints(for profile: Profile?) throws(ConfigError) -> Profile.STSRegionalEndpoints {
        if let value = environment["AWS_STS_REGIONAL_ENDPOINTS"] {
            guard let mode = Profile.STSRegionalEndpoints(rawValue: value) else {
                throw .invalidEnvironmentValue(
                    name: "AWS_STS_REGIONAL_ENDPOINTS", reason: "expected legacy or regional")
            }
            return mode
        }
        return profile?.stsRegionalEndpoints ?? .regional
    }

    /// The configured endpoint for a service, or `nil` to use the service's default endpoint.
    ///
    /// botocore's order ("Service-specific endpoints" in the AWS SDKs and Tools Reference Guide):
    /// 1. `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL_IAM`;
    /// 2. `AWS_ENDPOINT_URL`;
    /// 3. `endpoint_url` under the service in the profile's `[services NAME]` section;
    /// 4. the profile's `endpoint_url`.
    ///
    /// All of them are ignored when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (else the profile's
    /// `ignore_configured_endpoint_urls`) is `true`. Empty values are skipped.
    /// - Parameters:
    ///   - service: the service.
    ///   - profile: the profile whose settings apply (the target profile of a chain), or `nil` when the call is
    ///     made for no profile of the config (then only the environment counts).
    /// - Returns: the endpoint URL as written, or `nil`.
    /// - Throws: `ConfigError.servicesSectionNotFound` when the profile names a `[services NAME]` section that
    ///   does not exist and the lookup reaches it.
    public func endpointURL(for service: EndpointService, profile: Profile?) throws(ConfigError) -> String? {
        if ignoresConfiguredEndpointURLs(profile) { return nil }
        if let url = environment.first(of: [service.environmentVariable, "AWS_ENDPOINT_URL"])?.value { return url }
        guard let profile else { return nil }
        if let name = profile.services, let origin = profile.origin(of: "services") {
            guard let section = catalog.services[name] else {
                throw .servicesSectionNotFound(
                    profile: profile.name, services: name, file: origin.file, line: origin.line)
            }
            if let url = section[service.configKey]?.nestedValue(forKey: "endpoint_url"), !url.isEmpty { return url }
        }
        return profile.endpointURL
    }

    /// Whether configured endpoints are ignored: the environment variable when set, else the profile.
    public func ignoresConfiguredEndpointURLs(_ profile: Profile?) -> Bool {
        if let value = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] { return value.lowercased() == "true" }
        return profile?.ignoreConfiguredEndpointURLs ?? false
    }

    /// Everything that decides where a profile's calls go: the region and the STS endpoint mode, resolved
    /// now, and each service's configured URL, looked up when a call asks for that service. The one answer every command uses (`ProfileEndpoints` in
    /// KeywardCredentials turns it into endpoints), so no command honours a setting another ignores.
    /// - Parameters:
    ///   - profile: the profile whose settings apply (a chain's target), or `nil` for no profile of the config.
    ///   - region: a command's `--region`, which wins over the environment and the profile.
    /// - Throws: `ConfigError` for a bad `AWS_STS_REGIONAL_ENDPOINTS` or a missing `[services]` section.
    public func endpointSettings(for profile: Profile?, region: String? = nil) throws(ConfigError) -> EndpointSettings {
        let resolver = self
        return EndpointSettings(
            profile: profile?.name, region: region ?? self.region(for: profile),
            stsRegionalEndpoints: try stsRegionalEndpoints(for: profile),
            lookup: { service in
                Result { () throws(ConfigError) in try resolver.endpointURL(for: service, profile: profile) }
            })
    }
}
