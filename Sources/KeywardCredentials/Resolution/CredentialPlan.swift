import KeywardConfig

/// What Keyward does to produce credentials for a profile, worked out from the config alone (no secret is
/// read): where the chain starts, whether an MFA session is opened, and which roles are assumed in order.
///
/// ```swift
/// let resolved = try resolver.resolve("admin", allowMissing: true)
/// let plan = try CredentialPlan(resolved, options: CredentialOptions(loginName: "jo"))
/// plan.sessionToken?.mfaSerial   // "arn:aws:iam::123456789012:mfa/jo"
/// plan.roles.map(\.roleARN)      // ["arn:aws:iam::123456789012:role/admin"]
/// ```
public struct CredentialPlan: Sendable, Equatable {
    /// Where the chain's first credentials come from.
    public enum Source: Sendable, Equatable {
        /// The long-lived key Keyward stores for `profile` (`keyward add`).
        case vaultKey(profile: String)
        /// Keys written in the AWS config or credentials file.
        case staticKeys(StaticCredentials, profile: String)
        /// `credential_process`.
        case credentialProcess(command: String, profile: String)
        /// `web_identity_token_file` with `role_arn`: AssumeRoleWithWebIdentity.
        case webIdentity(tokenFile: String, roleARN: String, sessionName: String, profile: String)
        /// `credential_source = Environment`, or environment keys when no profile was named.
        case environment(profile: String)
        /// `credential_source = Ec2InstanceMetadata`: the instance's role, with the IMDS keys of the profile
        /// asked for (botocore reads them from the session's profile).
        case instanceMetadata(InstanceMetadataSource.Configuration, profile: String)
        /// `credential_source = EcsContainer`: the container credentials endpoint named in the environment.
        case container(profile: String)

        /// The profile the source belongs to.
        public var profile: String {
            switch self {
            case .vaultKey(let profile), .staticKeys(_, let profile), .credentialProcess(_, let profile),
                .webIdentity(_, _, _, let profile), .environment(let profile), .instanceMetadata(_, let profile),
                .container(let profile):
                return profile
            }
        }

        /// Whether the source hands out a long-lived key (which programs should not be given directly).
        public var isLongLivedKey: Bool {
            switch self {
            case .vaultKey: return true
            case .staticKeys(let keys, _): return keys.sessionToken == nil
            default: return false
            }
        }
    }

    /// One `GetSessionToken`, with MFA when `mfaSerial` is set.
    public struct SessionTokenStep: Sendable, Equatable {
        /// The profile whose key opens the session.
        public var profile: String
        /// The MFA device proven by the session.
        public var mfaSerial: String?
        /// `mfa_process` of that profile.
        public var mfaProcess: String?
        /// The session's length in seconds.
        public var durationSeconds: Int

        /// Creates a step.
        public init(profile: String, mfaSerial: String?, mfaProcess: String?, durationSeconds: Int) {
            self.profile = profile
            self.mfaSerial = mfaSerial
            self.mfaProcess = mfaProcess
            self.durationSeconds = durationSeconds
        }
    }

    /// One `AssumeRole`.
    public struct RoleStep: Sendable, Equatable {
        /// The profile whose `role_arn` this is.
        public var profile: String
        /// `role_arn`.
        public var roleARN: String
        /// `role_session_name`, or the default (the user in the MFA device's ARN, else the login name).
        public var sessionName: String
        /// The session's length in seconds (at most 3600 for a role assumed with role credentials).
        public var durationSeconds: Int
        /// `external_id`.
        public var externalID: String?
        /// The MFA device sent with this call; `nil` when none is needed or an earlier step proved it.
        public var mfaSerial: String?
        /// `mfa_process` of the profile.
        public var mfaProcess: String?
        /// `session_tags`.
        public var tags: [Profile.SessionTag]
        /// `transitive_session_tags`.
        public var transitiveTagKeys: [String]
        /// `source_identity`.
        public var sourceIdentity: String?
    }

    /// The profile asked for.
    public var profile: String
    /// Where the chain starts.
    public var source: Source
    /// The MFA (or plain) session opened with the source's long-lived key, if any.
    public var sessionToken: SessionTokenStep?
    /// The roles to assume, in call order: the first with the source (or session) credentials.
    public var roles: [RoleStep]
    /// The region for the profile.
    public var region: String?
    /// The chain's profile names, target first: `["admin", "jo"]`.
    public var chain: [String]
    /// The chain as shown to people: `admin <- jo`.
    public var chainDescription: String { chain.joined(separator: " <- ") }

