import KeywardVault

/// The vault of long-lived keys as the resolver reaches it: opened only when a key must be read, with a
/// cheap stamp of its state so a cached command can trust a remembered key id without decrypting anything.
///
/// ```swift
/// let keys = KeySource(location: store.location, stamp: { SecureFile.stamp(of: path) }, open: { vault })
/// ```
public struct KeySource: Sendable {
    /// The key store's location (a file path, `kernel user keyring`, …): part of the memo's name.
    public var location: String
    /// A text that changes whenever the stored keys may have changed, or `nil` when there is no cheap way to
    /// tell (then the vault is read every time a key id is needed).
    public var stamp: @Sendable () -> String?
    /// Opens the vault; called at most once per resolution, only on a cache miss.
    public var open: @Sendable () throws(VaultError) -> KeyVault

    /// Describes the key store.
    /// - Parameters:
    ///   - location: the store's location.
    ///   - stamp: the store's change stamp, if it has a cheap one.
    ///   - open: builds the vault.
    public init(
        location: String, stamp: @escaping @Sendable () -> String?,
        open: @escaping @Sendable () throws(VaultError) -> KeyVault
    ) {
        self.location = location
        self.stamp = stamp
        self.open = open
    }
}
