import KeywardSystem

/// A secret store that lives in memory, for tests of code that takes a `SecretStore`.
///
/// It behaves as the real backends do (the same conformance suite runs against it), reports itself as
/// the kind it stands in for, and keeps nothing after it is released.
public actor InMemorySecretStore: SecretStore {
    /// The backend this store stands in for.
    public nonisolated let kind: SecretStoreKind
    private var secrets: [VaultItem: SecretString]

    /// An empty store, or one holding `secrets`.
    /// - Parameters:
    ///   - kind: the backend it stands in for, `.file` unless told otherwise.
    ///   - secrets: what it holds at first.
    public init(kind: SecretStoreKind = .file, secrets: [VaultItem: SecretString] = [:]) {
        self.kind = kind
        self.secrets = secrets
    }

    /// Always `memory`.
    public nonisolated var location: String { "memory" }

    /// Keeps `secret` under `item` in memory (see `SecretStore.store`).
    public func store(_ secret: SecretString, for item: VaultItem) async throws(VaultError) {
        secrets[item] = secret
    }

    /// The secret kept under `item`, or `nil` (see `SecretStore.read`).
    public func read(_ item: VaultItem) async throws(VaultError) -> SecretString? {
        secrets[item]
    }

    /// The names of the items of `kind`, sorted (see `SecretStore.list`).
    public func list(_ kind: VaultItem.Kind) async throws(VaultError) -> [String] {
        VaultItem.sorted(secrets.keys.filter { $0.kind == kind }.map(\.name))
    }

    /// Forgets `item`; `false` when it was not kept (see `SecretStore.delete`).
    @discardableResult
    public func delete(_ item: VaultItem) async throws(VaultError) -> Bool {
        secrets.removeValue(forKey: item) != nil
    }
}
