import Crypto
import Glibc
import KeywardSystem
import Synchronization

/// Secrets in one encrypted file under `KEYWARD_HOME`: AES-256-GCM with a key derived by scrypt from a
/// passphrase (format: `VaultFileFormat`).
///
/// The directory is created 0700 and the file written 0600. Every change is a read-modify-write under an
/// exclusive lock on `vault.keyward.lock` (so concurrent processes never lose each other's writes), and
/// the file is replaced atomically (so a crash leaves the old or the new file, never neither). A wrong
/// passphrase, a truncated or damaged file, or a file from a newer Keyward is a `VaultError` naming the
/// file, and the file is left untouched.
///
/// The passphrase is asked for only when a file must be opened or created, at most once per instance and
/// never while the lock is held; the derived key is kept in memory for the instance's lifetime, so one
/// command pays for one scrypt derivation, and with a `VaultKeyCache` for a few minutes across commands.
///
/// ```swift
/// let store = FileSecretStore(directory: home, passphrase: .fixed(passphrase))
/// try await store.store(SecretString("…"), for: try .accessKey(profile: "dev"))
/// ```
public final class FileSecretStore: SecretStore {
    /// The name of the vault file inside the directory.
    public static let defaultFileName = "vault.keyward"

    /// The directory holding the vault file (`KEYWARD_HOME`).
    public let directory: String
    /// The vault file's path.
    public let path: String
    /// The parameters a new vault file is created with.
    public let newFileParameters: ScryptParameters
    /// How long a change waits for another process's change to finish.
    public let lockTimeout: Duration

    /// Where the derived key is kept between commands, if anywhere.
    public let keyCache: VaultKeyCache?

    private let passphraseSource: PassphraseSource
    private let state = Mutex(UnlockState())

    private struct UnlockState {
        var passphrase: SecretString?
        var key: (salt: [UInt8], parameters: ScryptParameters, key: SymmetricKey)?
    }

    /// A store for the vault file in `directory`; nothing is read or created until first use.
    /// - Parameters:
    ///   - directory: the directory (`KEYWARD_HOME`); created 0700 on the first write.
    ///   - passphrase: where the passphrase comes from.
    ///   - parameters: the scrypt parameters for a new file (an existing file keeps its own).
    ///   - fileName: the vault file's name in `directory`.
    ///   - lockTimeout: how long a change waits for the lock before failing.
    ///   - keyCache: where to keep the derived key for the next commands (none unless told).
    public init(
        directory: String, passphrase: PassphraseSource, parameters: ScryptParameters = .default,
        fileName: String = FileSecretStore.defaultFileName, lockTimeout: Duration = .seconds(60),
        keyCache: VaultKeyCache? = nil
    ) {
        self.keyCache = keyCache
        self.directory = directory
        self.path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
        self.passphraseSource = passphrase
        self.newFileParameters = parameters
        self.lockTimeout = lockTimeout
    }

    /// Always `.file`.
    public var kind: SecretStoreKind { .file }

    /// The vault file's path.
    public var location: String { path }

    /// Whether the vault file exists (the CLI asks for a passphrase twice when it does not).
    public var fileExists: Bool { SecureFile.exists(at: path) }

    /// Stores `secret` under `item`: a locked read-modify-write of the vault file, created when missing
    /// (see `SecretStore.store`).
    public func store(_ secret: SecretString, for item: VaultItem) async throws(VaultError) {
        try await modify(creatingTheFile: true) { contents in
            let changed = contents[item] != secret.unredacted
            contents[item] = secret.unredacted
            return changed
        }
    }

    /// Decrypts the vault file and returns the secret under `item`; `nil` when the file or item is missing
    /// (see `SecretStore.read`).
    public func read(_ item: VaultItem) async throws(VaultError) -> SecretString? {
        try load()?[item].map(SecretString.init)
    }

    /// The names of the items of `kind` in the vault file, sorted (see `SecretStore.list`).
    public func list(_ kind: VaultItem.Kind) async throws(VaultError) -> [String] {
        try load()?.names(of: kind) ?? []
    }

    /// Removes `item` from the vault file; `false` (and no passphrase asked) when there is no file or no such
    /// item (see `SecretStore.delete`).
    @discardableResult
    public func delete(_ item: VaultItem) async throws(VaultError) -> Bool {
        var deleted = false
        try await modify(creatingTheFile: false) { contents in
            deleted = contents[item] != nil
            contents[item] = nil
            return deleted
        }
        return deleted
    }

    /// Opens the vault file and checks the passphrase, without changing anything.
    /// - Returns: `false` when there is no vault file yet.
    /// - Throws: `VaultError` for a wrong passphrase or a damaged, truncated or newer file.
    @discardableResult
    public func verify() throws(VaultError) -> Bool {
        try load() != nil
    }

    // MARK: - Reading and writing

