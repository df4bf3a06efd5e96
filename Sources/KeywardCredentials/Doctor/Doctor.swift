import Foundation
import KeywardConfig
import KeywardSystem
import KeywardVault

/// Inspects the AWS config files, the environment, the Keyward home and the vault file, and reports what
/// weakens the machine's AWS credentials: what `keyward doctor` prints.
///
/// ```swift
/// let doctor = Doctor(environment: environment, paths: ConfigPaths(environment: environment), keywardHome: home)
/// let report = doctor.inspect()
/// if report.hasHighFindings { ... }
/// ```
///
/// It reads files and file modes only (the vault file's header, never its contents: no passphrase is
/// needed) and takes the environment as a value. It never prints a secret: key ids are masked.
public struct Doctor: Sendable {
    /// The environment inspected for exported keys (and used to resolve profiles).
    public var environment: Environment
    /// Where the config and credentials files are.
    public var paths: ConfigPaths
    /// The Keyward home directory.
    public var keywardHome: String
    /// The vault file of the file backend.
    public var vaultFile: String
    /// The profiles with a key an older Keyward left in the kernel user keyring (`LegacyKeyctlKeys`), asked
    /// only when set: the CLI sets it, so tests of the other checks never depend on the shared keyring.
    public var legacyKeyringProfiles: (@Sendable () -> [String])?

    /// A doctor for these surroundings.
    /// - Parameters:
    ///   - environment: the environment to inspect.
    ///   - paths: the AWS config and credentials files.
    ///   - keywardHome: Keyward's home directory.
    ///   - vaultFile: the file backend's vault file; default `keywardHome/vault.keyward`.
    public init(environment: Environment, paths: ConfigPaths, keywardHome: String, vaultFile: String? = nil) {
        self.environment = environment
        self.paths = paths
        self.keywardHome = keywardHome
        self.vaultFile = vaultFile ?? keywardHome + "/" + FileSecretStore.defaultFileName
    }

    /// Runs every check.
    /// - Returns: the findings, in check order: keys in files, keys in the environment, profiles, file
    ///   modes, the vault file's key derivation, legacy keys in the kernel keyring.
    public func inspect() -> DoctorReport {
        var findings: [Finding] = []
        let config = load(paths.config, kind: .config, into: &findings)
        let credentials = load(paths.credentials, kind: .credentials, into: &findings)
        for file in [credentials, config].compactMap({ $0 }) { findings += plaintextKeys(in: file) }
        findings += importBackupKeys()
        findings += environmentKeys()
        findings += profileFindings(
            ProfileResolver(config: config, credentials: credentials, environment: environment))
        findings += permissionFindings()
        findings += vaultFindings()
        findings += legacyKeyringFindings()
        return DoctorReport(findings: findings)
    }

    /// A path as findings show it (`~/.aws/config`).
    func display(_ path: String) -> String { paths.displayName(for: path) }

    /// Parses one file; one that cannot be read or parsed becomes a finding.
    private func load(_ path: String, kind: ConfigFile.Kind, into findings: inout [Finding]) -> ConfigFile? {
        do {
            return try ConfigFile.load(path: path, displayName: display(path), kind: kind)
        } catch {
            findings.append(
                Finding(
                    id: .unreadableFile, severity: .medium, location: Self.location(of: error) ?? display(path),
                    message: error.description, fix: "correct the file; the AWS CLI refuses it too"))
            return nil
        }
    }

    /// `AKIA…` keys with their secrets, by the line of `aws_access_key_id`.
    func plaintextKeys(in file: ConfigFile) -> [Finding] {
        file.sections.compactMap { section in
            guard let entry = section.entry(forKey: "aws_access_key_id"),
                AccessKeyID(entry.value).shape == .longTerm,
                !(section.value(forKey: "aws_secret_access_key") ?? "").isEmpty
            else { return nil }
            let profile = section.name ?? section.header
            let masked = AccessKeyID(entry.value).masked
            let message = "profile \"\(profile)\" keeps the long-lived key \(masked) in plaintext"
            if file.kind == .credentials {
                return Finding(
                    id: .longLivedKeyInCredentialsFile, severity: .high, location: "\(file.fileName):\(entry.line)",
                    message: message, fix: "keyward import --scrub --profile \(profile)")
            }
            return Finding(
                id: .longLivedKeyInConfigFile, severity: .high, location: "\(file.fileName):\(entry.line)",
                message: message,
                fix:
                    "keyward add \(ShellQuoting.quoted(profile)) (with this key), then delete its aws_access_key_id and "
                    + "aws_secret_access_key lines from \(file.fileName)")
        }
    }

