extension StoredKey {
    /// Whether `other` is the same key pair (id and secret; when it was stored does not matter), so storing it
    /// again loses nothing and needs no confirmation.
    /// - Parameter other: the key about to be stored.
    /// - Returns: `true` when both the id and the secret are equal.
    public func holdsSameKey(as other: StoredKey) -> Bool {
        accessKeyID == other.accessKeyID && secretAccessKey.unredacted == other.secretAccessKey.unredacted
    }
}
