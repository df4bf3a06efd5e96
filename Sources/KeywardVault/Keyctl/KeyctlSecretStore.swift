import CKeyutils
import Glibc
import KeywardSystem

/// Secrets in the Linux kernel's key-retention service (libkeyutils): memory only, never on disk, gone at
/// reboot, optionally expiring after a timeout.
///
/// Each item is a `user` key described `PREFIX:KIND:NAME` in the user keyring (by default). The keys
/// backend of a Keyward home uses the prefix `keyward@NAMESPACE` (`forHome(_:)`), so a key stored under one
/// `KEYWARD_HOME` is not read from another; items an older Keyward stored as `keyward:access-key:NAME`
/// belong to no home and are only reported and moved (`LegacyKeyctlKeys`). Why the
/// user keyring and not the session keyring: the user keyring (`@u`) belongs to the user id and is shared
/// by every process of that user (every terminal, SSH login, cron job or IDE), and lasts while any of
/// them runs, so separate `keyward` invocations always find what an earlier one stored. The session
/// keyring (`@s`) belongs to one login session: another terminal or SSH login has its own, and a process
/// started without one (containers, some service managers) gets an anonymous session keyring that dies
/// with it, losing everything at exit.
///
/// A process only possesses keys in `@u` when its session keyring links `@u` (pam_keyinit does this at
/// login), and without possession it can see a key but not read it. So each key is built in the thread
/// keyring (always possessed), given read/write/search permission for its owning user id plus any timeout,
/// and then linked into `@u`, which atomically replaces an older key with the same description. The key is
/// then as private as a 0600 file: readable by processes of the same user id, and by root.
///
/// ```swift
/// let sessions = KeyctlSecretStore(timeout: .seconds(3600))
/// try await sessions.store(SecretString(json), for: try VaultItem(kind: .session, name: cacheKey))
/// ```
public struct KeyctlSecretStore: SecretStore {
    /// Which keyring holds the items.
    public enum Keyring: String, Sendable, Equatable {
        /// The user keyring `@u`: shared by all the user's processes (the default, see above).
        case user
        /// The session keyring `@s`: private to one login session.
        case session

        /// The keyring's serial. A process without a session keyring of its own uses the user-session
        /// keyring (as `keyctl` does); naming `@s` when linking would instead create an anonymous session
        /// keyring that ends with the process, and with it everything stored there.
        var serial: key_serial_t {
            switch self {
            case .user: return KEY_SPEC_USER_KEYRING
            case .session:
                let resolved = keyctl_get_keyring_ID(KEY_SPEC_SESSION_KEYRING, 0)
                return resolved >= 0 ? resolved : KEY_SPEC_SESSION_KEYRING
            }
        }
    }

    /// The store of a Keyward home's long-lived keys: descriptions `keyward@NAMESPACE:access-key:NAME`, where
    /// the namespace is `HomeNamespace.of(home:)`, as sessions are namespaced (issue 21, item 2).
    /// - Parameters:
    ///   - home: `KEYWARD_HOME`.
    ///   - keyring: the keyring, `.user` unless told otherwise.
    ///   - timeout: the lifetime of each stored item; `nil` for none.
    /// - Returns: the store; nothing is touched until first use.
    public static func forHome(_ home: String, keyring: Keyring = .user, timeout: Duration? = nil) -> Self {
        KeyctlSecretStore(
            keyring: keyring, descriptionPrefix: "\(legacyDescriptionPrefix)@\(HomeNamespace.of(home: home))",
            timeout: timeout)
    }

    /// The prefix of items that belong to no home: sessions (their names carry the home's namespace) and the
    /// long-lived keys an older Keyward stored before keys were namespaced.
    public static let legacyDescriptionPrefix = "keyward"

    /// Whether this process has a session keyring of its own (a login session's, made by pam_keyinit, or
    /// one joined with `keyctl session`). Without one the kernel resolves `@s` to the user-session keyring,
    /// which every process of the user that has no session keyring shares (cron jobs, services, containers
    /// without a login), so a key kept there is not bound to any login session (issue 12, item 3).
    public static var hasOwnSessionKeyring: Bool {
        // Create flag 0: asking must never make a session keyring (that one would die with this process).
        isOwnSessionKeyring(
            session: keyctl_get_keyring_ID(KEY_SPEC_SESSION_KEYRING, 0),
            userSession: keyctl_get_keyring_ID(KEY_SPEC_USER_SESSION_KEYRING, 0))
    }