    /// `AKIA…` keys left in the backups `keyward import --scrub` keeps beside the credentials file
    /// (`credentials.keyward-backup-*`), which the user is told to delete once satisfied.
    func importBackupKeys() -> [Finding] {
        // Backups sit beside the file itself, which for a symlinked credentials file is the link's target.
        let url = URL(fileURLWithPath: (try? SecureFile.editableTarget(of: paths.credentials)) ?? paths.credentials)
        let prefix = url.lastPathComponent + ConfigPaths.importBackupInfix
        let directory = url.deletingLastPathComponent().path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted().flatMap { name -> [Finding] in
            let path = directory + "/" + name
            guard let file = try? ConfigFile.load(path: path, displayName: display(path), kind: .credentials)
            else { return [] }
            return plaintextKeys(in: file).map { finding in
                var finding = finding
                finding.id = .longLivedKeyInImportBackup
                finding.fix = "delete \(file.fileName) once the imported keys work (keyward list shows them)"
                return finding
            }
        }
    }

    /// Keys exported in the environment.
    func environmentKeys() -> [Finding] {
        let id = environment["AWS_ACCESS_KEY_ID"] ?? ""
        let hasSecret = !(environment["AWS_SECRET_ACCESS_KEY"] ?? "").isEmpty
        switch AccessKeyID(id).shape {
        case .longTerm:
            return [
                Finding(
                    id: .longLivedKeyInEnvironment, severity: .high, location: "$AWS_ACCESS_KEY_ID",
                    message: "the long-lived key \(AccessKeyID(id).masked) is exported in the environment, where every "
                        + "child process can read it",
                    fix: "keyward add PROFILE --env, then unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY and use "
                        + "keyward exec PROFILE -- COMMAND")
            ]
        case .temporary:
            return [
                Finding(
                    id: .sessionKeyInEnvironment, severity: .low, location: "$AWS_ACCESS_KEY_ID",
                    message: "the session key \(AccessKeyID(id).masked) is exported in the environment",
                    fix: "unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN; keyward exec PROFILE -- "
                        + "COMMAND gives one command short-lived credentials")
            ]
        case .unrecognized:
            guard hasSecret else { return [] }
            return [
                Finding(
                    id: .secretKeyInEnvironment, severity: .medium, location: "$AWS_SECRET_ACCESS_KEY",
                    message: "a secret access key is exported in the environment",
                    fix: "unset AWS_SECRET_ACCESS_KEY; keep keys in the vault (keyward add PROFILE --env)")
            ]
        }
    }

    /// The `file:line` a config error names, if it names one.
    static func location(of error: ConfigError) -> String? {
        switch error {
        case .invalidEncoding(let file, let line), .missingSectionHeader(let file, let line),
            .unclosedSectionHeader(let file, let line),
            .malformedLine(let file, let line), .malformedNestedLine(let file, let line, _),
            .duplicateSection(let file, let line, _), .duplicateKey(let file, let line, _, _),
            .invalidValue(let file, let line, _, _), .sourceProfileNotFound(_, _, let file, let line),
            .includedProfileNotFound(_, _, let file, let line), .sourceProfileLoop(_, let file, let line),
            .includeProfileLoop(_, let file, let line), .conflictingRoleSources(_, let file, let line),
            .missingRoleSource(_, let file, let line), .missingWebIdentityRole(_, let file, let line),
            .partialCredentials(_, let file, let line), .servicesSectionNotFound(_, _, let file, let line):
            return "\(file):\(line)"
        case .unreadableFile(let file, _), .invalidEdit(let file, _):
            return file
        case .invalidEnvironmentValue(let name, _):
            return "$" + name
        case .profileNotFound:
            return nil
        }
    }
}
