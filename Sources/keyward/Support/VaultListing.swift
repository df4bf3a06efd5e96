import Foundation
import KeywardVault

/// What `keyward list` shows: one row per profile, as a table or as JSON. It holds masked key ids and
/// dates only, never a secret.
///
/// JSON shape (`--json`):
/// ```json
/// {"profiles": [{"name": "jo", "inConfig": true, "backend": "file", "survivesReboot": true,
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
        /// Whether its key is still there after a reboot (`nil` when no key is stored): the kernel keyring
        /// forgets (issue 21, item 2).
        var survivesReboot: Bool? = nil

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(inConfig, forKey: .inConfig)
            try container.encode(key, forKey: .key)  // null rather than absent: every row has the same keys
            try container.encode(backend, forKey: .backend)
            try container.encode(sessions, forKey: .sessions)
            try container.encode(survivesReboot, forKey: .survivesReboot)
        }

        private enum CodingKeys: String, CodingKey {
            case name, inConfig, key, backend, sessions, survivesReboot
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
        /// Its access key id, masked: two sessions of one profile differ here (issue 21, item 15).
        var accessKeyID: String? = nil

        private enum CodingKeys: String, CodingKey {
            case kind, expiration
            case accessKeyID = "accessKeyId"
        }
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

    /// An aligned table with a header line; `-` marks an empty cell. Empty string when there are no rows
    /// (`ListCommand` then says so on stderr, keeping stdout data only).
    func table() -> String {
        guard !profiles.isEmpty else { return "" }
        let header = ["PROFILE", "KEY", "BACKEND", "STORED", "SESSIONS"]
        let rows: [[String]] = profiles.map { profile in
            [
                profile.name,
                profile.key?.accessKeyID ?? "-",
                profile.backend.map { profile.survivesReboot == false ? $0 + " (until reboot)" : $0 } ?? "-",
                profile.key?.storedAt.map(Self.timestamp) ?? "-",
                profile.sessions.isEmpty ? "-" : Self.sessionsCell(profile.sessions),
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

    /// `assumed-role until T`, one per session; two of the same kind also show their key ids, so duplicate
    /// sessions (from a rotated key, or an edited chain) are told apart.
    static func sessionsCell(_ sessions: [Session]) -> String {
        let kinds = sessions.map(\.kind)
        return sessions.map { session in
            let until = "\(session.kind) until \(session.expiration.map(Self.timestamp) ?? "?")"
            guard kinds.filter({ $0 == session.kind }).count > 1, let key = session.accessKeyID else { return until }
            return until + " (key \(key))"
        }.joined(separator: ", ")
    }

    /// `2026-11-23T05:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
