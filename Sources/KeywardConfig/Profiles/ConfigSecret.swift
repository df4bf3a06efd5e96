/// A secret read from a config file (`aws_secret_access_key`, `aws_session_token`), never shown.
///
/// Every description, debug description and mirror of it is `<redacted>`, so it cannot leak through
/// logging, string interpolation, `dump` or a failing test's output. Read it only where it is used.
public struct ConfigSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself.
    /// - Warning: Pass it only to the code that signs or stores it; never log or print it.
    public let revealed: String

    /// Wraps a secret.
    public init(_ revealed: String) {
        self.revealed = revealed
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}

/// A long-lived key written in a profile, and which file and line hold it.
public struct StaticCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// `aws_access_key_id`.
    public var accessKeyID: String
    /// `aws_secret_access_key`.
    public var secretAccessKey: ConfigSecret
    /// `aws_session_token` (or the older `aws_security_token`), for temporary keys.
    public var sessionToken: ConfigSecret?
    /// Where `aws_access_key_id` is.
    public var origin: ValueOrigin

    /// Creates credentials.
    public init(accessKeyID: String, secretAccessKey: ConfigSecret, sessionToken: ConfigSecret?, origin: ValueOrigin) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.origin = origin
    }

    /// The key id masked to its last four characters, as aws-vault shows keys.
    public var maskedAccessKeyID: String {
        String(repeating: "*", count: max(accessKeyID.count - 4, 0)) + accessKeyID.suffix(4)
    }

    public var description: String { "key \(maskedAccessKeyID) at \(origin)" }
    public var debugDescription: String { "StaticCredentials(\(description))" }
}
