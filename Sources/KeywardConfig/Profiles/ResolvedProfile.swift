/// A profile with its whole `source_profile` chain, ready for the credential code to walk.
///
/// To get credentials: obtain `sourceCredentials` for `source`, then assume the roles of `roleSteps` from
/// last to first, each with the credentials of the step before.
public struct ResolvedProfile: Sendable, Equatable {
    /// The profile asked for.
    public let profile: Profile
    /// The profiles in the order the AWS CLI visits them: the target first, then each `source_profile`,
    /// ending at `source`. A profile that names itself as `source_profile` appears twice (its keys assume its
    /// own role), as in botocore's visited list.
    public let chain: [Profile]
    /// The profiles whose `role_arn` is assumed, the target first.
    public let roleSteps: [Profile]
    /// The profile at the root: it holds the long-lived key, `credential_process`, web identity or
    /// `credential_source` (then it is also the last role step).
    public let source: Profile
    /// How `source` gets its credentials.
    public let sourceCredentials: SourceCredentials
    /// The region for calls made for the profile (environment first, then the target profile).
    public let region: String?

    /// Creates a resolved profile.
    public init(
        profile: Profile, chain: [Profile], roleSteps: [Profile], source: Profile,
        sourceCredentials: SourceCredentials, region: String?
    ) {
        self.profile = profile
        self.chain = chain
        self.roleSteps = roleSteps
        self.source = source
        self.sourceCredentials = sourceCredentials
        self.region = region
    }

    /// The names of `chain`, e.g. `["admin", "jo"]`.
    public var chainNames: [String] { chain.map(\.name) }
}
