import ArgumentParser
import Foundation
import Glibc
import KeywardAWS
import KeywardConfig
import KeywardFederation
import KeywardSystem
import KeywardVault

/// `keyward import [--from FILE] [--scrub] [--offline] [--profile NAME ...]`: moves the long-lived keys
/// (`AKIA…`) of the shared credentials file into the vault, one profile at a time.
///
/// Per profile, in this order, so that a process killed at any point loses no key: verify the key with
/// `sts:GetCallerIdentity` (unless `--offline`), store it in the vault, read it back and compare, and only
/// then (with `--scrub`) remove it from the file, leaving a comment where it was. Before the first removal
/// the original file is copied to `credentials.keyward-backup-<UTC time>` (mode 0600, never overwritten).
/// A profile whose key is already in the vault counts as imported, so a re-run finishes the job. Session
/// credentials (`ASIA…`, or any with a session token) are left alone.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Move long-lived keys from the shared credentials file into the vault.",
        discussion: """
            Each profile holding an IAM user's key (AKIA... id and secret, no session token) is verified with \
            sts:GetCallerIdentity (skip with --offline), stored in the vault and read back. With --scrub its \
            key lines are then removed from the file and a comment says where the key went; the original file \
            is kept first as credentials.keyward-backup-<time> (mode 0600): delete it when satisfied. Session \
            credentials are left alone. Prints one line per profile; exits 1 when any key was not imported.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp(
            "The credentials file (default: AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials).", valueName: "file"))
    var from: String?

    @Flag(help: "Remove each imported key from the file (after a backup of the original file).")
    var scrub = false

    @Flag(help: "Do not verify keys with sts:GetCallerIdentity.")
    var offline = false

    @Option(
        name: .customLong("profile"), help: ArgumentHelp("Import only this profile (repeatable).", valueName: "name"))
    var profiles: [String] = []

    /// TEST-ONLY: `KEYWARD_TEST_IMPORT_KILL_AFTER_WRITES=N` makes the process kill itself with SIGKILL right
    /// after its Nth durable write (a vault store, the backup, a scrub), so the end-to-end kill test can stop
    /// it deterministically between any two steps. Never set it outside tests.
    static let testKillVariable = "KEYWARD_TEST_IMPORT_KILL_AFTER_WRITES"

    func run() async throws {
        let context = CommandContext(global: global)
        let paths = ConfigPaths(environment: context.environment)
        let path = from ?? paths.credentials
        let displayName = paths.displayName(for: path)
        guard let file = try ConfigFile.load(path: path, displayName: displayName, kind: .credentials) else {
            throw CommandExit(code: 1, description: "\(displayName): no such file; nothing to import")
        }
        var candidates = ImportCandidate.all(in: file)
        let missing = profiles.filter { name in !candidates.contains { $0.profile == name } }
        if !profiles.isEmpty { candidates = candidates.filter { profiles.contains($0.profile) } }
        var run = ImportRun(
            context: context,
            credentialsFile: SharedCredentialsFile(path: path, displayName: displayName),
            resolver: try ProfileResolver(
                paths: ConfigPaths(config: paths.config, credentials: path, home: paths.home),
                environment: context.environment),
            vault: try context.vaultForKeys(), verify: !offline, scrub: scrub,
            killAfterWrites: context.environment[Self.testKillVariable].flatMap(Int.init))
        for name in missing { run.fail(name, "not in \(displayName)") }
        for candidate in candidates { try await run.importProfile(candidate) }
        if let backup = run.backup {
            FileHandle.standardError.write(
                Data(
                    ("keyward: the original file is kept at \(backup) (mode 0600); it still holds the keys in "
                        + "plaintext: delete it when you are satisfied\n").utf8))
        }
        guard run.failures.isEmpty else {
            throw CommandExit(
                code: 1, description: "not imported: \(run.failures.joined(separator: ", ")); see the lines above")
        }
    }
}

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
