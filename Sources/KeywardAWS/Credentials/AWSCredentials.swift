import Foundation
import KeywardSystem

/// An AWS access key pair, with the session token and expiry of temporary credentials.
///
/// `description` shows the access key ID masked to its last four characters, as aws-vault's
/// `FormatKeyForDisplay` does, and never the secret or the token:
/// ```swift
/// let credentials = AWSCredentials(
///     accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SecretString("wJalr..."))
/// print(credentials)  // AWSCredentials(accessKeyID: ****************MPLE, sessionToken: none, expiration: none)
/// ```
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    /// The access key ID (`AKIA...` for IAM users, `ASIA...` for temporary credentials).
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: SecretString
    /// The session token of temporary credentials; `nil` for an IAM user's long-term key.
    public var sessionToken: SecretString?
    /// When temporary credentials stop working; `nil` for long-term keys.
    public var expiration: Date?

    /// Creates credentials.
    /// - Parameters:
    ///   - accessKeyID: The access key ID.
    ///   - secretAccessKey: The secret access key.
    ///   - sessionToken: The session token, for temporary credentials.
    ///   - expiration: The expiry, for temporary credentials.
    public init(
        accessKeyID: String, secretAccessKey: SecretString, sessionToken: SecretString? = nil,
        expiration: Date? = nil
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The access key ID for display (``AccessKeyID/masked``): sixteen `*` and its last four characters.
    public var maskedAccessKeyID: String { AccessKeyID(accessKeyID).masked }

    /// One line with the masked key ID, whether a session token is present, and the expiry; never a secret.
    public var description: String {
        let token = sessionToken == nil ? "none" : "<redacted>"
        let expiry = expiration.map { $0.formatted(.iso8601) } ?? "none"
        return "AWSCredentials(accessKeyID: \(maskedAccessKeyID), sessionToken: \(token), expiration: \(expiry))"
    }
}
