import KeywardConfig
import KeywardSystem

/// Every way reading a SAML response, analysing a trust policy or writing a session into the shared
/// credentials file can fail.
///
/// `description` is one line of fact naming what was wrong (the file, profile, role or the part of the SAML
/// response), never a secret, a key or the assertion itself.
public enum FederationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The SAML input is larger than the limit (in bytes); nothing was parsed.
    case samlTooLarge(limit: Int)
    /// The SAML input is empty.
    case samlEmpty
    /// The SAML input is neither raw XML nor base64; `reason` names the first bad byte.
    case samlNotBase64(reason: String)
    /// The SAML XML contains markup Keyward refuses (a DOCTYPE or an entity declaration): XXE and entity
    /// expansion bombs start there.
    case samlForbiddenMarkup(String)
    /// The SAML XML is not well-formed; `line` is where the parser stopped.
    case samlMalformedXML(line: Int, reason: String)
    /// The document is not a SAML 2.0 `Response` (its root is named).
    case samlNotAResponse(root: String)
    /// The response carries only an `EncryptedAssertion`, which Keyward cannot read.
    case samlEncryptedAssertion
    /// The response has no `Assertion`.
    case samlNoAssertion
    /// The assertion has no `https://aws.amazon.com/SAML/Attributes/Role` value.
    case samlNoRoles
    /// A Role value is not `role-arn,provider-arn` (in either order).
    case samlMalformedRole(value: String)
    /// `SessionDuration` is not a whole number of seconds in 900...43200.
    case samlInvalidSessionDuration(value: String)
    /// `--role-arn` names a role the assertion does not offer.
    case samlRoleNotOffered(role: String, offered: [String])
    /// The assertion offers several roles and none was chosen (no terminal to ask on).
    case samlRoleNotChosen(offered: [String])
    /// The answer typed when asked for a role's number names none of the `count` roles offered.
    case samlRoleNumberInvalid(answer: String, count: Int)
    /// `import`: the credentials file does not exist.
    case importFileMissing(file: String)
    /// `import`: these profiles' keys were not imported (each has its own line of output saying why).
    case keysNotImported(profiles: [String])
    /// A console sign-in needs a role session; this profile assumes no role.
    case consoleSignInNeedsRole(profile: String)
    /// The sign-in endpoint did not answer within `seconds`.
    case consoleSignInTimedOut(host: String, seconds: Int)
    /// The sign-in endpoint could not be reached.
    case consoleSignInUnreachable(host: String, reason: String)
    /// A duration given on the command line cannot be read.
    case invalidDuration(String)
    /// The section to be replaced holds a long-lived key, which a session must never overwrite.
    case profileHoldsLongLivedKey(profile: String, file: String)
    /// The shared credentials file cannot be read, parsed or edited.
    case credentialsFile(ConfigError)
    /// The console sign-in endpoint refused the session or answered something unexpected.
    case consoleSignIn(reason: String)
    /// A sign-in endpoint that would carry the session over plain HTTP to another machine.
    case insecureSignInEndpoint(String)
    /// Locking, reading or writing a file failed.
    case system(SystemError)

    public var description: String {
        switch self {
        case .samlTooLarge(let limit):
            return "SAML response: larger than \(limit) bytes; refused without parsing"
        case .samlEmpty:
            return "SAML response: standard input is empty"
        case .samlNotBase64(let reason):
            return "SAML response: neither XML nor base64: \(reason)"
        case .samlForbiddenMarkup(let what):
            return "SAML response: \(what) is not accepted (external entities and entity expansion are refused)"
        case .samlMalformedXML(let line, let reason):
            return "SAML response: line \(line): \(reason)"
        case .samlNotAResponse(let root):
            return "SAML response: root element is \(root), not a SAML 2.0 Response"
        case .samlEncryptedAssertion:
            return "SAML response: the assertion is encrypted; ask the IdP for an unencrypted one for AWS"
        case .samlNoAssertion:
            return "SAML response: no Assertion element"
        case .samlNoRoles:
            return "SAML response: no https://aws.amazon.com/SAML/Attributes/Role attribute value"
        case .samlMalformedRole(let value):
            return "SAML response: Role value \"\(value)\" is not \"role-arn,saml-provider-arn\""
        case .samlInvalidSessionDuration(let value):
            return "SAML response: SessionDuration \"\(value)\" is not a number of seconds in 900...43200"
        case .samlRoleNotOffered(let role, let offered):
            return "SAML response: role \(role) is not offered; offered: \(offered.joined(separator: ", "))"
        case .samlRoleNotChosen(let offered):
            return "SAML response offers several roles, choose one with --role-arn: \(offered.joined(separator: ", "))"
        case .samlRoleNumberInvalid(let answer, let count):
            return "no role numbered \"\(answer)\"; choose 1 to \(count)"
        case .importFileMissing(let file):
            return "\(file): no such file; nothing to import"
        case .keysNotImported(let profiles):
            return "not imported: \(profiles.joined(separator: ", ")); see the lines above"
        case .consoleSignInNeedsRole(let profile):
            return "profile \(profile) has no role_arn: only role sessions can sign in to the console"
                + " (AWS refuses GetSessionToken credentials and long-lived keys)"
        case .consoleSignInTimedOut(let host, let seconds):
            return "console sign-in: \(host) did not answer within \(seconds) s"
        case .consoleSignInUnreachable(let host, let reason):
            return "console sign-in: cannot reach \(host): \(reason)"
        case .invalidDuration(let text):
            return "duration \"\(text)\": expected seconds (3600) or a Go-style duration (1h, 15m, 1h30m)"
        case .profileHoldsLongLivedKey(let profile, let file):
            return "\(file): [\(profile)] holds a long-lived key; write the session to another profile"
                + " (or move the key into the vault with `keyward import`)"
        case .credentialsFile(let error):
            return error.description
        case .consoleSignIn(let reason):
            return "console sign-in: \(reason)"
        case .insecureSignInEndpoint(let url):
            return "console sign-in endpoint \(url): must be https (plain http only on 127.0.0.1, ::1 or localhost)"
        case .system(let error):
            return error.description
        }
    }
}
