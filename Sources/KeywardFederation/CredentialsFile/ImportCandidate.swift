import Foundation
import KeywardAWS
import KeywardConfig
import KeywardSystem

/// One profile of the shared credentials file as `keyward import` sees it: a long-lived key to move into
/// the vault, or something to leave alone and why.
///
/// ```swift
/// for candidate in ImportCandidate.all(in: file) {
///     guard case .longLivedKey(let key) = candidate.kind else { continue }
///     try await vault.storeKey(..., profile: candidate.profile)
/// }
/// ```
public struct ImportCandidate: Sendable, Equatable {
    /// What a profile's section holds.
    public enum Kind: Sendable, Equatable {
        /// An IAM user's key: an `AKIA…` id and a secret, no session token. The one kind that is imported.
        case longLivedKey(AWSCredentials)
        /// Temporary credentials: an `ASIA…` id or any id with `aws_session_token` (or `aws_security_token`).
        case session
        /// No `aws_access_key_id` (a profile holding only settings, or only a secret).
        case noKey
        /// `aws_access_key_id` without `aws_secret_access_key`.
        case missingSecret
        /// An id without a session token that is not an IAM user key id (`AKIA` and 16 to 128 upper-case
        /// letters and digits); left alone rather than guessed at.
        case unrecognizedKeyID
    }

    /// The profile (the section's name in the credentials file).
    public var profile: String
    /// The 1-based line of the section header.
    public var line: Int
    /// What the section holds.
    public var kind: Kind

    /// Describes one profile.
    /// - Parameters:
    ///   - profile: the profile name.
    ///   - line: the 1-based line of its section header.
    ///   - kind: what it holds.
    public init(profile: String, line: Int, kind: Kind) {
        self.profile = profile
        self.line = line
        self.kind = kind
    }

    /// Every profile of a credentials file, in file order (`[DEFAULT]` and other non-profile sections are
    /// skipped).
    /// - Parameter file: a parsed shared credentials file.
    /// - Returns: one candidate per profile section.
    public static func all(in file: ConfigFile) -> [ImportCandidate] {
        file.sections.compactMap { section in
            guard case .profile(let name) = section.kind else { return nil }
            return ImportCandidate(profile: name, line: section.line, kind: classify(section))
        }
    }

    /// What one section holds.
    /// - Parameter section: a section of the credentials file.
    /// - Returns: its kind; only `.longLivedKey` carries the key.
    public static func classify(_ section: ConfigSection) -> Kind {
        guard let id = section.value(forKey: "aws_access_key_id"), !id.isEmpty else { return .noKey }
        let token = section.value(forKey: "aws_session_token") ?? section.value(forKey: "aws_security_token")
        if token.map({ !$0.isEmpty }) ?? false || id.hasPrefix("ASIA") { return .session }
        guard let secret = section.value(forKey: "aws_secret_access_key"), !secret.isEmpty else {
            return .missingSecret
        }
        guard AccessKeyID(id).shape == .longTerm else { return .unrecognizedKeyID }
        return .longLivedKey(AWSCredentials(accessKeyID: id, secretAccessKey: SecretString(secret)))
    }

    /// The comment `import --scrub` leaves where a profile's key was, e.g.
    /// `# keyward: the key of profile "jo" moved to the keyward vault (file backend) on 2026-11-23`.
    /// - Parameters:
    ///   - profile: the profile whose key moved.
    ///   - backend: the vault backend's name (`file`, `secret-service`, …).
    ///   - date: when it moved; written as the UTC date.
    /// - Returns: the comment line, without a line break.
    public static func scrubComment(profile: String, backend: String, date: Date) -> String {
        "# keyward: the key of profile \"\(profile)\" moved to the keyward vault (\(backend) backend) on "
            + utcStamp(date, dateOnly: true)
    }

    /// The backup path `import --scrub` keeps the original file at before its first edit:
    /// `credentials.keyward-backup-20261123T050000Z` beside the file, with `-2`, `-3`, … added for a later
    /// attempt in the same second.
    /// - Parameters:
    ///   - path: the credentials file's path.
    ///   - date: the time stamped into the name (UTC).
    ///   - attempt: 1 for the plain name, 2 and up for the suffixed ones.
    /// - Returns: the backup's path.
    public static func backupPath(for path: String, date: Date, attempt: Int = 1) -> String {
        let base = path + ConfigPaths.importBackupInfix + utcStamp(date, dateOnly: false)
        return attempt <= 1 ? base : base + "-\(attempt)"
    }

    /// `2026-11-23` or `20261123T050000Z`, in UTC.
    private static func utcStamp(_ date: Date, dateOnly: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        let year = String(parts.year ?? 0)
        if dateOnly { return "\(year)-\(two(parts.month))-\(two(parts.day))" }
        return "\(year)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
    }
}
