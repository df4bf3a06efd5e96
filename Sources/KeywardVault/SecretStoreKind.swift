/// The four places Keyward can keep secrets, spelled as `--backend` and `KEYWARD_BACKEND` spell them.
public enum SecretStoreKind: String, CaseIterable, Sendable, Equatable, CustomStringConvertible {
    /// An encrypted file under `KEYWARD_HOME` (AES-256-GCM, key from scrypt), see `FileSecretStore`.
    case file
    /// The Linux kernel keyring, memory only, see `KeyctlSecretStore`.
    case keyctl
    /// The desktop keyring over D-Bus (GNOME Keyring, KWallet), see `SecretServiceSecretStore`.
    case secretService = "secret-service"
    /// The standard Unix password store (`pass`), see `PassSecretStore`.
    case pass

    /// Parses a `--backend` or `KEYWARD_BACKEND` value.
    /// - Parameter value: one of `file`, `keyctl`, `secret-service`, `pass`.
    /// - Throws: `VaultError.unknownBackend` naming the value and the valid ones.
    public init(parsing value: String) throws(VaultError) {
        guard let kind = SecretStoreKind(rawValue: value) else { throw .unknownBackend(value) }
        self = kind
    }

    /// The spelling, e.g. `secret-service`.
    public var description: String { rawValue }
}