    /// The rule of `hasOwnSessionKeyring` over the two serials the kernel gave (negative: the call failed).
    /// A failed look-up counts as no session keyring of its own: caching is then refused, never widened.
    static func isOwnSessionKeyring(session: key_serial_t, userSession: key_serial_t) -> Bool {
        session >= 0 && userSession >= 0 && session != userSession
    }

    /// The largest payload the kernel's `user` key type holds.
    public static let maximumSecretLength = 32767

    /// Which keyring holds the items.
    public let keyring: Keyring
    /// The first part of every key description; tests use their own to stay apart.
    public let descriptionPrefix: String
    /// How long each stored item lives; `nil` for no expiry.
    public let timeout: Duration?

    /// Whether only processes that possess a key may read it (the owning uid may still see it listed).
    public let possessorOnly: Bool

    /// A store in `keyring`; nothing is touched until first use.
    /// - Parameters:
    ///   - keyring: the keyring, `.user` unless told otherwise.
    ///   - descriptionPrefix: the first part of each description, `keyward` unless told otherwise.
    ///   - timeout: the lifetime of each stored item (rounded up to whole seconds); `nil` for none.
    ///   - possessorOnly: grant read, write and search to possessors only (for keys kept in a keyring the
    ///     storing process and its login session possess, such as the vault-key cache in `@s`); otherwise
    ///     the owning uid may read them too, which sessions in `@u` need wherever `@u` is not possessed.
    public init(
        keyring: Keyring = .user, descriptionPrefix: String = "keyward", timeout: Duration? = nil,
        possessorOnly: Bool = false
    ) {
        self.keyring = keyring
        self.descriptionPrefix = descriptionPrefix
        self.timeout = timeout
        self.possessorOnly = possessorOnly
    }

    /// The permission mask of stored keys.
    var permissions: key_perm_t {
        key_perm_t(possessorOnly ? KEY_POS_ALL | KEY_USR_VIEW : KEY_POS_ALL | KEY_USR_ALL)
    }

    /// Whether the kernel keyring can be used here: seccomp filters in containers often block it.
    /// - Parameter keyring: the keyring to check.
    /// - Returns: `.available`, or why not.
    public static func probe(keyring: Keyring = .user) -> BackendAvailability {
        if keyctl_get_keyring_ID(keyring.serial, 0) >= 0 { return .available }
        let code = errno
        return .unavailable(reason: "the kernel keyring refuses access (\(SystemError.message(forErrno: code)))")
    }

    /// Always `.keyctl`.
    public var kind: SecretStoreKind { .keyctl }

    /// `kernel user keyring` or `kernel session keyring`.
    public var location: String { "kernel \(keyring.rawValue) keyring" }

    /// Stores `secret` as the `user` key `keyward:KIND:NAME` with the store's `timeout`, replacing an older one
    /// (see `SecretStore.store`).
    public func store(_ secret: SecretString, for item: VaultItem) async throws(VaultError) {
        try store(secret, for: item, timeout: timeout)
    }

    /// Stores `secret` under `item`; the kernel forgets it after `lifetime` (the store's `timeout` when `nil`).
    public func store(
        _ secret: SecretString, for item: VaultItem, expiringAfter lifetime: Duration?
    )
        async throws(VaultError)
    {
        try store(secret, for: item, timeout: lifetime ?? timeout)
    }

    /// Stores `secret` under `item` with its own lifetime.
    /// - Parameters:
    ///   - secret: the secret, at most `maximumSecretLength` bytes of UTF-8.
    ///   - item: where to store it.
    ///   - timeout: how long it lives (rounded up to whole seconds); `nil` for no expiry.
    /// - Throws: `VaultError.keyring` naming the description and the kernel's error.
    public func store(_ secret: SecretString, for item: VaultItem, timeout: Duration?) throws(VaultError) {
        let description = keyDescription(item)
        let payload = secret.utf8Bytes
        if payload.count > Self.maximumSecretLength { throw .keyring(.store, description: description, code: E2BIG) }
        let staged = payload.withUnsafeBytes { raw in
            add_key("user", description, raw.baseAddress, raw.count, KEY_SPEC_THREAD_KEYRING)
        }
        if staged < 0 { throw .keyring(.store, description: description, code: errno) }
        defer { keyctl_unlink(staged, KEY_SPEC_THREAD_KEYRING) }
        if keyctl_setperm(staged, permissions) < 0 {
            throw .keyring(.store, description: description, code: errno)
        }
        if let timeout, keyctl_set_timeout(staged, Self.seconds(timeout)) < 0 {
            throw .keyring(.store, description: description, code: errno)
        }
        let replaced = try find(description, operation: .store)
        if keyctl_link(staged, keyring.serial) < 0 { throw .keyring(.store, description: description, code: errno) }
        // The link replaced the old key; make its payload unreachable now rather than at garbage collection.
        if let replaced, replaced != staged { _ = keyctl_invalidate(replaced) }
    }

