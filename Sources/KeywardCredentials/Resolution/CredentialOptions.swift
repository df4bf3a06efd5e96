/// Choices that shape a `CredentialPlan`: flags and defaults, passed down as values.
public struct CredentialOptions: Sendable, Equatable {
    /// Open a `GetSessionToken` session for a long-lived key (`--no-session` turns it off).
    public var useSessionToken: Bool
    /// Open a session without MFA for a plain long-lived key that assumes no role, so programs never get
    /// the long-lived key itself (`exec`, `export`); `whoami` turns it off and signs with the key.
    public var plainKeySessions: Bool
    /// The length of MFA sessions, 8 hours unless configured.
    public var sessionDuration: Int
    /// `--duration`: the length of the final session, in seconds.
    public var duration: Int?
    /// The local login name, the role session name when no MFA device names the person.
    public var loginName: String?

    /// The default MFA session length: 8 hours, a working day of role switching on one code.
    public static let defaultSessionDuration = 8 * 3600

    /// Creates options.
    /// - Parameters:
    ///   - useSessionToken: `false` for `--no-session`.
    ///   - plainKeySessions: whether a key without MFA and without roles still gets a session.
    ///   - sessionDuration: the MFA session length in seconds (900...129600, `GetSessionToken`'s range).
    ///   - duration: `--duration` in seconds, if given.
    ///   - loginName: the local user's login name, if known.
    public init(
        useSessionToken: Bool = true, plainKeySessions: Bool = true,
        sessionDuration: Int = CredentialOptions.defaultSessionDuration,
        duration: Int? = nil, loginName: String? = nil
    ) {
        self.useSessionToken = useSessionToken
        self.plainKeySessions = plainKeySessions
        self.sessionDuration = sessionDuration
        self.duration = duration
        self.loginName = loginName
    }
}
