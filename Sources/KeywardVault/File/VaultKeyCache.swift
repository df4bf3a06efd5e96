import Crypto
import KeywardSystem
import Synchronization

/// Keeps a file vault's derived key in the kernel's session keyring for a short while after the vault was
/// unlocked, the way sudo keeps its timestamp: a run of commands in one login session asks for the
/// passphrase, and pays for scrypt, once.
///
/// Off unless a lifetime is configured (the CLI's `KEYWARD_FILE_KEY_TTL`). The key is a `user` key readable
/// only by its owner, expires by itself, and is bound to the vault file's path, salt and scrypt parameters,
/// so a re-created vault never meets an old key. Caching is best effort: a keyring that refuses (seccomp
/// in containers) simply means the passphrase is asked for again.
///
/// The key is bound to the login session that unlocked the vault, never silently widened (issue 12, item
/// 3): a process without a session keyring of its own (cron, a service, `env -i` under a container's init)
/// would otherwise keep it in the user-session keyring, which every such process of the user possesses and
/// so could read. There nothing is cached or read, and `notice` is told once, so the CLI can say why the
/// passphrase is asked for again.
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
    /// Told once when a key is not kept.
    let notice: Notice?
    /// Whether `notice` was told (shared by copies: one command, one line).
    private let noticeGiven = NoticeFlag()

    /// Why a derived key was not kept: what the CLI renders as one line.
    public enum NotKept: Sendable, Equatable, CustomStringConvertible {
        /// The process has no session keyring of its own: `@s` is the user-session keyring, shared by every
        /// process of the user without one, and the key would outlive and escape the login session.
        case noLoginSessionKeyring

        /// One line of fact.
        public var description: String {
            switch self {
            case .noLoginSessionKeyring:
                return "the vault key is not cached: this process has no session keyring of its own, and the "
                    + "user-session keyring it falls back to is shared by all of the user's processes without one"
            }
        }
    }

    /// Receives a `NotKept` (at most once per cache); the library itself prints nothing.
    public typealias Notice = @Sendable (NotKept) -> Void

    /// The description prefix of the cached keys (`keyward-vault-key:session:ID`).
    public static let descriptionPrefix = "keyward-vault-key"

    /// A cache whose keys live for `lifetime` in `keyring`.
    /// - Parameters:
    ///   - lifetime: how long a key is kept (at least a second).
    ///   - keyring: the session keyring unless told otherwise, so the unlock ends with the login session.
    ///   - notice: told once when a key is not kept (no session keyring of its own).
    public init(lifetime: Duration, keyring: KeyctlSecretStore.Keyring = .session, notice: Notice? = nil) {
        self.lifetime = lifetime
        self.notice = notice
        // Possessor-only: the derived key opens every long-lived key, so a process of the same user outside
        // this login session (which does not possess its keyring) must not read it (issue 12, item 3).
        store = KeyctlSecretStore(
            keyring: keyring, descriptionPrefix: Self.descriptionPrefix, timeout: lifetime, possessorOnly: true)
    }

    /// The cached key of the vault file at `path` with this salt and these parameters, if still there.
    func key(path: String, salt: [UInt8], parameters: ScryptParameters) -> SymmetricKey? {
        // A key found in the shared user-session keyring was not bound to a login session: never used.
        guard isBoundToALoginSession, let item = Self.item(path: path, salt: salt, parameters: parameters),
            let text = try? store.currentValue(of: item), let bytes = Hex.bytes(text.unredacted),
            bytes.count == 32
        else { return nil }
        return SymmetricKey(data: bytes)
    }

    /// Keeps `key` for `lifetime`.
    func remember(_ key: SymmetricKey, path: String, salt: [UInt8], parameters: ScryptParameters) {
        guard isBoundToALoginSession else {
            if noticeGiven.take() { notice?(.noLoginSessionKeyring) }
            return
        }
        guard let item = Self.item(path: path, salt: salt, parameters: parameters) else { return }
        let hex = key.withUnsafeBytes { Hex.string($0) }
        try? store.store(SecretString(hex), for: item, timeout: lifetime)
    }

    /// Drops the cached key of a vault file (after it failed to open the file).
    func forget(path: String, salt: [UInt8], parameters: ScryptParameters) {
        guard let item = Self.item(path: path, salt: salt, parameters: parameters) else { return }
        _ = try? store.deleteNow(item)
    }

    /// Whether keys kept in `store` stay with one login session: always for an explicitly chosen keyring
    /// other than `@s`; for `@s`, only when the process has a session keyring of its own.
    var isBoundToALoginSession: Bool {
        store.keyring != .session || KeyctlSecretStore.hasOwnSessionKeyring
    }

    /// Drops every cached vault key in `keyring`, as `sudo -k` does; returns how many there were. Without a
    /// session keyring of its own this also clears what an older Keyward left in the user-session keyring.
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

/// A flag that is taken once: the first `take()` returns `true`, every later one `false`.
private final class NoticeFlag: Sendable {
    private let given = Mutex(false)

    func take() -> Bool {
        given.withLock { given in
            defer { given = true }
            return !given
        }
    }
}
