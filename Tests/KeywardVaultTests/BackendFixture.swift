import Foundation
import KeywardSystem
import KeywardTestSupport
import KeywardVault

/// One backend set up for a test: the store, how a child process opens the same store, and clean-up.
struct BackendFixture: Sendable {
    let store: any SecretStore
    /// Options that make `KeywardVaultTestHelper` open the same store; `nil` for the in-memory store.
    let helperOptions: [String]?
    /// What the helper reads on standard input (the file store's passphrase).
    let helperInput: String
    let cleanUp: @Sendable () async -> Void
}

/// The backends of the conformance suite, and whether each can run here.
enum Backend: String, CaseIterable, Sendable {
    case inMemory = "in-memory"
    case file
    case keyctl
    case secretService = "secret-service"
    case pass

    static let fileLog2Cost: UInt8 = 10
    static let filePassphrase = "correct horse battery staple"

    /// Why the backend cannot run on this machine, or `nil` when it can.
    /// Why the backend cannot be tested here (never under `CI=true`: there a missing backend fails).
    var skipReason: String? { TestRequirement.skipReason(unavailableReason) }

    var unavailableReason: String? {
        switch self {
        case .inMemory, .file:
            return nil
        case .keyctl:
            if case .unavailable(let reason) = KeyctlSecretStore.probe() { return reason }
            return nil
        case .secretService:
            guard testEnvironment["KEYWARD_TEST_SECRET_SERVICE"] == "1" else {
                return "needs a session bus and an unlocked keyring: run under scripts/with-secret-service"
            }
            let probe = SecretServiceSecretStore.probe(
                sessionBusAddress: testEnvironment["DBUS_SESSION_BUS_ADDRESS"],
                runtimeDirectory: testEnvironment["XDG_RUNTIME_DIR"])
            if case .unavailable(let reason) = probe { return reason }
            return nil
        case .pass:
            for program in ["pass", "gpg", "gpgconf"]
            where ExecutableSearch.find(program, in: testEnvironment["PATH"]) == nil {
                return "\(program) is not installed (scripts/setup-backends.sh installs it)"
            }
            return nil
        }
    }

    func makeFixture() async throws -> BackendFixture {
        let unique = UUID().uuidString.prefix(8)
        switch self {
        case .inMemory:
            return BackendFixture(store: InMemorySecretStore(), helperOptions: nil, helperInput: "") {}
        case .file:
            let directory = try TemporaryDirectory()
            let home = directory.appending("home")
            let store = FileSecretStore(
                directory: home, passphrase: .fixed(SecretString(Self.filePassphrase)),
                parameters: ScryptParameters(log2Cost: Self.fileLog2Cost, blockSize: 8, parallelism: 1))
            return BackendFixture(
                store: store,
                helperOptions: ["--backend", "file", "--directory", home, "--log2-cost", "\(Self.fileLog2Cost)"],
                helperInput: Self.filePassphrase + "\n"
            ) { directory.remove() }
        case .keyctl:
            let prefix = "keyward-test-\(unique)"
            let store = KeyctlSecretStore(descriptionPrefix: prefix)
            return BackendFixture(
                store: store, helperOptions: ["--backend", "keyctl", "--description-prefix", prefix], helperInput: ""
            ) { await Self.deleteAll(in: store) }
        case .secretService:
            let schema = "io.keyward.Test\(unique)"
            let store = SecretServiceSecretStore(schemaName: schema)
            return BackendFixture(
                store: store, helperOptions: ["--backend", "secret-service", "--schema", schema], helperInput: ""
            ) { await Self.deleteAll(in: store) }
        case .pass:
            let pass = try PassTestStore.make()
            return BackendFixture(
                store: pass.store,
                helperOptions: [
                    "--backend", "pass", "--executable", pass.store.configuration.executable,
                    "--store", pass.store.configuration.storeDirectory, "--gnupg-home", pass.gnupgHome,
                    "--path", testEnvironment["PATH"] ?? "/usr/bin:/bin",
                ],
                helperInput: ""
            ) { pass.remove() }
        }
    }

    private static func deleteAll(in store: any SecretStore) async {
        for kind in VaultItem.Kind.allCases {
            for name in (try? await store.list(kind)) ?? [] {
                if let item = try? VaultItem(kind: kind, name: name) { _ = try? await store.delete(item) }
            }
        }
    }
}

/// A throwaway GnuPG home with a key without passphrase, and a password store initialised for it.
struct PassTestStore: Sendable {
    let directory: TemporaryDirectory
    let gnupgHome: String
    let store: PassSecretStore

    static let keyEmail = "vault-test@keyward.invalid"

    static func make() throws -> PassTestStore {
        let directory = try TemporaryDirectory()
        do {
            return try make(in: directory)
        } catch {
            remove(directory, gnupgHome: directory.appending("g"))
            throw error
        }
    }

    private static func make(in directory: TemporaryDirectory) throws -> PassTestStore {
        let gnupgHome = directory.appending("g")
        let storeDirectory = directory.appending("store")
        try FileManager.default.createDirectory(
            atPath: gnupgHome, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let environment = ["GNUPGHOME": gnupgHome, "PASSWORD_STORE_DIR": storeDirectory]
        let keyParameters = """
            %no-protection
            Key-Type: eddsa
            Key-Curve: ed25519
            Subkey-Type: ecdh
            Subkey-Curve: cv25519
            Name-Real: Keyward Vault Test
            Name-Email: \(keyEmail)
            Expire-Date: 0
            %commit

            """
        let gpg = ExecutableSearch.find("gpg", in: testEnvironment["PATH"]) ?? "/usr/bin/gpg"
        let generated = try TestProcess.run(
            URL(fileURLWithPath: gpg), ["--batch", "--quiet", "--generate-key"],
            environment: testEnvironment.merging(environment) { $1 }, stdin: keyParameters)
        guard generated.status == 0 else { throw PassSetupError(message: "gpg --generate-key: \(generated.stderr)") }
        let passPath = ExecutableSearch.find("pass", in: testEnvironment["PATH"]) ?? "/usr/bin/pass"
        let initialised = try TestProcess.run(
            URL(fileURLWithPath: passPath), ["init", keyEmail], environment: testEnvironment.merging(environment) { $1 }
        )
        guard initialised.status == 0 else { throw PassSetupError(message: "pass init: \(initialised.stderr)") }
        let configuration = PassSecretStore.Configuration(
            executable: passPath, storeDirectory: storeDirectory, gnupgHome: gnupgHome,
            environment: ["PATH": testEnvironment["PATH"] ?? "/usr/bin:/bin"])
        return PassTestStore(
            directory: directory, gnupgHome: gnupgHome, store: PassSecretStore(configuration: configuration))
    }

    /// Stops the GnuPG agent this home started, then deletes everything.
    func remove() {
        Self.remove(directory, gnupgHome: gnupgHome)
    }

    private static func remove(_ directory: TemporaryDirectory, gnupgHome: String) {
        let gpgconf = ExecutableSearch.find("gpgconf", in: testEnvironment["PATH"]) ?? "/usr/bin/gpgconf"
        _ = try? TestProcess.run(
            URL(fileURLWithPath: gpgconf), ["--kill", "gpg-agent"],
            environment: testEnvironment.merging(["GNUPGHOME": gnupgHome]) { $1 })
        directory.remove()
    }
}

struct PassSetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
