import KeywardSystem

/// Secrets in the standard Unix password store: one GPG-encrypted entry per item, managed by the `pass`
/// program, under `keyward/KIND/NAME` (`pass show keyward/access-key/dev`).
///
/// The secret goes to `pass insert --multiline --force` on standard input only, never in its arguments or
/// environment, and comes back from `pass show` on standard output. Changes take a lock file in the store
/// (`.keyward.lock`) so concurrent `keyward` processes do not trip over each other's git commits.
/// Names are kept readable: only `/`, `%` and a leading `.` are percent-encoded, so a profile called
/// `prod/eu` is the entry `keyward/access-key/prod%2Feu`.
///
/// ```swift
/// let configuration = try PassSecretStore.Configuration(environment: environment)
/// let store = PassSecretStore(configuration: configuration)
/// ```
public struct PassSecretStore: SecretStore {
    /// How to run `pass`: the program, the store, and the child's environment.
    public let configuration: Configuration

    /// A store run with `configuration`; nothing is run until first use.
    /// - Parameter configuration: how to run `pass`.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Whether `pass` can be used with `configuration`: the program runs and the store is initialised.
    /// - Parameter configuration: how `pass` would be run.
    /// - Returns: `.available`, or why not.
    public static func probe(_ configuration: Configuration) -> BackendAvailability {
        if !SecureFile.exists(at: configuration.executable) {
            return .unavailable(reason: "\(configuration.executable) does not exist")
        }
        if !SecureFile.exists(at: configuration.storeDirectory + "/.gpg-id") {
            return .unavailable(reason: "no password store at \(configuration.storeDirectory) (run pass init)")
        }
        return .available
    }

    /// Always `.pass`.
    public var kind: SecretStoreKind { .pass }

    /// The password store's directory.
    public var location: String { configuration.storeDirectory }

    /// Runs `pass insert --multiline --force keyward/KIND/NAME` with `secret` on standard input
    /// (see `SecretStore.store`).
    public func store(_ secret: SecretString, for item: VaultItem) async throws(VaultError) {
        let entry = entryName(item)
        _ = try await withStoreLock(operation: .store, entry: entry) { () throws(VaultError) in
            try run(
                ["insert", "--multiline", "--force", entry], input: secret.utf8Bytes, operation: .store, entry: entry)
        }
    }

    /// Runs `pass show keyward/KIND/NAME`; `nil` without running anything when the entry does not exist
    /// (see `SecretStore.read`).
    public func read(_ item: VaultItem) async throws(VaultError) -> SecretString? {
        let entry = entryName(item)
        guard SecureFile.exists(at: entryFile(entry)) else { return nil }
        let output = try run(["show", entry], input: [], operation: .read, entry: entry)
        guard let text = String(validating: output, as: UTF8.self) else {
            throw .malformedItem(item, location: location, reason: "not UTF-8")
        }
        return SecretString(text)
    }

    /// The entries in `keyward/KIND/`, decoded and sorted (see `SecretStore.list`).
    public func list(_ kind: VaultItem.Kind) async throws(VaultError) -> [String] {
        let directory = "\(configuration.storeDirectory)/\(configuration.entryPrefix)/\(kind.rawValue)"
        var files: [String] = []
        do {
            try Self.collectEntries(in: directory, relative: "", into: &files)
        } catch {
            throw .system(error)
        }
        return VaultItem.sorted(files.compactMap { PassEntryName.decode(String($0.dropLast(4))) })
    }

    /// The `.gpg` files under `directory`, as paths relative to it: a long name's chunks are directories
    /// (`PassEntryName`). Only chunk-sized directory names are followed, so a tree of unrelated entries is
    /// never walked.
    private static func collectEntries(
        in directory: String, relative: String, into files: inout [String]
    ) throws(SystemError) {
        for name in try SecureFile.entries(in: directory) ?? [] {
            let path = relative.isEmpty ? name : relative + "/" + name
            if name.hasSuffix(".gpg") {
                files.append(path)
            } else if name.utf8.count >= PassEntryName.chunkLimit - 3, !name.hasPrefix(".") {
                // A full chunk is at least chunkLimit - 3 bytes (a 4-byte character that did not fit starts the next).
                try collectEntries(in: directory + "/" + name, relative: path, into: &files)
            }
        }
    }

    /// Runs `pass rm --force keyward/KIND/NAME`; `false` when the entry does not exist (see `SecretStore.delete`).
    @discardableResult
    public func delete(_ item: VaultItem) async throws(VaultError) -> Bool {
        let entry = entryName(item)
        return try await withStoreLock(operation: .delete, entry: entry) { () throws(VaultError) -> Bool in
            guard SecureFile.exists(at: entryFile(entry)) else { return false }
            try run(["rm", "--force", entry], input: [], operation: .delete, entry: entry)
            return true
        }
    }

    // MARK: - Helpers

    /// The entry name of `item`, `keyward/access-key/dev`.
    public func entryName(_ item: VaultItem) -> String {
        "\(configuration.entryPrefix)/\(item.kind.rawValue)/\(PassEntryName.encode(item.name))"
    }

    private func entryFile(_ entry: String) -> String {
        "\(configuration.storeDirectory)/\(entry).gpg"
    }

    @discardableResult
    private func run(
        _ arguments: [String], input: [UInt8], operation: VaultError.StoreOperation, entry: String
    ) throws(VaultError) -> [UInt8] {
        let child = ChildProcess(
            executable: configuration.executable, arguments: arguments, environment: configuration.childEnvironment)
        let output: ChildProcess.Output
        do {
            output = try child.run(input: input, timeout: configuration.timeout)
        } catch {
            throw .pass(operation, entry: entry, reason: error.description)
        }
        guard output.succeeded else {
            let message = String(decoding: output.standardError, as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init)
            throw .pass(operation, entry: entry, reason: message ?? output.termination.description)
        }
        return output.standardOutput
    }

    private func withStoreLock<T>(
        operation: VaultError.StoreOperation, entry: String, _ body: () throws(VaultError) -> T
    ) async throws(VaultError) -> T {
        if case .unavailable(let reason) = Self.probe(configuration) {
            throw .pass(operation, entry: entry, reason: reason)
        }
        let held: FileLock.Held
        do {
            held = try await FileLock(path: configuration.storeDirectory + "/.keyward.lock")
                .acquire(.exclusive, timeout: configuration.timeout)
        } catch {
            throw .system(error)
        }
        let outcome = Result { () throws(VaultError) in try body() }
        held.release()
        return try outcome.get()
    }
}
