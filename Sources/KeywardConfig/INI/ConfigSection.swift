/// One `[header]` of a config or credentials file and the entries under it.
///
/// `header` is the text between `[` and the last `]` of the line, spaces kept, exactly as botocore's
/// `configparser` keys sections (`[profile dev]` has header `"profile dev"`). `kind` says what the AWS CLI
/// makes of it.
public struct ConfigSection: Sendable, Equatable {
    /// What a section is to the AWS CLI.
    public enum Kind: Sendable, Equatable {
        /// A profile: `[default]` or `[profile NAME]` in config, any `[NAME]` in credentials.
        case profile(String)
        /// `[sso-session NAME]` (config only).
        case ssoSession(String)
        /// `[services NAME]` (config only): per-service settings such as `endpoint_url`.
        case services(String)
        /// `[DEFAULT]`: `configparser` lends its keys to every other section of the same file.
        case defaults
        /// Any other section (`[preview]`, `[plugins]`, `[ profile x ]`); the CLI keeps it but it is no profile.
        case other
        /// Starts like a profile, sso-session or services header but is not `PREFIX NAME` as botocore
        /// splits it (`[profile]`, `[profile my dev]`, an unclosed quote): the AWS CLI silently drops it.
        case ignored
    }

    /// The header text, without brackets.
    public let header: String
    /// What the section is.
    public let kind: Kind
    /// The 1-based line of the header.
    public let line: Int
    /// The entries, in file order.
    public internal(set) var entries: [ConfigEntry]

    /// Index of the header in the file's lines.
    let headerIndex: Int
    /// Index of the last line holding an entry or continuation (the header when there is none).
    var lastContentIndex: Int
    /// Index of the next header, or the line count.
    var endIndex: Int

    init(header: String, kind: Kind, line: Int, headerIndex: Int) {
        self.header = header
        self.kind = kind
        self.line = line
        self.entries = []
        self.headerIndex = headerIndex
        self.lastContentIndex = headerIndex
        self.endIndex = headerIndex + 1
    }

    /// The entry for a key.
    /// - Parameter key: the key; compared case-insensitively, as the AWS CLI does.
    /// - Returns: the entry, or `nil` when the section has no such key.
    public func entry(forKey key: String) -> ConfigEntry? {
        let wanted = key.lowercased()
        return entries.first { $0.key == wanted }
    }

    /// The value of a key, as the AWS CLI reads it.
    /// - Parameter key: the key; compared case-insensitively.
    /// - Returns: the value, or `nil` when the section has no such key.
    public func value(forKey key: String) -> String? {
        entry(forKey: key)?.value
    }

    /// The name of the profile, sso-session or services section, `nil` for other kinds.
    public var name: String? {
        switch kind {
        case .profile(let name), .ssoSession(let name), .services(let name): return name
        case .defaults, .other, .ignored: return nil
        }
    }

    /// Classifies a header the way botocore's `build_profile_map` does (for config files).
    ///
    /// botocore checks the prefixes `profile`, `sso-session` and `services` with `startswith` and splits
    /// the header with `shlex.split`; exactly two words make a named section, anything else is dropped.
    static func configKind(of header: String) -> Kind {
        if header == "DEFAULT" { return .defaults }
        // Python's startswith compares code points, so compare scalars rather than Characters.
        for prefix in ["profile", "sso-session", "services"]
        where header.unicodeScalars.starts(with: prefix.unicodeScalars) {
            guard let words = ShellWords.split(header), words.count == 2 else { return .ignored }
            switch prefix {
            case "profile": return .profile(words[1])
            case "sso-session": return .ssoSession(words[1])
            default: return .services(words[1])
            }
        }
        return header == "default" ? .profile("default") : .other
    }

    /// Classifies a header of a credentials file: every section is a profile named by its header.
    static func credentialsKind(of header: String) -> Kind {
        header == "DEFAULT" ? .defaults : .profile(header)
    }
}
