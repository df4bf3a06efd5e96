import KeywardAWS
import KeywardConfig

/// Where a profile's calls go and which credentials sign them: the one resolver every command (and the
/// audit, CloudTrail, Identity Center and broker work) calls instead of reading settings itself.
extension CredentialResolver {
    /// The endpoints for `profile`'s calls: its settings when the config defines it (the target of a chain),
    /// else the environment's alone (`AWS_ENDPOINT_URL*`, `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`,
    /// `AWS_STS_REGIONAL_ENDPOINTS`, `AWS_REGION`).
    /// - Parameters:
    ///   - profile: the profile, or `nil` to select as the AWS CLI does (`AWS_PROFILE`, else `default`).
    ///   - region: a command's `--region`, which wins.
    /// - Throws: `CredentialsError.config` for a bad setting.
    public func endpoints(
        forProfile profile: String?, region: String? = nil
    ) throws(CredentialsError)
        -> ProfileEndpoints
    {
        do {
            let name = profiles.selectProfile(explicit: profile).name
            let settings = profiles.hasProfile(named: name) ? try profiles.profile(named: name) : nil
            return ProfileEndpoints(settings: try profiles.endpointSettings(for: settings, region: region))
        } catch {
            throw .config(error)
        }
    }

    /// An STS client with the region and endpoint settings of `profile`, for calls made with its credentials.
    /// - Parameters:
    ///   - profile: the profile, or `nil` to select as the AWS CLI does.
    ///   - region: a command's `--region`, which wins.
    /// - Throws: `CredentialsError.config` or `.endpoint` for an unusable endpoint.
    public func stsClient(forProfile profile: String?, region: String? = nil) throws(CredentialsError) -> STSClient {
        STSClient(client: client(for: try endpoints(forProfile: profile, region: region).sts()))
    }

    /// An IAM client for `profile`'s settings, signing with `credentials`.
    /// - Throws: `CredentialsError.config` or `.endpoint`.
    public func iamClient(
        forProfile profile: String?, credentials: AWSCredentials
    ) throws(CredentialsError)
        -> IAMClient
    {
        IAMClient(client: client(for: try endpoints(forProfile: profile).iam()), credentials: credentials)
    }

    /// A query-protocol client for `endpoint` on this resolver's transport and logger.
    public func client(for endpoint: ServiceEndpoint) -> QueryClient {
        QueryClient(endpoint: endpoint, transport: transport, logger: logger)
    }

    /// The STS client for a resolved chain (its target profile's settings).
    func stsClient(for resolved: ResolvedProfile) throws(CredentialsError) -> STSClient {
        do {
            let settings = try profiles.endpointSettings(for: resolved.profile)
            return STSClient(client: client(for: try ProfileEndpoints(settings: settings).sts()))
        } catch let error as CredentialsError {
            throw error
        } catch let error as ConfigError {
            throw .config(error)
        } catch {
            throw .noCredentials(profile: resolved.profile.name)
        }
    }
}
