import Crypto
import KeywardSystem

/// Keeps a file vault's derived key in the kernel's session keyring for a short while after the vault was
/// unlocked, the way sudo keeps its timestamp: a run of commands in one login session asks for the
/// passphrase, and pays for scrypt, once.
///
/// Off unless a lifetime is configured (the CLI's `KEYWARD_FILE_KEY_TTL`). The key is a `user` key readable
/// only by its owner, expires by itself, and is bound to the vault file's path, salt and scrypt parameters,
/// so a re-created vault never meets an old key. Caching is best effort: a keyring that refuses (seccomp
/// in containers) simply means the passphrase is asked for again.
///
/// ```swift
/// let store = FileSecretStore(
///     directory: home, passphrase: source, keyCache: VaultKeyCache(lifetime: .seconds(300)))
/// ```
public struct VaultKeyCache: Sendable {
    /// How long a derived key stays after the unlock that stored it.
    public let lifetime: Duration
    /// Where the keys go.
    let store: KeyctlSecretStore

    /// The description prefix of the cached keys (`keyward-vault-key:session:ID`).
    public static let descriptionPrefix = "keyward-vault-key"

    /// A cache whose keys live for `lifetime` in `keyring`.
    /// - Parameters:
    ///   - lifetime: how long a key is kept (at least a second).
    ///   - keyring: the session keyring unless told otherwise, so the unlock ends with the login session.
    public init(lifetime: Duration, keyring: KeyctlSecretStore.Keyring = .session) {
        self.lifetime = lifetime
        // Possessor-only: the derived key opens every long-lived key, so a process of the same user outside
        // this login session (which does not possess its keyring) must not read it (issue 12, item 3).
        store = KeyctlSecretStore(
            keyring: keyring, descriptionPrefix: Self.descriptionPrefix, timeout: lifetime, possessorOnly: true)
    }

    /// The cached key of the vault file at `path` with this salt and these parameters, if still there.
    func key(path: String, salt: [UInt8], parameters: ScryptParameters) -> SymmetricKey? {
        guard let item = Self.item(path: path, salt: salt, parameters: parameters),
            let text = try? store.currentValue(of: item), let bytes = Hex.bytes(text.unredacted),
            bytes.count == 32
        else { return nil }
        return SymmetricKey(data: bytes)
    }

    /// Keeps `key` for `lifetime`.
    func remember(_ key: SymmetricKey, path: String, salt: [UInt8], parameters: ScryptParameters) {
        guard let item = Self.item(path: path, salt: salt, parameters: parameters) else { return }
        let hex = key.withUnsafeBytes { Hex.string($0) }
        try? store.store(SecretString(hex), for: item, timeout: lifetime)
    }

    /// Drops the cached key of a vault file (after it failed to open the file).
    func forget(path: String, salt: [UInt8], parameters: ScryptParameters) {
        guard let item = Self.item(path: path, salt: salt, parameters: parameters) else { return }
        _ = try? store.deleteNow(item)
    }

    /// Drops every cached vault key in `keyring`, as `sudo -k` does; returns how many there were.
    public static func forgetAll(keyring: KeyctlSecretStore.Keyring = .session) async -> Int {
        let store = KeyctlSecretStore(keyring: keyring, descriptionPrefix: descriptionPrefix)
        guard let names = try? await store.list(.session) else { return 0 }
        var dropped = 0
        for name in names {
            if let item = try? VaultItem(kind: .session, name: name), (try? await store.delete(item)) == true {
                dropped += 1
            }
        }
        return dropped
    }

    /// The keyring item for a vault file: 40 hex digits of SHA-256 over its path, salt and parameters.
    static func item(path: String, salt: [UInt8], parameters: ScryptParameters) -> VaultItem? {
        var hash = SHA256()
        hash.update(data: Array(path.utf8) + [0])
        hash.update(data: salt)
        hash.update(
            data: [parameters.log2Cost] + Self.bytes(of: parameters.blockSize) + Self.bytes(of: parameters.parallelism))
        let name = String(Hex.string(hash.finalize()).prefix(40))
        return try? VaultItem(kind: .session, name: name)
    }

    private static func bytes(of value: UInt32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }
}