    /// The longest session of a role assumed with another role's credentials (AWS "role chaining").
    public static let chainedRoleLimit = 3600
    /// The default length of a role session, as the AWS CLI asks for.
    public static let defaultRoleDuration = 3600

    /// Works out the plan.
    /// - Parameters:
    ///   - resolved: the profile with its chain (`ProfileResolver.resolve`).
    ///   - options: session lengths, `--no-session`, the login name.
    /// - Throws: `CredentialsError.unsupportedSource` for IAM Identity Center.
    public init(_ resolved: ResolvedProfile, options: CredentialOptions) throws(CredentialsError) {
        profile = resolved.profile.name
        region = resolved.region
        chain = resolved.chainNames
        let root = resolved.source
        switch resolved.sourceCredentials {
        case .staticKeys(let keys):
            source = .staticKeys(keys, profile: root.name)
        case .credentialProcess(let command, _):
            source = .credentialProcess(command: command, profile: root.name)
        case .webIdentity(let tokenFile, let roleARN, _):
            let name = root.roleSessionName ?? Self.defaultSessionName(mfaSerial: nil, options: options)
            source = .webIdentity(tokenFile: tokenFile, roleARN: roleARN, sessionName: name, profile: root.name)
        case .singleSignOn:
            throw .unsupportedSource(profile: root.name, source: "IAM Identity Center (sso_*)")
        case .credentialSource(.environment, _):
            source = .environment(profile: root.name)
        case .credentialSource(.ec2InstanceMetadata, _):
            source = .instanceMetadata(InstanceMetadataSource.Configuration(resolved.profile), profile: root.name)
        case .credentialSource(.ecsContainer, _):
            source = .container(profile: root.name)
        case .none:
            source = .vaultKey(profile: root.name)
        }

        var proven: Set<String> = []
        if options.useSessionToken, source.isLongLivedKey,
            root.mfaSerial != nil || (resolved.roleSteps.isEmpty && options.plainKeySessions)
        {
            let duration =
                resolved.roleSteps.isEmpty ? options.duration ?? options.sessionDuration : options.sessionDuration
            // mfa_process: the profile asked for wins over its chain's source (aws-vault's order: a
            // profile's own settings first, inherited from source_profile only when unset).
            sessionToken = SessionTokenStep(
                profile: root.name, mfaSerial: root.mfaSerial,
                mfaProcess: resolved.profile.mfaProcess ?? root.mfaProcess, durationSeconds: duration)
            if let serial = root.mfaSerial { proven.insert(serial) }
        } else {
            sessionToken = nil
        }

        var steps: [RoleStep] = []
        // The walk lists the target first; calls go from the root outwards.
        let ordered = Array(resolved.roleSteps.reversed())
        for (index, role) in ordered.enumerated() {
            guard let roleARN = role.roleARN else { continue }
            let isLast = index == ordered.count - 1
            let chained = index > 0
            var duration = role.durationSeconds ?? Self.defaultRoleDuration
            if isLast, let requested = options.duration { duration = requested }
            if chained { duration = min(duration, Self.chainedRoleLimit) }
            let serial = role.mfaSerial.flatMap { proven.contains($0) ? nil : $0 }
            if let serial { proven.insert(serial) }
            let nameSerial = role.mfaSerial ?? root.mfaSerial
            steps.append(
                RoleStep(
                    profile: role.name, roleARN: roleARN,
                    sessionName: role.roleSessionName
                        ?? Self.defaultSessionName(mfaSerial: nameSerial, options: options),
                    durationSeconds: duration, externalID: role.externalID, mfaSerial: serial,
                    mfaProcess: role.mfaProcess ?? resolved.profile.mfaProcess ?? root.mfaProcess,
                    tags: role.sessionTags,
                    transitiveTagKeys: role.transitiveSessionTags, sourceIdentity: role.sourceIdentity))
        }
        roles = steps
        try checkLimits()
    }

    /// Whether anything is fetched from STS (otherwise the source's credentials are used as they are).
    public var fetchesSession: Bool { sessionToken != nil || !roles.isEmpty }
}
