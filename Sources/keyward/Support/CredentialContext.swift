import Glibc
import KeywardConfig
import KeywardCredentials
import KeywardSystem
import KeywardVault

/// How `exec`, `export`, `whoami` and `clear` reach the credential chain. Everything is built lazily: the
/// cached path probes the kernel keyring (one system call), reads the AWS config and answers, without
/// choosing or opening the key vault.
extension CommandContext {
    /// The session cache, the one every command shares: the kernel keyring when usable, else the sessions
    /// backend of `backendSelection()`, namespaced by `KEYWARD_HOME`.
    /// - Parameter vault: the keys' vault when the command has it open; its store is reused when sessions
    ///   live in the same backend, so the file store's passphrase is asked for (and scrypt run) once.
    /// - Throws: `VaultError` when no backend can be chosen or built or an override is bad.
    func sessionCache(sharing vault: KeyVault? = nil) throws -> SessionCache {
        let namespace = SessionCache.namespace(forHome: try keywardHome)
        if KeyctlSecretStore.probe() == .available {
            return SessionCache(store: KeyctlSecretStore(), namespace: namespace)
        }
        let kind = try backendSelection().sessions
        if let vault, kind == vault.store.kind {
            return SessionCache(store: vault.store, namespace: namespace)
        }
        return SessionCache(store: try kind.makeStore(try storeSettings()), namespace: namespace)
    }

    /// The vault of long-lived keys as the resolver reaches it, with a cheap stamp when the keys are in the
    /// file store (its inode, size and modification time change with every write).
    func credentialKeySource() throws -> KeySource {
        let requested = requestedBackend
        let vaultFile = try keywardHome + "/" + FileSecretStore.defaultFileName
        // Without a requested backend the file store is used only when no session bus could answer; check
        // that without talking to D-Bus, so the cached path never pays for a probe.
        let fileForSure =
            requested == SecretStoreKind.file.rawValue
            || (requested == nil && environment["DBUS_SESSION_BUS_ADDRESS"] == nil
                && !SecureFile.exists(at: (environment["XDG_RUNTIME_DIR"] ?? "/nonexistent") + "/bus"))
        let context = self
        return KeySource(
            location: "\(requested ?? "auto"):\(vaultFile)",
            stamp: { fileForSure ? Self.fileStamp(vaultFile) : nil },
            open: { () throws(VaultError) in
                do {
                    return try context.keyVault()
                } catch let error as VaultError {
                    throw error
                } catch {
                    throw .backendUnavailable(.file, reason: "\(error)")
                }
            })
    }

    /// A resolver for the credential chain.
    /// - Parameters:
    ///   - mfaToken: `--mfa-token`, if given.
    ///   - options: session choices.
    ///   - cache: the session cache to use, when the caller has built it already (`clear`).
    /// - Throws: `ConfigError` for unreadable config files, `VaultError` when no session store can be built.
    func credentialResolver(
        mfaToken: String?, options: CredentialOptions, cache: SessionCache? = nil
    ) throws -> CredentialResolver {
        var options = options
        if options.loginName == nil { options.loginName = environment["USER"] ?? environment["LOGNAME"] }
        return CredentialResolver(
            profiles: try profileResolver(), environment: environment, keys: try credentialKeySource(),
            cache: try cache ?? sessionCache(), lockDirectory: try keywardHome + "/locks",
            mfa: MFACodeSource(token: mfaToken, terminal: TerminalPrompt(), processEnvironment: environment.variables),
            options: options, logger: logger, lockNotice: { [output] wait in output.notice(wait.description) })
    }

    /// `DEVICE:INODE:SIZE:MTIME` of a file, or `absent`.
    static func fileStamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "absent" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
