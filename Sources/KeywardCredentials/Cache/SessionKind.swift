/// What kind of temporary session a cache entry holds.
public enum SessionKind: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// `sts:GetSessionToken`, with or without MFA.
    case sessionToken = "session-token"
    /// `sts:AssumeRole` (the last role of a chain).
    case assumedRole = "assumed-role"
    /// `sts:AssumeRoleWithWebIdentity`.
    case webIdentity = "web-identity"

    /// The spelling, e.g. `assumed-role`.
    public var description: String { rawValue }
}
