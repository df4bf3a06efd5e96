import KeywardCredentials
import KeywardVault

/// How `add`, `list`, `remove` and `rotate` open the vault of long-lived keys.
extension CommandContext {
    /// The vault of long-lived keys in the chosen backend. A new vault file always gets the default scrypt
    /// cost; there is no way to ask the binary for less (tests create cheap vaults through the library).
    /// - Throws: `VaultError` when the backend cannot be chosen or built.
    func vaultForKeys() throws -> KeyVault {
        KeyVault(store: try backendSelection().keys.makeStore(storeSettings()))
    }
}