    /// The payload of the key `keyward:KIND:NAME`, or `nil` when it is missing or expired (see `SecretStore.read`).
    public func read(_ item: VaultItem) async throws(VaultError) -> SecretString? {
        try currentValue(of: item)
    }

    /// `read(_:)` without suspending: the kernel answers at once.
    public func currentValue(of item: VaultItem) throws(VaultError) -> SecretString? {
        let description = keyDescription(item)
        guard let serial = try find(description, operation: .read) else { return nil }
        var buffer: UnsafeMutableRawPointer?
        let count = keyctl_read_alloc(serial, &buffer)
        if count < 0 {
            if Self.isGone(errno) { return nil }
            throw .keyring(.read, description: description, code: errno)
        }
        guard let buffer else { return nil }
        defer {
            memset(buffer, 0, Int(count))
            free(buffer)
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(count))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformedItem(item, location: location, reason: "not UTF-8")
        }
        return SecretString(text)
    }

    /// The names of this prefix's keys of `kind` in the keyring, sorted (see `SecretStore.list`).
    public func list(_ kind: VaultItem.Kind) async throws(VaultError) -> [String] {
        try currentNames(kind)
    }

    /// `list(_:)` without suspending.
    public func currentNames(_ kind: VaultItem.Kind) throws(VaultError) -> [String] {
        var buffer: UnsafeMutableRawPointer?
        let count = keyctl_read_alloc(keyring.serial, &buffer)
        if count < 0 { throw .keyring(.list, description: location, code: errno) }
        guard let buffer else { return [] }
        defer { free(buffer) }
        let serials = UnsafeRawBufferPointer(start: buffer, count: Int(count)).bindMemory(to: key_serial_t.self)
        let prefix = "\(descriptionPrefix):\(kind.rawValue):"
        var names: [String] = []
        for serial in serials {
            var text: UnsafeMutablePointer<CChar>?
            // Keys that expired, were revoked or that we may not see are skipped.
            guard keyctl_describe_alloc(serial, &text) >= 0, let text else { continue }
            defer { free(text) }
            // "type;uid;gid;perm;description": the description is last and may itself contain ';'.
            let fields = String(cString: text).split(separator: ";", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, fields[0] == "user", fields[4].hasPrefix(prefix) else { continue }
            names.append(String(fields[4].dropFirst(prefix.count)))
        }
        return VaultItem.sorted(names)
    }

    /// Unlinks and invalidates the key; `false` when there was none (see `SecretStore.delete`).
    @discardableResult
    public func delete(_ item: VaultItem) async throws(VaultError) -> Bool {
        try deleteNow(item)
    }

    /// `delete(_:)` without suspending.
    @discardableResult
    public func deleteNow(_ item: VaultItem) throws(VaultError) -> Bool {
        let description = keyDescription(item)
        guard let serial = try find(description, operation: .delete) else { return false }
        if keyctl_unlink(serial, keyring.serial) < 0 {
            if Self.isGone(errno) { return false }
            throw .keyring(.delete, description: description, code: errno)
        }
        // Also make any other link to it useless at once (invalidate exists since Linux 3.5).
        _ = keyctl_invalidate(serial)
        return true
    }

    // MARK: - Helpers

    /// The description of `item`'s key, `keyward@1a2b3c4d:access-key:dev` for a home's store.
    public func keyDescription(_ item: VaultItem) -> String {
        "\(descriptionPrefix):\(item.kind.rawValue):\(item.name)"
    }

    private func find(_ description: String, operation: VaultError.StoreOperation) throws(VaultError) -> key_serial_t? {
        let serial = keyctl_search(keyring.serial, "user", description, 0)
        if serial >= 0 { return key_serial_t(serial) }
        if Self.isGone(errno) { return nil }
        throw .keyring(operation, description: description, code: errno)
    }

    /// Errors that mean the key is not (or no longer) there.
    private static func isGone(_ code: Int32) -> Bool {
        code == ENOKEY || code == EKEYEXPIRED || code == EKEYREVOKED || code == ENOENT
    }

    private static func seconds(_ duration: Duration) -> UInt32 {
        let (seconds, attoseconds) = duration.components
        let whole = seconds + (attoseconds > 0 ? 1 : 0)
        return UInt32(clamping: max(whole, 1))
    }
}
