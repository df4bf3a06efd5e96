import FoundationEssentials
import KeywardAWS
import KeywardSystem

/// A temporary session as the cache keeps it: the credentials and what they are for.
///
/// Stored as compact JSON in a `SecretStore` item (it holds the secret and the token, so it is a secret);
/// its printed form never shows them.
public struct CachedSession: Sendable, Equatable, CustomStringConvertible {
    /// What kind of session it is.
    public var kind: SessionKind
    /// The profile it was fetched for.
    public var profile: String
    /// The chain it stands for, `admin <- jo`.
    public var chain: String
    /// The credentials, always with a session token and an expiry.
    public var credentials: AWSCredentials
    /// When the session stops working.
    public var expiration: Date

    /// Creates a cache entry.
    /// - Parameters:
    ///   - kind: the kind of session.
    ///   - profile: the profile it was fetched for.
    ///   - chain: the chain it stands for.
    ///   - credentials: the temporary credentials.
    ///   - expiration: when they expire.
    public init(kind: SessionKind, profile: String, chain: String, credentials: AWSCredentials, expiration: Date) {
        self.kind = kind
        self.profile = profile
        self.chain = chain
        self.credentials = credentials
        self.expiration = expiration
    }

    /// `assumed-role session for admin (admin <- jo) until …`: never a secret.
    public var description: String {
        "\(kind) session for \(profile) (\(chain)), key \(credentials.maskedAccessKeyID)"
    }

    /// The text stored in the cache: a version line, then one field per line. Plain lines rather than JSON
    /// keep the cached path free of `Codable` and its runtime type lookups (issue 5's 10 ms budget); no field
    /// can hold a line break (profile names and STS values never do).
    func encoded() -> SecretString {
        let fields = [
            Self.header, kind.rawValue, profile, chain, credentials.accessKeyID, credentials.secretAccessKey.value,
            credentials.sessionToken?.value ?? "", String(Int64(expiration.timeIntervalSince1970.rounded(.down))),
        ]
        return SecretString(fields.joined(separator: "\n"))
    }

    /// Decodes what `encoded()` wrote; `nil` for anything else (a stale format is simply a cache miss).
    static func decode(_ secret: SecretString) -> CachedSession? {
        let fields = secret.unredacted.split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 8, fields[0] == header, let kind = SessionKind(rawValue: String(fields[1])),
            let seconds = Int64(fields[7])
        else { return nil }
        let expiration = Date(timeIntervalSince1970: Double(seconds))
        return CachedSession(
            kind: kind, profile: String(fields[2]), chain: String(fields[3]),
            credentials: AWSCredentials(
                accessKeyID: String(fields[4]), secretAccessKey: SecretAccessKey(String(fields[5])),
                sessionToken: fields[6].isEmpty ? nil : SessionToken(String(fields[6])), expiration: expiration),
            expiration: expiration)
    }

    private static let header = "keyward-session 1"
}
