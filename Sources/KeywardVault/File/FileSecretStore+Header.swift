import KeywardSystem

extension FileSecretStore {
    /// The key-derivation parameters in a vault file's header, read without the passphrase (they are stored
    /// in the clear, see `VaultFileFormat`), so `keyward doctor` can tell a weakly protected file.
    /// - Parameter path: the vault file.
    /// - Returns: the file's scrypt parameters, or `nil` when there is no file.
    /// - Throws: `VaultError.system` when the file cannot be read, or the format errors of a file that is
    ///   not a vault file, is damaged or truncated, is newer, or has parameters Keyward refuses.
    public static func keyDerivationParameters(ofFileAt path: String) throws(VaultError) -> ScryptParameters? {
        let bytes: [UInt8]?
        do {
            bytes = try SecureFile.read(at: path)
        } catch {
            throw .system(error)
        }
        guard let bytes else { return nil }
        return try VaultFileFormat.parse(bytes, file: path).scrypt
    }
}
