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

    init(global: GlobalOptions, environment: [String: String] = ProcessEnvironment.current()) {
        self.environment = Environment(environment)
        self.logger = global.makeLogger()
        self.requestedBackend = global.backend ?? self.environment["KEYWARD_BACKEND"]
    }

    /// `KEYWARD_HOME`, else `$XDG_DATA_HOME/keyward`, else `~/.local/share/keyward`.
    var keywardHome: String {
        if let home = environment["KEYWARD_HOME"] { return home }
        if let data = environment["XDG_DATA_HOME"] { return data + "/keyward" }
        return (environment.home ?? ".") + "/.local/share/keyward"
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
    func storeSettings() -> SecretStoreSettings {
        SecretStoreSettings(home: keywardHome, passphrase: passphraseSource(), environment: environment.variables)
    }

    /// The vault of long-lived keys in the chosen backend.
    func keyVault() throws(VaultError) -> KeyVault {
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
