import KeywardAWS

/// Credentials for a profile, ready to hand to a program, and where they came from.
public struct ResolvedCredentials: Sendable, Equatable, CustomStringConvertible {
    /// Where the credentials came from.
    public enum Origin: String, Sendable, Equatable {
        /// The session cache answered.
        case cache
        /// STS was called.
        case fetched
        /// The source's own credentials, used as they are (no session was requested).
        case source
    }

    /// The credentials.
    public var credentials: AWSCredentials
    /// The profile they are for.
    public var profile: String
    /// The profile's region, if configured.
    public var region: String?
    /// Where they came from.
    public var origin: Origin
    /// What AWS records about the session (`nil` for a long-lived key or credentials used as they are).
    public var session: SessionFacts?

    /// Creates a result.
    public init(
        credentials: AWSCredentials, profile: String, region: String?, origin: Origin, session: SessionFacts? = nil
    ) {
        self.session = session
        self.credentials = credentials
        self.profile = profile
        self.region = region
        self.origin = origin
    }

    /// The profile, origin and masked key: never a secret.
    public var description: String { "profile \(profile) (\(origin)): \(credentials)" }
}
