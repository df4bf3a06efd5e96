import KeywardAWS
import KeywardConfig

/// The long-lived key a profile signs with, for the commands that call STS or IAM with it directly (`assume`,
/// `saml`'s source, `roles`, `rotate`, `import`'s verification): the chain's own source loader, without any
/// session in between.
extension CredentialResolver {
    /// A profile's own credentials and where its calls go.
    public struct SigningKey: Sendable {
        /// The profile whose key it is (`environment` for the environment's keys).
        public var profile: String
        /// The credentials: a long-lived key, or whatever the environment or the credentials file holds.
        public var credentials: AWSCredentials
        /// The profile's endpoints.
        public var endpoints: ProfileEndpoints
    }

    /// The credentials `profile` itself holds: with no profile named, the environment's keys when set (as the
    /// AWS CLI does); else the profile's keys in the credentials file, else its key in the vault, else its
    /// `credential_process` or `credential_source = Environment`, exactly as the chain would load them.
    /// - Parameters:
    ///   - profile: the profile, or `nil` to select as the AWS CLI does.
    ///   - region: a command's `--region`, which wins for the endpoints.
    /// - Throws: `CredentialsError.roleProfileWhereKeyNeeded` for a profile that assumes a role, `.noCredentials`
    ///   when there is no key, `.config` for bad settings.
    public func signingKey(
        forProfile profile: String?, region: String? = nil
    ) async throws(CredentialsError)
        -> SigningKey
    {
        if profile == nil, let credentials = environmentKeys() {
            return SigningKey(
                profile: "environment", credentials: credentials,
                endpoints: try endpoints(forProfile: nil, region: region))
        }
        let (plan, resolved) = try plan(for: profile)
        guard resolved.roleSteps.isEmpty else {
            throw .roleProfileWhereKeyNeeded(profile: plan.profile, sourceProfile: resolved.profile.sourceProfile)
        }
        try CredentialProcessGuard(environment: environment).check(plan.profile, profiles: profiles)
        let loader = SourceLoader(
            keys: keys, cache: cache, environment: environment, transport: transport, requestedProfile: plan.profile)
        guard let credentials = try await loader.load(plan.source).credentials else {
            throw .noCredentials(profile: plan.profile)
        }
        return SigningKey(
            profile: plan.profile, credentials: credentials,
            endpoints: try endpoints(forProfile: plan.profile, region: region))
    }

    /// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (and a session token) when both are set.
    func environmentKeys() -> AWSCredentials? {
        SourceLoader.environmentCredentials(environment)
    }
}
