/// What a program started by Keyward sees of Keyward's own environment: the one rule for `exec`,
/// `exec --server`, `assume --exec`, `saml --exec`, `credential_process` and `mfa_process` children.
///
/// Two kinds of variable never pass:
/// - the ones through which the AWS SDKs find credentials or a profile, so a child uses only the
///   credentials Keyward hands it (a stale `AWS_SESSION_TOKEN` or `AWS_PROFILE` would win over them);
/// - Keyward's own, except where the vault is and which backend holds it. `KEYWARD_FILE_PASSPHRASE` unlocks
///   every long-lived key in the file vault and `KEYWARD_FILE_KEY_TTL` asks for the unlocked key to be kept:
///   a child (and everything it starts) must never get either.
///
/// ```swift
/// let child = ChildEnvironment.forChild(of: parent, setting: ["AWS_ACCESS_KEY_ID": id, ...])
/// ```
public enum ChildEnvironment {
    /// Variables the AWS SDKs read credentials, a profile or a credential endpoint from.
    public static let credentialVariables: [String] = [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        "AWS_CREDENTIAL_EXPIRATION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_EC2_METADATA_DISABLED",
        "AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
    ]

    /// The region variables, replaced together when Keyward sets a profile's region.
    public static let regionVariables: [String] = ["AWS_REGION", "AWS_DEFAULT_REGION"]

    /// Keyward's variables a child keeps: locations and choices that unlock nothing, so a nested
    /// `keyward` in an `exec` shell finds the same vault (and must unlock it itself).
    public static let inheritedKeywardVariables: Set<String> = ["KEYWARD_HOME", "KEYWARD_BACKEND"]

    /// Whether a variable of Keyward's own stays out of every child.
    /// - Parameter name: the variable's name.
    public static func isWithheld(_ name: String) -> Bool {
        name.hasPrefix("KEYWARD_") && !inheritedKeywardVariables.contains(name)
    }

    /// The environment of a child that gets credentials (or a credential endpoint) from Keyward.
    /// - Parameters:
    ///   - parent: Keyward's own environment.
    ///   - setting: the variables Keyward hands the child; they win over everything removed.
    ///   - replacingRegion: also drop the parent's region variables (when `setting` carries the profile's).
    /// - Returns: `parent` without credential variables and withheld Keyward variables, plus `setting`.
    public static func forChild(
        of parent: [String: String], setting: [String: String], replacingRegion: Bool = false
    ) -> [String: String] {
        var child = parent.filter { !isWithheld($0.key) }
        for name in credentialVariables { child[name] = nil }
        if replacingRegion {
            for name in regionVariables { child[name] = nil }
        }
        child.merge(setting) { _, ours in ours }
        return child
    }

    /// The environment of a helper Keyward runs for itself (`credential_process`, `mfa_process`): the
    /// parent's, less Keyward's withheld variables, plus `setting`.
    public static func forHelper(of parent: [String: String], setting: [String: String] = [:]) -> [String: String] {
        parent.filter { !isWithheld($0.key) }.merging(setting) { _, ours in ours }
    }
}
