import KeywardSystem

/// A long-lived key written in a profile, and which file and line hold it.
public struct StaticCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `aws_access_key_id`.
    public var accessKeyID: String
    /// `aws_secret_access_key`.
    public var secretAccessKey: SecretString
    /// `aws_session_token` (or the older `aws_security_token`), for temporary keys.
    public var sessionToken: SecretString?
    /// Where `aws_access_key_id` is.
    public var origin: ValueOrigin

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: SecretString, sessionToken: SecretString?, origin: ValueOrigin) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.origin = origin
    }

    /// The key id masked to its last four characters, as aws-vault shows keys (``AccessKeyID/masked``).
    public var maskedAccessKeyID: String { AccessKeyID(accessKeyID).masked }

    public var description: String { "key \(maskedAccessKeyID) at \(origin)" }
    public var debugDescription: String { "StaticCredentials(\(description))" }
}
