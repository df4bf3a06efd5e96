import FoundationEssentials
import KeywardSystem

/// An IAM user's long-lived access key pair as Keyward stores it, with when it was stored.
///
/// Its printed form never shows the secret and masks the key id to its last four characters
/// (`****************WXYZ`), as aws-vault's `FormatKeyForDisplay` does. Stored as JSON:
/// `{"accessKeyId":"AKIA…","secretAccessKey":"…","storedAt":"2026-11-23T05:00:00Z"}`.
public struct StoredKey: Sendable, Equatable, CustomStringConvertible {
    /// The access key id, `AKIA…` for a long-lived key.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: SecretString
    /// When it was stored, to whole seconds; `nil` when unknown.
    public var storedAt: Date?

    /// A key pair.
    /// - Parameters:
    ///   - accessKeyID: the access key id.
    ///   - secretAccessKey: the secret access key.
    ///   - storedAt: when it is stored (the caller's clock), or `nil`.
    public init(accessKeyID: String, secretAccessKey: SecretString, storedAt: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.storedAt = storedAt.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
    }

    /// The key id masked to its last four characters, for display (``AccessKeyID/masked``).
    public var maskedAccessKeyID: String { AccessKeyID(accessKeyID).masked }

    /// What kind of key the id's shape says it is.
    public var shape: AccessKeyID.Shape { AccessKeyID(accessKeyID).shape }

    /// `AKIA key ****************WXYZ` style: never the secret.
    public var description: String { "access key \(maskedAccessKeyID)" }

    /// The JSON text stored in a `SecretStore`.
    /// - Returns: the encoded key, as a secret (it contains the secret access key).
    public func encoded() -> SecretString {
        let fields = Fields(
            accessKeyId: accessKeyID, secretAccessKey: secretAccessKey.unredacted, storedAt: storedAt)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding strings and a date into JSON cannot fail.
        let data = (try? encoder.encode(fields)) ?? Data()
        return SecretString(String(decoding: data, as: UTF8.self))
    }

    /// Decodes what `encoded()` wrote.
    /// - Parameters:
    ///   - secret: the stored JSON text.
    ///   - item: the item it was read from, for the error.
    ///   - location: the store's location, for the error.
    /// - Returns: the key.
    /// - Throws: `VaultError.malformedItem` when the text is not a stored key.
    public static func decode(
        _ secret: SecretString, item: VaultItem, location: String
    ) throws(VaultError) -> StoredKey {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let fields = try? decoder.decode(Fields.self, from: Data(secret.unredacted.utf8)) else {
            throw .malformedItem(item, location: location, reason: "not a stored access key")
        }
        return StoredKey(
            accessKeyID: fields.accessKeyId, secretAccessKey: SecretString(fields.secretAccessKey),
            storedAt: fields.storedAt)
    }

    /// The stored JSON's fields, named as the AWS CLI names them.
    private struct Fields: Codable {
        var accessKeyId: String
        var secretAccessKey: String
        var storedAt: Date?
    }
}
