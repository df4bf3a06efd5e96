/// The values every backend may need, gathered once by the CLI from its flags and `Environment`, so a
/// store of any kind can be built with `SecretStoreKind.makeStore(_:)`.
///
/// ```swift
/// let settings = SecretStoreSettings(home: paths.keywardHome, passphrase: source, environment: env.values)
/// let selection = BackendSelection(requested: requested, capabilities: capabilities)
/// let vault = KeyVault(store: try selection.keys.makeStore(settings))
/// ```
public struct SecretStoreSettings: Sendable {
    /// `KEYWARD_HOME`: where the file store keeps its vault file.
    public var home: String
    /// Where the file store's passphrase comes from.
    public var passphrase: PassphraseSource
    /// The caller's environment, read for `pass` (`PATH`, `HOME`, `PASSWORD_STORE_DIR`, `GNUPGHOME`…).
    public var environment: [String: String]
    /// The scrypt parameters of a new vault file.
    public var fileParameters: ScryptParameters
    /// The kernel keyring the keyctl store uses.
    public var keyring: KeyctlSecretStore.Keyring
    /// How long keyctl items live; `nil` for no expiry.
    public var keyringTimeout: Duration?
    /// How long the file store keeps its derived key in the session keyring after an unlock; `nil` (the
    /// default) keeps it only in memory for one command.
    public var vaultKeyLifetime: Duration?
    /// Told, at most once, when the derived key is not kept although `vaultKeyLifetime` asks for it (no login
    /// session keyring): the CLI prints it, so the passphrase asked for again is not a surprise.
    public var vaultKeyNotice: VaultKeyCache.Notice?

    /// Gathers the settings.
    /// - Parameters:
    ///   - home: `KEYWARD_HOME`.
    ///   - passphrase: the file store's passphrase source.
    ///   - environment: the caller's environment values.
    ///   - fileParameters: scrypt parameters for a new vault file, `ScryptParameters.default` unless told.
    ///   - keyring: the kernel keyring, `.user` unless told otherwise.
    ///   - keyringTimeout: the lifetime of keyctl items, none unless told otherwise.
    public init(
        home: String, passphrase: PassphraseSource, environment: [String: String],
        fileParameters: ScryptParameters = .default, keyring: KeyctlSecretStore.Keyring = .user,
        keyringTimeout: Duration? = nil
    ) {
        self.home = home
        self.passphrase = passphrase
        self.environment = environment
        self.fileParameters = fileParameters
        self.keyring = keyring
        self.keyringTimeout = keyringTimeout
    }
}

extension SecretStoreKind {
    /// Builds the store of this kind. Nothing is opened, loaded or run until the store is first used.
    /// - Parameter settings: the values the backends need.
    /// - Returns: the store.
    /// - Throws: `VaultError.backendUnavailable` for `pass` when the program or store cannot be located.
    public func makeStore(_ settings: SecretStoreSettings) throws(VaultError) -> any SecretStore {
        switch self {
        case .file:
            return FileSecretStore(
                directory: settings.home, passphrase: settings.passphrase, parameters: settings.fileParameters,
                keyCache: settings.vaultKeyLifetime.map { VaultKeyCache(lifetime: $0, notice: settings.vaultKeyNotice) }
            )
        case .keyctl:
            // Namespaced by home, as sessions are: one home's keys are never read from another (issue 21).
            return KeyctlSecretStore.forHome(settings.home, keyring: settings.keyring, timeout: settings.keyringTimeout)
        case .secretService:
            return SecretServiceSecretStore()
        case .pass:
            return PassSecretStore(configuration: try PassSecretStore.Configuration(environment: settings.environment))
        }
    }
}
