import Foundation
import KeywardAWS
import KeywardSystem
import KeywardVault

/// One `keyward import` run: moves long-lived keys from the shared credentials file into the vault, one
/// profile at a time, in the order that never loses a key: verify (unless offline), store, read back and
/// compare, and only then (with `scrub`) back up the original file once and remove the key from it.
///
/// Each durable write (a vault store, the backup, a scrub) is followed by `afterDurableWrite`, the seam the
/// kill test uses to stop the process between any two steps; the shipped binary passes nothing there.
///
/// ```swift
/// var run = KeyImport(credentialsFile: file, vault: vault, scrub: true, report: { print($0) })
/// for candidate in ImportCandidate.all(in: parsed) { try await run.importProfile(candidate) }
/// ```
public struct KeyImport {
    /// Verifies a key before it is stored: returns who it belongs to (the caller's ARN), or throws.
    public typealias Verifier = (_ key: AWSCredentials, _ profile: String) async throws -> String

    /// The file the keys come from.
    public var credentialsFile: SharedCredentialsFile
    /// Where they go.
    public var vault: KeyVault
    /// `sts:GetCallerIdentity` with the key, or `nil` for `--offline`.
    public var verify: Verifier?
    /// Whether to remove each imported key from the file.
    public var scrub: Bool
    /// Told each profile's one line as soon as it is decided (a killed run has shown what it did).
    public var report: (String) -> Void
    /// Called after every durable write with the number of writes so far.
    public var afterDurableWrite: (Int) -> Void
    /// The backup written before the first removal, if any.
    public private(set) var backup: String?
    /// The profiles that were not imported, in order.
    public private(set) var failures: [String] = []
    private var writes = 0

    /// Prepares a run; nothing is read or written until `importProfile`.
    public init(
        credentialsFile: SharedCredentialsFile, vault: KeyVault, verify: Verifier? = nil, scrub: Bool,
        report: @escaping (String) -> Void, afterDurableWrite: @escaping (Int) -> Void = { _ in }
    ) {
        self.credentialsFile = credentialsFile
        self.vault = vault
        self.verify = verify
        self.scrub = scrub
        self.report = report
        self.afterDurableWrite = afterDurableWrite
    }

    /// Imports one profile (or says why not) and reports its line.
    /// - Throws: `VaultError` or `FederationError` when the vault or the file itself fails.
    public mutating func importProfile(_ candidate: ImportCandidate) async throws {
        let name = candidate.profile
        let key: AWSCredentials
        switch candidate.kind {
        case .longLivedKey(let found): key = found
        case .session: return report("skipped \(name): session credentials")
        case .noKey: return report("skipped \(name): no access key")
        case .missingSecret: return fail(name, "aws_access_key_id without aws_secret_access_key")
        case .unrecognizedKeyID: return report("skipped \(name): the access key id is not an IAM user's (AKIA...)")
        }
        let masked = key.maskedAccessKeyID
        var detail: String
        if let stored = try await vault.key(profile: name) {
            guard Self.same(stored, key) else {
                return fail(
                    name,
                    "the vault already holds another key for it (\(stored.maskedAccessKeyID)); left in the file "
                        + "(`keyward remove \(name)` first to replace it)", masked: masked)
            }
            detail = "\(masked), already in the vault"
        } else {
            detail = masked + ", not verified (--offline)"
            if let verify {
                do {
                    detail = "\(masked), \(try await verify(key, name))"
                } catch {
                    return fail(name, "verification failed: \(Self.oneLine(error)); left in the file", masked: masked)
                }
            }
            try await vault.storeKey(
                StoredKey(
                    accessKeyID: key.accessKeyID, secretAccessKey: SecretString(key.secretAccessKey.unredacted),
                    storedAt: Date()),
                profile: name)
            wrote()
            guard let readBack = try await vault.key(profile: name), Self.same(readBack, key) else {
                return fail(name, "the vault did not read back the key just stored; left in the file", masked: masked)
            }
        }
        guard scrub else { return report("imported \(name) (\(detail))") }
        if backup == nil {
            backup = try await credentialsFile.backUp(date: Date())
            if backup != nil { wrote() }
        }
        let comment = ImportCandidate.scrubComment(profile: name, backend: vault.store.kind.rawValue, date: Date())
        switch try await credentialsFile.removeImportedKey(key, profile: name, comment: comment) {
        case .removed:
            wrote()
            report("imported \(name) (\(detail)); removed from \(credentialsFile.displayName)")
        case .notInFile:
            report("imported \(name) (\(detail)); no longer in \(credentialsFile.displayName)")
        case .keyDiffers:
            fail(
                name, "its key in \(credentialsFile.displayName) changed during the import; left in the file",
                masked: masked)
        }
    }

    /// Records a profile that was not imported and reports its line.
    public mutating func fail(_ name: String, _ reason: String, masked: String? = nil) {
        failures.append(name)
        report("failed \(name)\(masked.map { " (\($0))" } ?? ""): \(reason)")
    }

    private mutating func wrote() {
        writes += 1
        afterDurableWrite(writes)
    }

    private static func oneLine(_ error: Error) -> String {
        let text = String(describing: error)
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }

    private static func same(_ stored: StoredKey, _ key: AWSCredentials) -> Bool {
        stored.accessKeyID == key.accessKeyID && stored.secretAccessKey.unredacted == key.secretAccessKey.unredacted
    }
}
