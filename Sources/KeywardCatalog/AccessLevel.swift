/// The access level of an action, as the Service Authorization Reference classifies it (IAM User Guide,
/// "Access levels in policy summaries").
public enum AccessLevel: String, Sendable, CaseIterable, Comparable, Codable {
    /// Listing resources, e.g. `s3:ListBucket`.
    case list = "List"
    /// Reading contents and attributes, e.g. `s3:GetObject`.
    case read = "Read"
    /// Creating, changing and deleting, e.g. `s3:PutObject`.
    case write = "Write"
    /// Changing who may do what, e.g. `iam:PutUserPolicy`, `s3:PutBucketPolicy`.
    case permissionsManagement = "Permissions management"
    /// Changing tags only, e.g. `s3:PutObjectTagging`.
    case tagging = "Tagging"

    /// The one-letter code of the catalogue text.
    init?(code: UInt8) {
        switch code {
        case UInt8(ascii: "L"): self = .list
        case UInt8(ascii: "R"): self = .read
        case UInt8(ascii: "W"): self = .write
        case UInt8(ascii: "P"): self = .permissionsManagement
        case UInt8(ascii: "T"): self = .tagging
        default: return nil
        }
    }

    /// The console's order: List, Read, Write, Permissions management, Tagging.
    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .list: return 0
        case .read: return 1
        case .write: return 2
        case .permissionsManagement: return 3
        case .tagging: return 4
        }
    }

    /// Parses a level as users type it: `list`, `Read`, `permissions-management`, `permissions management`.
    ///
    /// - Parameter text: the level, case-insensitive, with `-` or `_` for spaces.
    /// - Returns: the level, or `nil` when none is named so.
    public init?(userText text: String) {
        let normalized = text.lowercased().replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "_", with: " ")
        guard let level = AccessLevel.allCases.first(where: { $0.rawValue.lowercased() == normalized }) else {
            return nil
        }
        self = level
    }
}
