import Foundation
import KeywardVault

/// What `keyward list` shows: one row per profile, as a table or as JSON. It holds masked key ids and
/// dates only, never a secret.
///
/// JSON shape (`--json`):
/// ```json
/// {"profiles": [{"name": "jo", "inConfig": true, "backend": "file",
///                "key": {"accessKeyId": "****************WXYZ", "storedAt": "2026-11-23T05:00:00Z"},
///                "sessions": [{"kind": "session-token", "expiration": "2026-11-23T06:00:00Z"}]}]}
/// ```
struct VaultListing: Sendable, Equatable, Encodable {
    /// One profile.
    struct Profile: Sendable, Equatable, Encodable {
        /// The profile name.
        var name: String
        /// Whether `~/.aws/config` or `~/.aws/credentials` defines it.
        var inConfig: Bool
        /// Its stored key, if any.
        var key: Key?
        /// The backend holding the key (`file`, `keyctl`, …), `nil` when no key is stored.
        var backend: String?
        /// Its cached sessions.
        var sessions: [Session]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(inConfig, forKey: .inConfig)
            try container.encode(key, forKey: .key)  // null rather than absent: every row has the same keys
            try container.encode(backend, forKey: .backend)
            try container.encode(sessions, forKey: .sessions)
        }

        private enum CodingKeys: String, CodingKey {
            case name, inConfig, key, backend, sessions
        }
    }

    /// A stored key as listed: the id masked to its last four characters.
    struct Key: Sendable, Equatable, Encodable {
        /// `****************WXYZ`.
        var accessKeyID: String
        /// When it was stored, if known.
        var storedAt: Date?

        private enum CodingKeys: String, CodingKey {
            case accessKeyID = "accessKeyId"
            case storedAt
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(accessKeyID, forKey: .accessKeyID)
            try container.encode(storedAt, forKey: .storedAt)
        }
    }

    /// A cached session of a profile.
    struct Session: Sendable, Equatable, Encodable {
        /// What kind of session it is (`session-token`, `assumed-role`, `web-identity`: `SessionKind`).
        var kind: String
        /// When it expires.
        var expiration: Date?
    }

    /// The rows, in order.
    var profiles: [Profile]

    /// The config files' profiles in their order, then the vault's others in its (sorted) order, then any
    /// other profile that has cached sessions, sorted.
    static func merge(configured: [String], stored: [String], sessions: [String]) -> [String] {
        var names = configured
        var known = Set(configured)
        for name in stored where known.insert(name).inserted { names.append(name) }
        for name in VaultItem.sorted(sessions) where known.insert(name).inserted { names.append(name) }
        return names
    }

    /// Pretty-printed JSON with sorted keys and ISO 8601 dates.
    func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// An aligned table with a header line; `-` marks an empty cell. Empty string when there are no rows.
    func table() -> String {
        guard !profiles.isEmpty else { return "" }
        let header = ["PROFILE", "KEY", "BACKEND", "STORED", "SESSIONS"]
        let rows: [[String]] = profiles.map { profile in
            [
                profile.name,
                profile.key?.accessKeyID ?? "-",
                profile.backend ?? "-",
                profile.key?.storedAt.map(Self.timestamp) ?? "-",
                profile.sessions.isEmpty
                    ? "-"
                    : profile.sessions.map { "\($0.kind) until \($0.expiration.map(Self.timestamp) ?? "?")" }
                        .joined(separator: ", "),
            ]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1
                    ? row[column] : row[column] + String(repeating: " ", count: widths[column] - row[column].count)
            }.joined(separator: "  ") + "\n"
        }.joined()
    }

    /// `2026-11-23T05:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
