/// One problem `keyward doctor` found: what, how bad, where, and how to fix it. Never holds a secret; key
/// ids appear masked to their last four characters.
///
/// Encoded as `{"id": "...", "severity": "high", "location": "~/.aws/credentials:3", "message": "...",
/// "fix": "..."}`.
public struct Finding: Sendable, Equatable, Codable {
    /// How bad a finding is.
    public enum Severity: String, Sendable, Equatable, Codable, CaseIterable {
        /// A secret is exposed, or the configuration is broken: `doctor` exits 1.
        case high
        /// A weakness worth fixing soon.
        case medium
        /// Worth knowing.
        case low
    }

    /// The stable identifier of each kind of finding (scripts may match on it).
    public enum ID: String, Sendable, Equatable, Codable, CaseIterable {
        /// An `AKIA…` key with its secret in the shared credentials file (high).
        case longLivedKeyInCredentialsFile = "long-lived-key-in-credentials-file"
        /// An `AKIA…` key with its secret in the config file (high).
        case longLivedKeyInConfigFile = "long-lived-key-in-config-file"
        /// An `AKIA…` key with its secret in a backup `keyward import --scrub` kept (high).
        case longLivedKeyInImportBackup = "long-lived-key-in-import-backup"
        /// `AWS_ACCESS_KEY_ID` holds an `AKIA…` key in the environment (high).
        case longLivedKeyInEnvironment = "long-lived-key-in-environment"
        /// `AWS_ACCESS_KEY_ID` holds a temporary `ASIA…` key in the environment (low).
        case sessionKeyInEnvironment = "session-key-in-environment"
        /// `AWS_SECRET_ACCESS_KEY` is set without a recognisable key id (medium).
        case secretKeyInEnvironment = "secret-key-in-environment"
        /// The root of a `source_profile` chain, holding the key, has no `mfa_serial` (medium).
        case sourceProfileWithoutMFA = "source-profile-without-mfa"
        /// A role is assumed without `mfa_serial` anywhere on its chain (medium).
        case roleWithoutMFA = "role-without-mfa"
        /// `source_profile` references loop (high).
        case sourceProfileLoop = "source-profile-loop"
        /// `source_profile` names a profile in neither file (medium: only a key in the vault can serve it).
        case sourceProfileMissing = "source-profile-missing"
        /// Any other profile the AWS CLI would refuse (medium).
        case profileError = "profile-error"
        /// `duration_seconds` above 43200, the longest role session (medium).
        case durationOverRoleLimit = "duration-over-role-limit"
        /// `role_arn` that is not a role ARN, which STS refuses (high).
        case roleARNNotAnARN = "role-arn-not-an-arn"
        /// `duration_seconds` above 3600 on a role assumed from another role's session (medium).
        case durationOverChainingLimit = "duration-over-chaining-limit"
        /// The shared credentials file is open to group or others (high).
        case credentialsFilePermissions = "credentials-file-permissions"
        /// The config file is open to group or others (low).
        case configFilePermissions = "config-file-permissions"
        /// The Keyward home directory is open to group or others (medium).
        case keywardHomePermissions = "keyward-home-permissions"
        /// The vault file is open to group or others (medium).
        case vaultFilePermissions = "vault-file-permissions"
        /// The vault file's key derivation is cheaper than the current default (medium).
        case weakVaultKDF = "weak-vault-kdf"
        /// A long-lived key an older Keyward kept in the kernel user keyring, un-namespaced, so no home reads
        /// it and a reboot deletes it (medium, issue 21 item 2).
        case legacyKeyringKey = "legacy-keyring-key"
        /// A config, credentials or vault file cannot be read or parsed (medium).
        case unreadableFile = "unreadable-file"
    }

    /// What kind of finding this is.
    public var id: ID
    /// How bad it is.
    public var severity: Severity
    /// Where: `file:line`, a file or directory, or `$VARIABLE`.
    public var location: String
    /// One line saying what is wrong.
    public var message: String
    /// One line saying how to fix it (a command where there is one).
    public var fix: String

    /// A finding.
    /// - Parameters:
    ///   - id: its kind.
    ///   - severity: how bad it is.
    ///   - location: where it is.
    ///   - message: what is wrong (never a secret).
    ///   - fix: how to fix it.
    public init(id: ID, severity: Severity, location: String, message: String, fix: String) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.fix = fix
    }
}
