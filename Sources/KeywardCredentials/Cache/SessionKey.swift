import Crypto

/// What identifies a cached session (and its fetch lock): the chain's source, the MFA session's parameters
/// and every role with every parameter, as typed fields with a canonical encoding.
///
/// Each field is written as its UTF-8 length, `:` and its bytes, and an absent value differs from an empty
/// one, so no value (a session tag holding `,` or `;`, a profile name with `|`) can make two configurations
/// share a key, as delimiter-joined text could. The encoding is hashed for entry and lock names.
public struct SessionKey: Sendable, Hashable {
    /// The fields, in order; the canonical text is built from these alone.
    public private(set) var fields: [String]

    /// A key from its first fields (the encoding version and the source).
    init(_ fields: [String]) {
        self.fields = fields
    }

    /// This key with a tagged group of fields appended (`gst`, `role`, `key`).
    func appending(_ tag: String, _ values: [String?]) -> SessionKey {
        var copy = self
        copy.fields.append(tag)
        copy.fields.append(String(values.count))
        for value in values { copy.fields.append(value.map { "=" + $0 } ?? "~") }
        return copy
    }

    /// This key with the source key's identity (its access key id, a token digest) appended: the cache
    /// entry's full key, so a rotated key never gets the old key's sessions.
    public func identified(by identity: String) -> SessionKey {
        appending("key", [identity])
    }

    /// Whether `prefix`'s fields begin this key's (an MFA session's key begins its role chain's).
    public func extends(_ prefix: SessionKey) -> Bool {
        fields.starts(with: prefix.fields)
    }

    /// The canonical encoding: `LENGTH:BYTES` per field.
    public var canonicalText: String {
        var text = ""
        for field in fields { text += "\(field.utf8.count):\(field)" }
        return text
    }

    /// Lower-case hex SHA-256 of the canonical text.
    public var digest: String {
        SessionCache.hexDigest(canonicalText)
    }
}
