import KeywardSystem
import KeywardVault

/// An empty file vault with a low scrypt cost, made through the library before a test runs `keyward`.
///
/// The binary only ever creates vaults at the default cost (2^17, 128 MiB); an existing file keeps the
/// parameters in its header. So tests that run `keyward` dozens of times create the vault here first (2^10,
/// milliseconds per unlock) instead of through a variable the shipped binary would read (issue 12, item 5:
/// a test switch in the release binary made vaults 128 times cheaper to attack).
public enum CheapVault {
    /// The cost tests use.
    public static let parameters = ScryptParameters(
        log2Cost: 10, blockSize: ScryptParameters.default.blockSize,
        parallelism: ScryptParameters.default.parallelism)

    /// Creates `KEYWARD_HOME` (0700) and an empty vault file in it, unless one exists.
    /// - Parameters:
    ///   - keywardHome: the directory.
    ///   - passphrase: the passphrase the test gives `keyward` (`KEYWARD_FILE_PASSPHRASE`).
    public static func create(keywardHome: String, passphrase: String) throws {
        let store = FileSecretStore(
            directory: keywardHome, passphrase: .fixed(SecretString(passphrase)), parameters: parameters)
        try store.createEmpty()
    }
}
