import KeywardSystem

/// A place that keeps secrets: one protocol, four real backends and an in-memory one for tests.
///
/// Every backend behaves the same way, as the conformance suite in `KeywardVaultTests` checks against
/// the real thing: `store` creates or replaces, `read` of a missing item is `nil`, `delete` of a missing
/// item is `false`, `list` returns the names of one kind sorted by `VaultItem.sorted`, and concurrent writers in several
/// processes never lose each other's writes. No backend ever passes a secret in a child process's
/// arguments or environment.
///
/// ```swift
/// let store: any SecretStore = FileSecretStore(directory: home, passphrase: .fixed(passphrase))
/// let item = try VaultItem.accessKey(profile: "dev")
/// try await store.store(SecretString(json), for: item)
/// let back = try await store.read(item)
/// ```
///
/// - Warning: Backends that call blocking system interfaces (the kernel keyring, D-Bus, `pass` and `gpg`,
///   scrypt) do so on the calling task's thread; they are meant for a command-line process, not a server's
///   event loop.
public protocol SecretStore: Sendable {
    /// Which backend this is.
    var kind: SecretStoreKind { get }

    /// Where the secrets live, for messages: a file path, `kernel user keyring`, a store directory.
    var location: String { get }

    /// Stores `secret` under `item`, replacing any secret already stored there.
    /// - Parameters:
    ///   - secret: the secret text.
    ///   - item: where to store it.
    /// - Throws: `VaultError` naming the store and item when it cannot be stored; nothing is changed then.
    func store(_ secret: SecretString, for item: VaultItem) async throws(VaultError)

    /// Stores `secret` under `item`, to be forgotten after `lifetime` where the backend can expire items
    /// (the kernel keyring does); the default ignores the lifetime.
    /// - Parameters:
    ///   - secret: the secret text.
    ///   - item: where to store it.
    ///   - lifetime: how long it should live, or `nil` for as long as the backend keeps things.
    /// - Throws: `VaultError` as `store(_:for:)`.
    func store(_ secret: SecretString, for item: VaultItem, expiringAfter lifetime: Duration?) async throws(VaultError)

    /// Reads the secret stored under `item`.
    /// - Parameter item: the item to read.
    /// - Returns: the secret, or `nil` when nothing is stored under `item`.
    /// - Throws: `VaultError` when the store cannot be read.
    func read(_ item: VaultItem) async throws(VaultError) -> SecretString?

    /// Lists the names of the items of one kind.
    /// - Parameter kind: the kind to list.
    /// - Returns: the names, sorted by Unicode scalar values (`VaultItem.sorted`).
    /// - Throws: `VaultError` when the store cannot be read.
    func list(_ kind: VaultItem.Kind) async throws(VaultError) -> [String]

    /// Deletes the secret stored under `item`.
    /// - Parameter item: the item to delete.
    /// - Returns: `true` when something was deleted, `false` when nothing was stored under `item`.
    /// - Throws: `VaultError` when the store cannot be changed.
    @discardableResult
    func delete(_ item: VaultItem) async throws(VaultError) -> Bool
}

extension SecretStore {
    /// Stores `secret`, ignoring `lifetime`: a backend that cannot expire items keeps them until they are
    /// deleted or replaced, and readers check the expiry themselves.
    public func store(
        _ secret: SecretString, for item: VaultItem, expiringAfter lifetime: Duration?
    )
        async throws(VaultError)
    {
        try await store(secret, for: item)
    }
}
