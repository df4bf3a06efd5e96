import Foundation
import KeywardConfig
import KeywardSystem
import KeywardVault
import Logging

/// What a command needs from its surroundings, built once from the global flags and the process
/// environment, and opened lazily: the config files, the vault and the keyring are touched only when a
/// command asks for them, so the cached path stays fast.
struct CommandContext: Sendable {
    /// The process environment as a value (library code never reads the process environment).
    let environment: Environment
    /// Silent unless `--debug`.
    let logger: Logger
    /// `--backend`, else `KEYWARD_BACKEND`.
    let requestedBackend: String?
    /// Where the command's data and messages go: the process's streams, or a test's buffers.
    let output: CommandOutput
    /// `KeywardHome.resolve`, checked once per process (the cached path asks for the home three times).
    private let home: Result<String, KeywardHome.Problem>

    /// The context of a command run by the binary, or by a test with its own environment and output.
    /// - Parameters:
    ///   - global: the global flags (`--debug`, `--backend`).
    ///   - environment: the whole environment (the process's in the binary; a dictionary in tests).
    ///   - output: where stdout and stderr text goes.
    init(
        global: GlobalOptions, environment: [String: String] = ProcessEnvironment.current(),
        output: CommandOutput = .process
    ) {
        let environment = Environment(environment)
        self.init(
            environment: environment, logger: global.makeLogger(),
            requestedBackend: global.backend ?? environment["KEYWARD_BACKEND"], output: output)
    }

    init(environment: Environment, logger: Logger, requestedBackend: String?, output: CommandOutput = .process) {
        self.environment = environment
        self.logger = logger
        self.requestedBackend = requestedBackend
        self.output = output
        home = Result { () throws(KeywardHome.Problem) in try KeywardHome.resolve(environment) }
    }

    /// `KEYWARD_HOME`, else `$XDG_DATA_HOME/keyward`, else `~/.local/share/keyward` (`KeywardHome`):
    /// refused when HOME is unset or the directory is someone else's or writable by others.
    var keywardHome: String {
        get throws(KeywardHome.Problem) { try home.get() }
    }

    /// Reads `~/.aws/config` and `~/.aws/credentials` (or the files the environment names).
    func profileResolver() throws(ConfigError) -> ProfileResolver {
        try ProfileResolver(environment: environment)
    }

    /// Which backends keep keys and sessions on this machine.
    func backendSelection() throws(VaultError) -> BackendSelection {
        let requested = try requestedBackend.map { value throws(VaultError) in try SecretStoreKind(parsing: value) }
        let needsProbe = requested == nil
        let secretService =
            needsProbe
            && SecretServiceSecretStore.probe(
                sessionBusAddress: environment["DBUS_SESSION_BUS_ADDRESS"],
                runtimeDirectory: environment["XDG_RUNTIME_DIR"]) == .available
        let keyring = KeyctlSecretStore.probe() == .available
        return BackendSelection(
            requested: requested,
            capabilities: MachineCapabilities(secretServiceAnswers: secretService, kernelKeyringUsable: keyring))
    }

    /// The settings every backend may need.
    /// - Throws: `VaultError` when `KEYWARD_FILE_KEY_TTL` is not a duration, `KeywardHome.Problem`.
    func storeSettings() throws -> SecretStoreSettings {
        var settings = SecretStoreSettings(
            home: try keywardHome, passphrase: passphraseSource(), environment: environment.variables)
        settings.vaultKeyLifetime = try vaultKeyLifetime()
        // The library only says why the key was not kept (issue 12, item 3); the one line is the CLI's.
        settings.vaultKeyNotice = { [output] notKept in
            output.notice(
                "\(Self.vaultKeyLifetimeVariable): \(notKept); the passphrase is asked for each time (run from a "
                    + "login session, or a shell started with keyctl session -, to cache it)")
        }
        return settings
    }

    /// The variable that keeps the file vault unlocked for a while, like sudo's timestamp.
    static let vaultKeyLifetimeVariable = "KEYWARD_FILE_KEY_TTL"

    /// `KEYWARD_FILE_KEY_TTL` (`300`, `90s`, `5m`, at most 1h): how long the file vault's derived key stays in
    /// the session keyring after an unlock; unset or `0`, the passphrase is asked for by every command.
    /// - Throws: `VaultError.invalidVaultKeyLifetime` when the value is not a duration of at most an hour.
    func vaultKeyLifetime() throws(VaultError) -> Duration? {
        guard let text = environment[Self.vaultKeyLifetimeVariable], !text.isEmpty, text != "0" else { return nil }
        guard let duration = CredentialDuration(argument: text), duration.seconds <= 3600 else {
            throw .invalidVaultKeyLifetime(variable: Self.vaultKeyLifetimeVariable, value: text)
        }
        return .seconds(duration.seconds)
    }

    /// The vault of long-lived keys in the chosen backend. A new vault file always gets the default scrypt
    /// cost; there is no way to ask the binary for less (tests create cheap vaults through the library).
    /// - Throws: `VaultError` when the backend cannot be chosen or built, `KeywardHome.Problem`.
    func keyVault() throws -> KeyVault {
        KeyVault(store: try backendSelection().keys.makeStore(storeSettings()))
    }

    /// `KEYWARD_FILE_PASSPHRASE` for automation, else a prompt on the controlling terminal (twice on create).
    func passphraseSource() -> PassphraseSource {
        if let fixed = environment["KEYWARD_FILE_PASSPHRASE"] {
            return .fixed(SecretString(fixed))
        }
        return PassphraseSource { request throws(VaultError) in
            let prompt = TerminalPrompt()
            do {
                let first = try prompt.readSecret(prompt: "Passphrase for \(request.file): ")
                if request.purpose == .create {
                    let second = try prompt.readSecret(prompt: "Repeat the passphrase: ")
                    guard first.unredacted == second.unredacted else {
                        throw VaultError.passphraseUnavailable(file: request.file, reason: "the passphrases differ")
                    }
                }
                return first
            } catch let error as VaultError {
                throw error
            } catch {
                throw .passphraseUnavailable(
                    file: request.file,
                    reason: "\(error); set KEYWARD_FILE_PASSPHRASE or run from a terminal")
            }
        }
    }
}
