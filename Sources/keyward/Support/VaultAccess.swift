import KeywardCredentials
import KeywardVault

/// How `add`, `list`, `remove` and `rotate` open the vault of long-lived keys.
extension CommandContext {
    /// The test-only variable that lowers the scrypt cost of a NEW vault file.
    ///
    /// `KEYWARD_FILE_SCRYPT_LOG2N=10` makes each unlock take milliseconds instead of the default's
    /// 2^17 (128 MiB); the end-to-end tests set it so that dozens of `keyward` runs stay fast. It only
    /// affects a vault file being created (an existing file keeps the parameters in its header) and only
    /// accepts `ScryptParameters.acceptedLog2Cost`. It is deliberately undocumented for users: a weaker
    /// cost makes a stolen vault file cheaper to attack.
    static let testScryptCostVariable = "KEYWARD_FILE_SCRYPT_LOG2N"

    /// The scrypt parameters for a new vault file: the default, or the test-only override above.
    /// - Throws: `CommandExit` when the override is not a number in the accepted range.
    func newVaultFileParameters() throws(CommandExit) -> ScryptParameters {
        guard let text = environment[Self.testScryptCostVariable] else { return .default }
        let range = ScryptParameters.acceptedLog2Cost
        guard let log2Cost = UInt8(text), range.contains(log2Cost) else {
            throw CommandExit(
                code: 1,
                description:
                    "\(Self.testScryptCostVariable): expected a number from \(range.lowerBound) to \(range.upperBound)")
        }
        let base = ScryptParameters.default
        return ScryptParameters(log2Cost: log2Cost, blockSize: base.blockSize, parallelism: base.parallelism)
    }

    /// The vault of long-lived keys in the chosen backend, with the scrypt parameters above.
    /// - Throws: `VaultError` when the backend cannot be chosen or built, `CommandExit` for a bad override.
    func vaultForKeys() throws -> KeyVault {
        var settings = try storeSettings()
        settings.fileParameters = try newVaultFileParameters()
        return KeyVault(store: try backendSelection().keys.makeStore(settings))
    }
}
