/// The long-lived keys an older Keyward kept in the kernel user keyring as `keyward:access-key:NAME`, before
/// keyctl keys were namespaced by `KEYWARD_HOME` (issue 21, item 2).
///
/// Such a key belongs to no home, so no home reads it as its own: serving it to every home is what the
/// namespace stops. It may also be the only copy of the key, and the kernel forgets it at reboot, so it is
/// not deleted or renamed either. `keyward doctor` reports each one with the command that moves it, and
/// `move(profile:into:)` stores it in a home's persistent vault, reads it back, and only then deletes it.
///
/// ```swift
/// let legacy = LegacyKeyctlKeys()
/// for profile in legacy.profiles() { print("keyward add \(profile) --from-legacy-keyring") }
/// ```
public struct LegacyKeyctlKeys: Sendable {
    /// The store of the old descriptions.
    public let store: KeyctlSecretStore

    /// The legacy keys of the user keyring.
    /// - Parameter descriptionPrefix: the old prefix, `keyward` unless told otherwise (tests use their own).
    public init(descriptionPrefix: String = KeyctlSecretStore.legacyDescriptionPrefix) {
        store = KeyctlSecretStore(keyring: .user, descriptionPrefix: descriptionPrefix)
    }

    /// The profiles that have a legacy key, sorted; empty when the keyring cannot be read (seccomp).
    public func profiles() -> [String] {
        (try? store.currentNames(.accessKey)) ?? []
    }

    /// The legacy key of `profile`.
    /// - Parameter profile: the profile name.
    /// - Returns: the key, or `nil` when there is none.
    /// - Throws: `VaultError` from the keyring, or `malformedItem` when the stored text is not a key.
    public func key(profile: String) throws(VaultError) -> StoredKey? {
        let item = try VaultItem.accessKey(profile: profile)
        guard let secret = try store.currentValue(of: item) else { return nil }
        return try StoredKey.decode(secret, item: item, location: "\(store.location) (legacy, no home)")
    }

    /// Moves the legacy key of `profile` into `vault`: stored there (which refuses a backend that forgets
    /// at reboot), read back and compared, and only then deleted from the user keyring, so a failure at any
    /// step leaves a copy.
    /// - Parameters:
    ///   - profile: the profile name.
    ///   - vault: the home's vault.
    /// - Returns: the key moved, or `nil` when there was no legacy key.
    /// - Throws: `VaultError` from either store, `keyWouldNotSurviveReboot` for a keyctl vault, or
    ///   `malformedItem` when the copy read back differs.
    public func move(profile: String, into vault: KeyVault) async throws(VaultError) -> StoredKey? {
        guard let key = try key(profile: profile) else { return nil }
        try await vault.storeKey(key, profile: profile)
        guard let copy = try await vault.key(profile: profile), copy.holdsSameKey(as: key) else {
            throw .malformedItem(
                try .accessKey(profile: profile), location: vault.store.location,
                reason: "the copy read back differs; the legacy key is kept")
        }
        _ = try store.deleteNow(.accessKey(profile: profile))
        return key
    }
}
