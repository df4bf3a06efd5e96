/// One profile as the AWS CLI sees it, with aws-vault's `include_profile` applied and typed fields.
///
/// Values come from `~/.aws/config` and `~/.aws/credentials` merged as botocore merges them (a key in the
/// credentials file wins over the same key in the config file), then from included profiles for keys the
/// profile does not set. Each value remembers its file and line (`origin(of:)`), so errors can name them.
/// Empty values count as unset for the typed fields. Secrets are never in `values`; they are in
/// `SecretString` wrappers reached through `sourceCredentials()`.
///
/// Build profiles with `ProfileResolver.profile(named:)` or `ProfileResolver.resolve(_:)`.
public struct Profile: Sendable, Equatable {
    /// The profile name.
    public let name: String
    /// Whether either file defines the profile (a missing one resolves to an empty profile only on request).
    public let exists: Bool
    /// The section header that defines it, in the config file if it is there, else the credentials file.
    public let origin: ValueOrigin?
    /// Every non-secret key, lowercased, with its value and origin (included profiles' keys too).
    public let values: [String: ConfigValue]
    /// The profiles merged in through `include_profile`, in the order they were followed.
    public let includedProfiles: [String]

    /// `region`.
    public let region: String?
    /// `role_arn`: the role to assume.
    public let roleARN: String?
    /// `source_profile`: the profile whose credentials assume the role.
    public let sourceProfile: String?
    /// `credential_source`: where the role's source credentials come from instead of a profile.
    public let credentialSource: CredentialSource?
    /// `mfa_serial`: the MFA device ARN (or serial).
    public let mfaSerial: String?
    /// `mfa_process` (aws-vault): a command that prints an MFA code.
    public let mfaProcess: String?
    /// `external_id`.
    public let externalID: String?
    /// `role_session_name`.
    public let roleSessionName: String?
    /// `duration_seconds`, checked to be a whole number of seconds in 900...43200 (AssumeRole's range).
    public let durationSeconds: Int?
    /// `credential_process`: a command that prints credentials as JSON.
    public let credentialProcess: String?
    /// `web_identity_token_file`: an OIDC token for AssumeRoleWithWebIdentity.
    public let webIdentityTokenFile: String?
    /// `include_profile` (aws-vault): a profile whose keys fill the keys this one does not set.
    public let includeProfile: String?
    /// `session_tags` (aws-vault), `key1=value1,key2=value2`, in order; a repeated key keeps its last value.
    public let sessionTags: [SessionTag]
    /// `transitive_session_tags` (aws-vault): tag keys, comma-separated.
    public let transitiveSessionTags: [String]
    /// `source_identity`.
    public let sourceIdentity: String?
    /// `sts_regional_endpoints`.
    public let stsRegionalEndpoints: STSRegionalEndpoints?
    /// `endpoint_url`: the profile-wide endpoint override.
    public let endpointURL: String?
    /// `services`: the name of the `[services NAME]` section with per-service settings.
    public let services: String?
    /// `ignore_configured_endpoint_urls` (`true` in any case means true, as botocore reads it).
    public let ignoreConfiguredEndpointURLs: Bool?

    /// The static keys in the credentials file's section and in the config file's section, read separately
    /// because botocore looks at the credentials file before `credential_process` and the config file after.
    let credentialsFileKeys: KeyMaterial
    let configFileKeys: KeyMaterial

    /// What one file holds of a static key.
    enum KeyMaterial: Sendable, Equatable {
        case none
        /// `aws_secret_access_key` without `aws_access_key_id`: botocore ignores it for credentials.
        case secretOnly
        /// `aws_access_key_id` without a secret: botocore fails when it needs the key.
        case partial(ValueOrigin)
        case complete(StaticCredentials)
    }

    init(
        name: String, exists: Bool, origin: ValueOrigin?, values: [String: ConfigValue], includedProfiles: [String],
        credentialsFileKeys: KeyMaterial, configFileKeys: KeyMaterial
    ) throws(ConfigError) {
        self.name = name
        self.exists = exists
        self.origin = origin
        self.values = values
        self.includedProfiles = includedProfiles
        self.credentialsFileKeys = credentialsFileKeys
        self.configFileKeys = configFileKeys
        let reader = FieldReader(values: values)
        region = try reader.text("region")
        roleARN = try reader.text("role_arn")
        sourceProfile = try reader.text("source_profile")
        credentialSource = try reader.choice("credential_source", CredentialSource.self)
        mfaSerial = try reader.text("mfa_serial")
        mfaProcess = try reader.text("mfa_process")
        externalID = try reader.text("external_id")
        roleSessionName = try reader.text("role_session_name")
        durationSeconds = try reader.seconds("duration_seconds", range: 900...43200)
        credentialProcess = try reader.text("credential_process")
        webIdentityTokenFile = try reader.text("web_identity_token_file")
        includeProfile = try reader.text("include_profile")
        sessionTags = try reader.sessionTags("session_tags")
        transitiveSessionTags = try reader.list("transitive_session_tags")
        sourceIdentity = try reader.text("source_identity")
        stsRegionalEndpoints = try reader.choice("sts_regional_endpoints", STSRegionalEndpoints.self)
        endpointURL = try reader.text("endpoint_url")
        services = try reader.text("services")
        ignoreConfiguredEndpointURLs = try reader.text("ignore_configured_endpoint_urls").map {
            $0.lowercased() == "true"
        }
    }

    /// An empty profile: the one a name resolves to when no file defines it and that is allowed.
    static func missing(_ name: String) -> Profile {
        Profile(missing: name)
    }

    private init(missing name: String) {
        self.name = name
        exists = false
        origin = nil
        values = [:]
        includedProfiles = []
        credentialsFileKeys = .none
        configFileKeys = .none
        region = nil
        roleARN = nil
        sourceProfile = nil
        credentialSource = nil
        mfaSerial = nil
        mfaProcess = nil
        externalID = nil
        roleSessionName = nil
        durationSeconds = nil
        credentialProcess = nil
        webIdentityTokenFile = nil
        includeProfile = nil
        sessionTags = []
        transitiveSessionTags = []
        sourceIdentity = nil
        stsRegionalEndpoints = nil
        endpointURL = nil
        services = nil
        ignoreConfiguredEndpointURLs = nil
    }

    /// The value of a key, as read (non-secret keys only).
    /// - Parameter key: the key; compared case-insensitively.
    public func value(forKey key: String) -> ConfigValue? {
        values[key.lowercased()]
    }

    /// Where a key's value was read.
    /// - Parameter key: the key; compared case-insensitively.
    public func origin(of key: String) -> ValueOrigin? {
        value(forKey: key)?.origin
    }

    /// Whether the AWS CLI assumes this profile's role: it has `role_arn` and no `web_identity_token_file`.
    public var assumesRole: Bool { roleARN != nil && webIdentityTokenFile == nil }

    /// Whether either file holds `aws_access_key_id` or `aws_secret_access_key` for it, which is botocore's
    /// test for a profile that may name itself as `source_profile` and that ends a `source_profile` chain.
    public var hasStaticKeyMaterial: Bool {
        credentialsFileKeys != .none || configFileKeys != .none
    }

    /// Whether the profile uses IAM Identity Center (`sso_session` or any `sso_*` key).
    public var usesSingleSignOn: Bool {
        ["sso_session", "sso_start_url", "sso_region", "sso_account_id", "sso_role_name"].contains {
            values[$0] != nil
        }
    }
}