    /// Creates an empty vault file with `newFileParameters`, never over an existing one (for set-up
    /// scripts and tests; a first `store` creates the file as well).
    /// - Returns: whether a file was created (`false`: one already exists).
    /// - Throws: `VaultError` when the passphrase cannot be had or the file cannot be written.
    @discardableResult
    public func createEmpty() throws(VaultError) -> Bool {
        guard !fileExists else { return false }
        try wrap { () throws(SystemError) in try SecureFile.createDirectory(at: directory) }
        let salt = Array(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
        let key = try self.key(salt: salt, parameters: newFileParameters, purpose: .create)
        let sealed: [UInt8]
        do {
            sealed = try VaultFileFormat.seal(
                VaultContents().encoded(), key: key, parameters: newFileParameters, salt: salt)
        } catch {
            throw .damaged(file: path, reason: "cannot encrypt the new contents")
        }
        do {
            try SecureFile.createAtomically(sealed, at: path)
        } catch {
            if case .fileOperation(.link, _, EEXIST) = error { return false }
            throw .system(error)
        }
        return true
    }

    /// Reads and decrypts the file without locking: writers replace it atomically, so a reader sees
    /// one whole version.
    private func load() throws(VaultError) -> VaultContents? {
        guard let bytes = try readFile() else { return nil }
        let parsed = try VaultFileFormat.parse(bytes, file: path)
        let key = try key(salt: parsed.salt, parameters: parsed.scrypt, purpose: .unlock)
        return try decrypt(parsed, key: key)
    }

    /// Runs `change` on the current contents under the lock and writes the result if it reports a change.
    /// - Parameter creatingTheFile: whether a missing file is created (a deletion never creates one).
    private func modify(
        creatingTheFile: Bool, _ change: (inout VaultContents) -> Bool
    ) async throws(VaultError) {
        // Ask for the passphrase and derive the key before taking the lock (a prompt or scrypt must not
        // hold up other processes); under the lock the cached key is reused if the file still matches.
        if let bytes = try readFile() {
            let parsed = try VaultFileFormat.parse(bytes, file: path)
            _ = try key(salt: parsed.salt, parameters: parsed.scrypt, purpose: .unlock)
        } else if creatingTheFile {
            _ = try passphrase(for: .create)
        } else {
            return
        }
        try wrap { () throws(SystemError) in try SecureFile.createDirectory(at: directory) }
        let held = try await acquireLock()
        let outcome = Result { () throws(VaultError) in try modifyLocked(creatingTheFile: creatingTheFile, change) }
        held.release()
        try outcome.get()
    }

    /// The read-modify-write itself; the caller holds the lock.
    private func modifyLocked(
        creatingTheFile: Bool, _ change: (inout VaultContents) -> Bool
    ) throws(VaultError) {
        SecureFile.removeStaleTemporaries(for: path)

        var contents = VaultContents()
        let salt: [UInt8]
        let parameters: ScryptParameters
        let key: SymmetricKey
        if let bytes = try readFile() {
            let parsed = try VaultFileFormat.parse(bytes, file: path)
            (salt, parameters) = (parsed.salt, parsed.scrypt)
            key = try self.key(salt: salt, parameters: parameters, purpose: .unlock)
            contents = try decrypt(parsed, key: key)
        } else {
            guard creatingTheFile else { return }
            salt = Array(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
            parameters = newFileParameters
            key = try self.key(salt: salt, parameters: parameters, purpose: .create)
        }
        guard change(&contents) else { return }
        let sealed: [UInt8]
        do {
            sealed = try VaultFileFormat.seal(contents.encoded(), key: key, parameters: parameters, salt: salt)
        } catch {
            throw .damaged(file: path, reason: "cannot encrypt the new contents")
        }
        try wrap { () throws(SystemError) in try SecureFile.writeAtomically(sealed, to: path) }
    }

    private func acquireLock() async throws(VaultError) -> FileLock.Held {
        do {
            return try await FileLock(path: path + ".lock").acquire(.exclusive, timeout: lockTimeout)
        } catch {
            throw .system(error)
        }
    }

    private func readFile() throws(VaultError) -> [UInt8]? {
        try wrap { () throws(SystemError) in try SecureFile.read(at: path) }
    }

    private func decrypt(_ parsed: VaultFileFormat.Parsed, key: SymmetricKey) throws(VaultError) -> VaultContents {
        do {
            let plaintext = try VaultFileFormat.open(parsed, key: key, file: path)
            return try VaultContents.decode(plaintext, file: path)
        } catch {
            // Forget a passphrase (or cached key) that does not open the file, so the caller may ask again.
            if case .wrongPassphrase = error {
                state.withLock { $0 = UnlockState() }
                keyCache?.forget(path: path, salt: parsed.salt, parameters: parsed.scrypt)
            }
            throw error
        }
    }

    // MARK: - Passphrase and key

    private func key(
        salt: [UInt8], parameters: ScryptParameters, purpose: PassphraseSource.Request.Purpose
    ) throws(VaultError) -> SymmetricKey {
        if let cached = state.withLock({ $0.key }), cached.salt == salt, cached.parameters == parameters {
            return cached.key
        }
        if purpose == .unlock, let cached = keyCache?.key(path: path, salt: salt, parameters: parameters) {
            state.withLock { $0.key = (salt, parameters, cached) }
            return cached
        }
        let passphrase = try self.passphrase(for: purpose)
        let key = try VaultFileFormat.deriveKey(
            passphrase: passphrase.utf8Bytes, salt: salt, parameters: parameters, file: path)
        state.withLock { $0.key = (salt, parameters, key) }
        keyCache?.remember(key, path: path, salt: salt, parameters: parameters)
        return key
    }

    private func passphrase(for purpose: PassphraseSource.Request.Purpose) throws(VaultError) -> SecretString {
        if let known = state.withLock({ $0.passphrase }) { return known }
        let passphrase = try passphraseSource.passphrase(for: .init(purpose: purpose, file: path))
        if passphrase.isEmpty {
            if purpose == .create { throw .emptyPassphrase(file: path) }
            throw .wrongPassphrase(file: path)
        }
        state.withLock { $0.passphrase = passphrase }
        return passphrase
    }

    private func wrap<T>(_ body: () throws(SystemError) -> T) throws(VaultError) -> T {
        do {
            return try body()
        } catch {
            throw .system(error)
        }
    }
}
