import KeywardAWS
import KeywardConfig
import KeywardSystem
import KeywardVault

/// Every way turning a profile into credentials can fail.
///
/// `description` is one line of fact naming the profile and what to do next; no case ever holds a secret,
/// an MFA code or a raw response body. Lower layers' errors are kept as causes (`config`, `vault`, `sts`).
public enum CredentialsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The config or credentials file could not be read or resolved.
    case config(ConfigError)
    /// The key vault or the session cache failed.
    case vault(VaultError)
    /// An STS call failed; `operation` is e.g. `sts:AssumeRole`.
    case sts(profile: String, AWSClientError)
    /// A configured endpoint URL is unusable (not an absolute http(s) URL).
    case endpoint(profile: String?, AWSClientError)
    /// The profile at the root of the chain has no credentials anywhere Keyward looks.
    case noCredentials(profile: String)
    /// The profile is in no config file and has no key in the vault: most often a typo. `referrer` is the
    /// profile whose `source_profile` names it (when it is not the one asked for); `closest` are the
    /// existing names nearest to it.
    case profileNotFound(profile: String, referrer: String?, closest: [String])
    /// A profile that assumes a role was given where a profile holding a key is needed (`--source-profile`,
    /// `roles`); `sourceProfile` is its `source_profile`, the one to give instead.
    case roleProfileWhereKeyNeeded(profile: String, sourceProfile: String?)
    /// An MFA code was given but no device is known: no `--mfa-serial` and no `mfa_serial` in the profile.
    case mfaSerialMissing(profile: String)
    /// An MFA code was given for a profile whose config names no MFA device (`rotate --mfa-token`).
    case mfaTokenWithoutSerial(profile: String)
    /// An MFA code is needed and none could be had: no `--mfa-token`, no `mfa_process`, no terminal.
    case mfaCodeUnavailable(profile: String, serial: String)
    /// The MFA prompt on the terminal was cancelled or failed.
    case mfaPromptFailed(profile: String, serial: String, reason: String)
    /// `mfa_process` failed or printed no code.
    case mfaProcessFailed(profile: String, reason: String)
    /// `credential_process` failed or printed something other than credentials.
    case credentialProcessFailed(profile: String, reason: String)
    /// A `credential_process` started Keyward again for a profile it is already resolving (or nested
    /// too deep); `caller` is the profile whose `credential_process` did it, `origin` its line.
    case credentialProcessLoop(profile: String, caller: String, origin: String?)
    /// `web_identity_token_file` could not be read.
    case webIdentityTokenUnreadable(profile: String, file: String)
    /// `credential_source = Environment` but the environment holds no key.
    case environmentCredentialsMissing(profile: String)
    /// A source Keyward does not handle (IAM Identity Center).
    case unsupportedSource(profile: String, source: String)
    /// `credential_source = Ec2InstanceMetadata` or `EcsContainer` gave no credentials. `endpoint` is where it
    /// asked: scheme, host and port only (an ECS path names the task's credentials), `nil` when no endpoint was
    /// chosen.
    case metadataService(profile: String, source: Profile.CredentialSource, endpoint: String?, MetadataFailure)
    /// Waiting for another process that fetches the same session failed or timed out.
    case lock(profile: String, SystemError)
    /// This task asked again for a credential lock it already holds (a bug: waiting would never end).
    case lockReentered(profile: String, path: String)

    public var description: String {
        switch self {
        case .config(let error):
            return error.description
        case .vault(let error):
            return error.description
        case .sts(let profile, let error):
            return "profile \(profile): \(error.description)"
        case .endpoint(let profile, let error):
            return (profile.map { "profile \($0): " } ?? "") + error.description
        case .noCredentials(let profile):
            return
                "profile \(profile): no credentials: no key stored for it (keyward add \(ShellQuoting.quoted(profile))) "
                + "and none in the AWS config files or the environment"
        case .profileNotFound(let profile, let referrer, let closest):
            let subject = referrer.map { "source_profile \"\(profile)\" of profile \(ShellQuoting.quoted($0))" }
            let hint =
                closest.isEmpty
                ? "keyward list shows the profiles there are"
                : "the closest: " + closest.map(ShellQuoting.quoted).joined(separator: ", ")
            return
                "\(subject ?? "profile \"\(profile)\"") does not exist in the AWS config files or the vault; \(hint)"
        case .roleProfileWhereKeyNeeded(let profile, let sourceProfile):
            let instead = sourceProfile.map { "; its source_profile \(ShellQuoting.quoted($0)) holds the key" } ?? ""
            return
                "profile \(profile) assumes a role (role_arn) and holds no key: give a profile with a key here\(instead)"
        case .mfaSerialMissing(let profile):
            return
                "profile \(profile) has no mfa_serial and no --mfa-serial was given: the MFA code needs its device's ARN"
        case .mfaTokenWithoutSerial(let profile):
            return "profile \(profile) has no mfa_serial in the config; --mfa-token needs one"
        case .mfaCodeUnavailable(let profile, let serial):
            return
                "profile \(profile): an MFA code for \(serial) is needed: pass --mfa-token CODE, set mfa_process "
                + "in the profile, or run from a terminal to be asked"
        case .mfaPromptFailed(let profile, let serial, let reason):
            return "profile \(profile): no MFA code for \(serial): \(reason)"
        case .mfaProcessFailed(let profile, let reason):
            return "profile \(profile): mfa_process: \(reason)"
        case .credentialProcessFailed(let profile, let reason):
            return "profile \(profile): credential_process: \(reason)"
        case .credentialProcessLoop(let profile, let caller, let origin):
            let place = origin.map { " (\($0))" } ?? ""
            return
                "profile \(profile): the credential_process of profile \(caller)\(place) runs keyward for a profile "
                + "it is already resolving, which would never end; point it at another profile or remove it"
        case .webIdentityTokenUnreadable(let profile, let file):
            return "profile \(profile): cannot read web_identity_token_file \(file)"
        case .environmentCredentialsMissing(let profile):
            return
                "profile \(profile): credential_source = Environment but AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY are not set"
        case .unsupportedSource(let profile, let source):
            return "profile \(profile): \(source) is not supported by Keyward yet"
        case .metadataService(let profile, let source, let endpoint, let failure):
            return "profile \(profile): credential_source = \(source.rawValue)" + (endpoint.map { " at \($0)" } ?? "")
                + ": \(failure)"
        case .lock(let profile, let error):
            return "profile \(profile): \(error.description)"
        case .lockReentered(let profile, let path):
            return "profile \(profile): internal error: the lock \(path) is already held by this command"
        }
    }
}
