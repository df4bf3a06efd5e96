/// Which backend keeps long-lived keys and which keeps cached sessions, chosen from what the caller
/// found out about the machine, never from the environment directly.
///
/// Issue 4's rule: an explicit `--backend` / `KEYWARD_BACKEND` wins for keys; otherwise the Secret
/// Service when a session bus answers, else the file store. Sessions go to the kernel keyring whenever it
/// is usable (memory only, per user, cheap to reach on the cached path), else to the keys' backend.
///
/// ```swift
/// let capabilities = MachineCapabilities(
///     secretServiceAnswers: SecretServiceSecretStore.probe(sessionBusAddress: env["DBUS_SESSION_BUS_ADDRESS"])
///         == .available,
///     kernelKeyringUsable: KeyctlSecretStore.probe() == .available)
/// let selection = BackendSelection(requested: try env["KEYWARD_BACKEND"].map(SecretStoreKind.init(parsing:)),
///                                  capabilities: capabilities)
/// ```
public struct BackendSelection: Sendable, Equatable {
    /// The backend for long-lived access keys.
    public var keys: SecretStoreKind
    /// The backend for cached sessions.
    public var sessions: SecretStoreKind

    /// Applies the rule above.
    /// - Parameters:
    ///   - requested: the backend asked for by flag or environment, if any.
    ///   - capabilities: what answers on this machine.
    public init(requested: SecretStoreKind?, capabilities: MachineCapabilities) {
        keys = requested ?? (capabilities.secretServiceAnswers ? .secretService : .file)
        sessions = capabilities.kernelKeyringUsable ? .keyctl : keys
    }

    /// A selection of two explicit backends.
    /// - Parameters:
    ///   - keys: the backend for keys.
    ///   - sessions: the backend for sessions.
    public init(keys: SecretStoreKind, sessions: SecretStoreKind) {
        self.keys = keys
        self.sessions = sessions
    }
}

/// What answers on this machine, as found out by the caller (see `KeyctlSecretStore.probe` and
/// `SecretServiceSecretStore.probe`).
public struct MachineCapabilities: Sendable, Equatable {
    /// Whether the Secret Service answered on the session bus.
    public var secretServiceAnswers: Bool
    /// Whether the kernel keyring can be used (it is often blocked in containers).
    public var kernelKeyringUsable: Bool

    /// Records what answered.
    /// - Parameters:
    ///   - secretServiceAnswers: whether the Secret Service answered.
    ///   - kernelKeyringUsable: whether the kernel keyring can be used.
    public init(secretServiceAnswers: Bool, kernelKeyringUsable: Bool) {
        self.secretServiceAnswers = secretServiceAnswers
        self.kernelKeyringUsable = kernelKeyringUsable
    }
}

/// Whether a backend can be used here, and if not, why.
public enum BackendAvailability: Sendable, Equatable {
    /// It can be used.
    case available
    /// It cannot; `reason` is one line for messages and skipped tests.
    case unavailable(reason: String)
}
