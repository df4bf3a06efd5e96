import Foundation
import KeywardVault

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file checks of `keyward doctor`: modes that let group or others in, and the vault file's KDF cost.
extension Doctor {
    /// The credentials file (high), the config file (low), the Keyward home (medium) and the vault file
    /// (medium) when their mode gives group or others any access (`mode & 0o077`).
    func permissionFindings() -> [Finding] {
        let checks: [(String, Finding.ID, Finding.Severity, String)] = [
            (paths.credentials, .credentialsFilePermissions, .high, "600"),
            (paths.config, .configFilePermissions, .low, "600"),
            (keywardHome, .keywardHomePermissions, .medium, "700"),
            (vaultFile, .vaultFilePermissions, .medium, "600"),
        ]
        return checks.compactMap { path, id, severity, wanted in
            guard let mode = Self.mode(of: path), mode & 0o077 != 0 else { return nil }
            let shown = display(path)
            return Finding(
                id: id, severity: severity, location: shown,
                message: "\(shown) has mode \(Self.octal(mode)): group or others can get at it",
                fix: "chmod \(wanted) \(shown)")
        }
    }

    /// A vault file whose scrypt cost is below what new vault files get, or that cannot be read.
    func vaultFindings() -> [Finding] {
        let shown = display(vaultFile)
        let parameters: ScryptParameters
        do {
            guard let found = try FileSecretStore.keyDerivationParameters(ofFileAt: vaultFile) else { return [] }
            parameters = found
        } catch {
            return [
                Finding(
                    id: .unreadableFile, severity: .medium, location: shown, message: error.description,
                    fix: "restore the vault file from a backup, or move it aside and add the keys again")
            ]
        }
        let current = ScryptParameters.default
        guard parameters.log2Cost < current.log2Cost || parameters.blockSize < current.blockSize else { return [] }
        return [
            Finding(
                id: .weakVaultKDF, severity: .medium, location: shown,
                message: "the vault file is protected by \(parameters), cheaper to attack than the current "
                    + "default \(current)",
                fix: "move \(shown) aside and keyward add each profile again (new vault files use \(current))")
        ]
    }

    /// The permission bits of a file or directory, `nil` when it does not exist.
    static func mode(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o7777)
    }

    /// `0644`.
    static func octal(_ mode: Int) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
