import CSecretService
import Glibc
import KeywardSystem

/// Secrets in the desktop keyring (GNOME Keyring, KWallet, KeePassXC) through the freedesktop Secret
/// Service API on the session bus, via libsecret.
///
/// Items use Keyward's own schema (`io.keyward.Secret`) with the attributes `keyward-kind` (`access-key`,
/// `session`) and `keyward-name` (the profile or cache key), and a label such as
/// `Keyward: access key for profile dev`, so they read sensibly in Seahorse or `secret-tool search
/// keyward-kind access-key`. They go to the default collection (`login` in GNOME Keyring).
///
/// libsecret is loaded with `dlopen` on first use (see `CSecretService`), so commands that never touch
/// the desktop keyring do not pay for loading GLib and GIO at start-up.
///
/// - Warning: A locked collection makes libsecret ask the desktop to prompt for its password; without a
///   desktop that fails with libsecret's message.
public struct SecretServiceSecretStore: SecretStore {
    /// The schema name of Keyward's items.
    public static let defaultSchemaName = "io.keyward.Secret"

    /// The schema name; tests use their own to stay apart from real items.
    public let schemaName: String

    /// A store using `schemaName`; nothing is loaded or contacted until first use.
    /// - Parameter schemaName: the schema name, `io.keyward.Secret` unless told otherwise.
    public init(schemaName: String = SecretServiceSecretStore.defaultSchemaName) {
        self.schemaName = schemaName
    }

    /// Whether the Secret Service answers, checked without loading anything when there is no bus.
    /// - Parameters:
    ///   - sessionBusAddress: the caller's `DBUS_SESSION_BUS_ADDRESS`, if set.
    ///   - runtimeDirectory: the caller's `XDG_RUNTIME_DIR`, if set; its `bus` socket is the fallback
    ///     address GIO uses when the variable is unset.
    /// - Returns: `.available` when the service opened a session, else why not.
    public static func probe(sessionBusAddress: String?, runtimeDirectory: String? = nil) -> BackendAvailability {
        let hasAddress = !(sessionBusAddress ?? "").isEmpty
        let hasSocket = runtimeDirectory.map { SecureFile.exists(at: $0 + "/bus") } ?? false
        if !hasAddress && !hasSocket { return .unavailable(reason: "no D-Bus session bus") }
        var message: UnsafeMutablePointer<CChar>?
        if keyward_secret_probe(&message) == 0 { return .available }
        return .unavailable(reason: take(message))
    }

    /// Always `.secretService`.
    public var kind: SecretStoreKind { .secretService }

    /// `Secret Service`.
    public var location: String { "Secret Service" }

    /// Stores `secret` in the default collection with Keyward's schema, attributes and label, replacing an
    /// older item (see `SecretStore.store`).
    public func store(_ secret: SecretString, for item: VaultItem) async throws(VaultError) {
        if secret.unredacted.utf8.contains(0) {
            throw .secretService(.store, item: item.description, message: "the secret contains a NUL byte")
        }
        var message: UnsafeMutablePointer<CChar>?
        let result = keyward_secret_store(
            schemaName, item.kind.rawValue, item.name, "Keyward: \(item)", secret.unredacted, &message)
        if result != 0 { throw .secretService(.store, item: item.description, message: Self.take(message)) }
    }

    /// Looks the item up by its attributes; `nil` when there is none (see `SecretStore.read`).
    public func read(_ item: VaultItem) async throws(VaultError) -> SecretString? {
        var secret: UnsafeMutablePointer<CChar>?
        var message: UnsafeMutablePointer<CChar>?
        let result = keyward_secret_lookup(schemaName, item.kind.rawValue, item.name, &secret, &message)
        if result < 0 { throw .secretService(.read, item: item.description, message: Self.take(message)) }
        guard result == 1, let secret else { return nil }
        defer { keyward_secret_free_string(secret) }
        let bytes = UnsafeRawBufferPointer(start: secret, count: strlen(secret))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformedItem(item, location: location, reason: "not UTF-8")
        }
        return SecretString(text)
    }

    /// The `keyward-name` attributes of the items of `kind` with this schema, sorted (see `SecretStore.list`).
    public func list(_ kind: VaultItem.Kind) async throws(VaultError) -> [String] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        var count = 0
        var message: UnsafeMutablePointer<CChar>?
        if keyward_secret_list(schemaName, kind.rawValue, &names, &count, &message) != 0 {
            throw .secretService(.list, item: "items of kind \(kind.rawValue)", message: Self.take(message))
        }
        defer { keyward_secret_free_names(names, count) }
        guard let names else { return [] }
        return VaultItem.sorted((0..<count).compactMap { names[$0].map { String(cString: $0) } })
    }

    /// Deletes the item; `false` when there was none (see `SecretStore.delete`).
    @discardableResult
    public func delete(_ item: VaultItem) async throws(VaultError) -> Bool {
        var message: UnsafeMutablePointer<CChar>?
        let result = keyward_secret_clear(schemaName, item.kind.rawValue, item.name, &message)
        if result < 0 { throw .secretService(.delete, item: item.description, message: Self.take(message)) }
        return result == 1
    }

    /// Takes ownership of a message from the shim.
    private static func take(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        defer { keyward_secret_free_string(message) }
        return String(cString: message)
    }
}
