import Foundation
import Glibc
import KeywardAWS
import KeywardConfig
import KeywardFederation
import KeywardSystem
import KeywardVault

/// The state of one `keyward import` run: where keys go, what has been written, what failed.
struct ImportRun {
    var context: CommandContext
    var credentialsFile: SharedCredentialsFile
    var resolver: ProfileResolver
    var vault: KeyVault
    var verify: Bool
    var scrub: Bool
    var killAfterWrites: Int?
    /// The backup written before the first removal, if any.
    var backup: String?
    /// The profiles that were not imported, in order.
    var failures: [String] = []
    private var writes = 0

    init(
        context: CommandContext, credentialsFile: SharedCredentialsFile, resolver: ProfileResolver, vault: KeyVault,
        verify: Bool, scrub: Bool, killAfterWrites: Int?
    ) {
        self.context = context
        self.credentialsFile = credentialsFile
        self.resolver = resolver
        self.vault = vault
        self.verify = verify
        self.scrub = scrub
        self.killAfterWrites = killAfterWrites
    }

    /// Imports one profile (or says why not) and prints its line.
    mutating func importProfile(_ candidate: ImportCandidate) async throws {
        let name = candidate.profile
        let key: AWSCredentials
        switch candidate.kind {
        case .longLivedKey(let found): key = found
        case .session: return say("skipped \(name): session credentials")
        case .noKey: return say("skipped \(name): no access key")
        case .missingSecret: return fail(name, "aws_access_key_id without aws_secret_access_key")
        case .unrecognizedKeyID: return say("skipped \(name): the access key id is not an IAM user's (AKIA...)")
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
            if verify {
                do {
                    detail = "\(masked), \(try await identity(of: key, profile: name))"
                } catch {
                    return fail(
                        name, "verification failed: \(ErrorPresenter.message(for: error)); left in the file",
                        masked: masked)
                }
            }
            try await vault.storeKey(
                StoredKey(
                    accessKeyID: key.accessKeyID, secretAccessKey: SecretString(key.secretAccessKey.value),
                    storedAt: Date()),
                profile: name)
            wrote()
            guard let readBack = try await vault.key(profile: name), Self.same(readBack, key) else {
                return fail(name, "the vault did not read back the key just stored; left in the file", masked: masked)
            }
        }
        guard scrub else { return say("imported \(name) (\(detail))") }
        if backup == nil {
            backup = try await credentialsFile.backUp(date: Date())
            if backup != nil { wrote() }
        }
        let comment = ImportCandidate.scrubComment(profile: name, backend: vault.store.kind.rawValue, date: Date())
        switch try await credentialsFile.removeImportedKey(key, profile: name, comment: comment) {
        case .removed:
            wrote()
            say("imported \(name) (\(detail)); removed from \(credentialsFile.displayName)")
        case .notInFile:
            say("imported \(name) (\(detail)); no longer in \(credentialsFile.displayName)")
        case .keyDiffers:
            fail(
                name, "its key in \(credentialsFile.displayName) changed during the import; left in the file",
                masked: masked)
        }
    }

    /// Records a profile that was not imported and prints its line.
    mutating func fail(_ name: String, _ reason: String, masked: String? = nil) {
        failures.append(name)
        say("failed \(name)\(masked.map { " (\($0))" } ?? ""): \(reason)")
    }

    /// Writes a line to stdout at once (unbuffered), so a killed run has shown what it did.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The caller's ARN as STS answers for `key`, with the endpoint the profile would use.
    private func identity(of key: AWSCredentials, profile name: String) async throws -> String {
        let settings = resolver.hasProfile(named: name) ? try resolver.profile(named: name) : nil
        let endpoints = try AssumeCommand.endpoints(
            settings: settings, resolver: resolver, context: context, region: nil)
        let sts = STSClient(client: QueryClient(endpoint: endpoints.sts, logger: context.logger))
        return try await sts.getCallerIdentity(credentials: key).arn
    }

    /// Counts a durable write; the test-only kill knob acts here.
    private mutating func wrote() {
        writes += 1
        if let limit = killAfterWrites, writes >= limit {
            kill(getpid(), SIGKILL)
        }
    }

    private static func same(_ stored: StoredKey, _ key: AWSCredentials) -> Bool {
        stored.accessKeyID == key.accessKeyID && stored.secretAccessKey.unredacted == key.secretAccessKey.value
    }
}
