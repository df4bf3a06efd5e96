import ArgumentParser
import Foundation
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardFederation

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

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let paths = ConfigPaths(environment: context.environment)
        let path = from ?? paths.credentials
        let displayName = paths.displayName(for: path)
        guard let file = try ConfigFile.load(path: path, displayName: displayName, kind: .credentials) else {
            throw FederationError.importFileMissing(file: displayName)
        }
        var candidates = ImportCandidate.all(in: file)
        let missing = profiles.filter { name in !candidates.contains { $0.profile == name } }
        if !profiles.isEmpty { candidates = candidates.filter { profiles.contains($0.profile) } }
        // The endpoints of each profile as the file being imported (perhaps --from) defines it.
        var resolver = try context.credentialResolver(mfaToken: nil, options: CredentialOptions())
        resolver.profiles = try ProfileResolver(
            paths: ConfigPaths(config: paths.config, credentials: path, home: paths.home),
            environment: context.environment)
        var run = KeyImport(
            credentialsFile: SharedCredentialsFile(path: path, displayName: displayName),
            vault: try context.keyVault(),
            verify: offline
                ? nil : { [resolver] key, name in try await Self.identity(of: key, profile: name, resolver) },
            scrub: scrub,
            // Unbuffered, so a killed run has shown what it did.
            report: { [output = context.output] line in output.line(line) })
        for name in missing { run.fail(name, "not in \(displayName)") }
        for candidate in candidates { try await run.importProfile(candidate) }
        if let backup = run.backup {
            context.output.notice(
                "the original file is kept at \(backup) (mode 0600); it still holds the keys in "
                    + "plaintext: delete it when you are satisfied")
        }
        guard run.failures.isEmpty else {
            throw FederationError.keysNotImported(profiles: run.failures)
        }
    }

    /// The caller's ARN as STS answers for `key`, with the endpoint the profile would use.
    private static func identity(
        of key: AWSCredentials, profile name: String, _ resolver: CredentialResolver
    ) async throws -> String {
        let sts = try resolver.stsClient(forProfile: name)
        return try await sts.getCallerIdentity(credentials: key).arn
    }
}
