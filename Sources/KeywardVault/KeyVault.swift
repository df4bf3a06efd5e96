/// The long-lived access keys of profiles, kept in any `SecretStore`: what `keyward add`, `list`,
/// `remove` and `rotate` work with.
///
/// ```swift
/// let vault = KeyVault(store: FileSecretStore(directory: home, passphrase: source))
/// try await vault.storeKey(StoredKey(accessKeyID: id, secretAccessKey: secret, storedAt: now), profile: "jo")
/// let key = try await vault.key(profile: "jo")
/// ```
public struct KeyVault: Sendable {
    /// Where the keys are kept.
    public let store: any SecretStore

    /// A vault over `store`.
    /// - Parameter store: the backend.
    public init(store: any SecretStore) {
        self.store = store
    }

    /// Stores (or replaces) the key of `profile`.
    /// - Parameters:
    ///   - key: the key pair.
    ///   - profile: the profile name.
    /// - Throws: `VaultError` from the store, `invalidItemName` for an unusable profile name, or
    ///   `keyWouldNotSurviveReboot` when the store forgets at reboot (see `checkKeepsKeys`).
    public func storeKey(_ key: StoredKey, profile: String) async throws(VaultError) {
        try checkKeepsKeys()
        try await store.store(key.encoded(), for: .accessKey(profile: profile))
    }

    /// Refuses a store that forgets at reboot: a long-lived key stored there is the only copy Keyward has
    /// (after `rotate`, the only copy there is), and it would be gone for good (issue 21, item 2). Keys
    /// already there are still read, listed and removed.
    /// - Throws: `VaultError.keyWouldNotSurviveReboot`.
    public func checkKeepsKeys() throws(VaultError) {
        guard store.kind.survivesReboot else { throw .keyWouldNotSurviveReboot(store.kind) }
    }

    /// The key of `profile`.
    /// - Parameter profile: the profile name.
    /// - Returns: the key, or `nil` when none is stored.
    /// - Throws: `VaultError` from the store, or `malformedItem` when the stored text is not a key.
    public func key(profile: String) async throws(VaultError) -> StoredKey? {
        let item = try VaultItem.accessKey(profile: profile)
        guard let secret = try await store.read(item) else { return nil }
        return try StoredKey.decode(secret, item: item, location: store.location)
    }

    /// Deletes the key of `profile`.
    /// - Parameter profile: the profile name.
    /// - Returns: whether a key was stored.
    /// - Throws: `VaultError` from the store.
    @discardableResult
    public func removeKey(profile: String) async throws(VaultError) -> Bool {
        try await store.delete(.accessKey(profile: profile))
    }

    /// The profiles that have a stored key, sorted.
    /// - Returns: the profile names.
    /// - Throws: `VaultError` from the store.
    public func profiles() async throws(VaultError) -> [String] {
        try await store.list(.accessKey)
    }
}
