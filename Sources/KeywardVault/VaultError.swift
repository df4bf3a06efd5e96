import KeywardSystem

/// The ways a secret store can fail.
///
/// Each case names the file, keyring description, `pass` entry or backend involved; `description` is one
/// line of fact, such as `/home/jo/.local/share/keyward/vault.keyward: wrong passphrase`. No case ever
/// holds a secret or a passphrase.
public enum VaultError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A `--backend` / `KEYWARD_BACKEND` value that names no backend.
    case unknownBackend(String)
    /// The backend cannot be used on this machine (no session bus, no `pass`, a blocked keyring…).
    case backendUnavailable(SecretStoreKind, reason: String)
    /// A name that cannot name an item in every backend.
    case invalidItemName(name: String, reason: String)
    /// A long-lived key was to be stored in a backend that forgets at reboot (the kernel keyring), where it
    /// would be the only copy.
    case keyWouldNotSurviveReboot(SecretStoreKind)
    /// `remove`: the profile has no key in the backend (at `location`), so nothing was removed.
    case keyNotStored(profile: String, backend: SecretStoreKind, location: String)
    /// `add --from-legacy-keyring` found no key an older Keyward kept in the kernel user keyring.
    case noLegacyKey(profile: String)
    /// `add --from-legacy-keyring` would replace another key the vault holds for the profile.
    case legacyKeyConflicts(profile: String, backend: SecretStoreKind, stored: String, legacy: String)
    /// A key to be stored whose id does not look like an access key id (never repeated: it may be a secret
    /// typed into the wrong prompt).
    case unrecognizedAccessKeyID(profile: String)
    /// A key to be stored whose secret is empty.
    case emptySecretAccessKey(profile: String)
    /// `variable` (`KEYWARD_FILE_KEY_TTL`) is not a duration of at most an hour.
    case invalidVaultKeyLifetime(variable: String, value: String)
    /// A stored item that is not what Keyward wrote (not UTF-8, not the expected JSON).
    case malformedItem(VaultItem, location: String, reason: String)

    /// The vault file's passphrase is wrong (the file itself is intact: its checksum matches).
    case wrongPassphrase(file: String)
    /// The vault file is shorter than its header says it is (`expected` is `nil` when the file ends before
    /// the length field).
    case truncated(file: String, size: Int, expected: Int?)
    /// The vault file does not match its checksum or its structure is inconsistent.
    case damaged(file: String, reason: String)
    /// The file does not start with the vault file's magic bytes.
    case notAVaultFile(file: String)
    /// The file was written by a newer Keyward, in a format version this one cannot read.
    case newerFormat(file: String, version: Int, supported: Int)
    /// The file's key-derivation or cipher parameters are outside what this Keyward accepts.
    case unsupportedParameters(file: String, reason: String)
    /// A new vault file was about to be created with an empty passphrase.
    case emptyPassphrase(file: String)
    /// No passphrase could be had for the vault file (no terminal, cancelled, confirmation differed…).
    case passphraseUnavailable(file: String, reason: String)
    /// Reading, writing or locking a file failed.
    case system(SystemError)

    /// A kernel keyring call failed; `code` is its `errno`.
    case keyring(StoreOperation, description: String, code: Int32)
    /// A Secret Service (libsecret) call failed, with libsecret's message.
    case secretService(StoreOperation, item: String, message: String)
    /// A `pass` command failed; `reason` is its first line of standard error or how it ended.
    case pass(StoreOperation, entry: String, reason: String)

    /// The operation a backend error happened in.
    public enum StoreOperation: String, Sendable, Equatable {
        case store
        case read
        case list
        case delete
        case connect
    }

    /// One line of fact.
    public var description: String {
        switch self {
        case .unknownBackend(let value):
            let valid = SecretStoreKind.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown backend \"\(value)\" (expected one of: \(valid))"
        case .backendUnavailable(let kind, let reason):
            return "backend \(kind) is not available: \(reason)"
        case .keyWouldNotSurviveReboot(let kind):
            let durable = SecretStoreKind.allCases.filter(\.survivesReboot).map(\.rawValue).joined(separator: ", ")
            return "backend \(kind) forgets its keys at reboot and would hold the only copy of this long-lived key; "
                + "keep keys in \(durable) (--backend file or KEYWARD_BACKEND=file)"
        case .keyNotStored(let profile, let backend, let location):
            return "profile \(profile): no access key is stored in \(backend) (\(location)); nothing was removed"
        case .noLegacyKey(let profile):
            return "profile \(profile): no key of an older Keyward in the kernel user keyring"
        case .legacyKeyConflicts(let profile, let backend, let stored, let legacy):
            return "profile \(profile): \(backend) already holds another key (\(stored)); the legacy key \(legacy) "
                + "stays in the kernel user keyring"
        case .unrecognizedAccessKeyID(let profile):
            return "profile \(profile): the access key id does not look like one (expected AKIA followed by "
                + "upper-case letters and digits); nothing was stored"
        case .emptySecretAccessKey(let profile):
            return "profile \(profile): the secret access key is empty"
        case .invalidVaultKeyLifetime(let variable, let value):
            return "\(variable)=\(value): expected a duration of at most 1h, such as 300, 90s or 5m"
        case .invalidItemName(let name, let reason):
            return "cannot use \"\(name)\" as a vault item name: \(reason)"
        case .malformedItem(let item, let location, let reason):
            return "\(location): the \(item) is not in Keyward's format (\(reason))"
        case .wrongPassphrase(let file):
            return "\(file): wrong passphrase"
        case .truncated(let file, let size, let expected?):
            return "\(file): file is truncated (\(size) of \(expected) bytes)"
        case .truncated(let file, let size, nil):
            return "\(file): file is truncated (\(size) bytes)"
        case .damaged(let file, let reason):
            return "\(file): file is damaged (\(reason))"
        case .notAVaultFile(let file):
            return "\(file): not a Keyward vault file"
        case .newerFormat(let file, let version, let supported):
            return "\(file): written by a newer Keyward (format version \(version), this one reads \(supported))"
        case .unsupportedParameters(let file, let reason):
            return "\(file): unsupported parameters (\(reason))"
        case .emptyPassphrase(let file):
            return "\(file): refusing to create a vault with an empty passphrase"
        case .passphraseUnavailable(let file, let reason):
            return "\(file): no passphrase (\(reason))"
        case .system(let error):
            return error.description
        case .keyring(let operation, let description, let code):
            return "kernel keyring: cannot \(operation.rawValue) \(description): \(SystemError.message(forErrno: code))"
        case .secretService(let operation, let item, let message):
            return "Secret Service: cannot \(operation.rawValue) \(item): \(message)"
        case .pass(let operation, let entry, let reason):
            return "pass: cannot \(operation.rawValue) \(entry): \(reason)"
        }
    }
}
