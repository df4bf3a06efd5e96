import ArgumentParser
import Foundation
import KeywardSystem
import KeywardVault

/// `keyward add PROFILE [--env]`: stores an IAM user's long-lived key pair in the vault.
///
/// The key never comes from the command line (it would land in the shell history and in `ps`): it is typed
/// at the controlling terminal without echo, or read from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`
/// with `--env`. Both prompts are silent, the key id's too, so a secret pasted into the wrong prompt is
/// never shown on the screen.
struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store an IAM user's access key pair in the vault (prompted for, never an argument).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile the key belongs to.")
    var profile: String

    @Flag(name: .long, help: "Read the key from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY instead of prompting.")
    var env = false

    @Flag(name: .long, help: "Replace a different key already stored for the profile without asking.")
    var force = false

    @Flag(
        name: .long,
        help: "Move the key an older Keyward left in the kernel user keyring (keyward doctor lists them) here.")
    var fromLegacyKeyring = false

    // Anything after the profile. Captured so that argument-parser's own "unexpected argument" message,
    // which repeats the argument, never echoes a secret someone tried to pass.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var unexpected: [String] = []

    func validate() throws {
        if !unexpected.isEmpty {
            throw ValidationError(
                "keyward add takes only a profile name: the key is never an argument (it is prompted for on the "
                    + "terminal, or read from the environment with --env)")
        }
        if fromLegacyKeyring, env { throw ValidationError("--from-legacy-keyring and --env cannot be combined") }
    }

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        _ = try VaultItem.accessKey(profile: profile)  // refuse an unusable name before asking for a secret
        let vault = try context.keyVault()
        try vault.checkKeepsKeys()  // and a backend that forgets at reboot
        if fromLegacyKeyring { return try await moveLegacyKey(into: vault, output: context.output) }
        let (accessKeyID, secret) = try readKey(context: context)
        let key = StoredKey(accessKeyID: accessKeyID, secretAccessKey: secret, storedAt: Date())
        switch key.shape {
        case .longTerm:
            break
        case .temporary:
            context.output.notice(
                "warning: \(key.maskedAccessKeyID) is a temporary (ASIA) key from an STS session: it "
                    + "stops working when its session expires and its session token is not stored; store the "
                    + "IAM user's long-lived AKIA key instead")
        case .unrecognized:
            // Never repeat the value: it may be a secret typed into the wrong prompt.
            throw VaultError.unrecognizedAccessKeyID(profile: profile)
        }
        let existing = try await vault.key(profile: profile)
        if let existing, !force, !existing.holdsSameKey(as: key) {
            // The stored key is the only copy Keyward has (issue 21, item 1): replacing it is asked for, as
            // `remove` asks, and `import` refuses in the same case.
            try TerminalConfirmation(profile: profile, outcomeIfNot: "nothing was stored").confirm(
                "Replace the access key \(existing.maskedAccessKeyID) of profile \(profile) in \(vault.store.kind) "
                    + "with \(key.maskedAccessKeyID)? The old key cannot be recovered.",
                forceHint:
                    "the access key \(existing.maskedAccessKeyID) is already stored in \(vault.store.kind); pass --force "
                    + "to replace it, or keyward rotate to replace it with a new key")
        }
        let replaced = existing != nil
        try await vault.storeKey(key, profile: profile)
        context.output.line(
            "\(replaced ? "Replaced the key of" : "Added") profile \(profile): \(key.maskedAccessKeyID) in "
                + "\(vault.store.kind) (\(vault.store.location)), \(vault.store.kind.persistence)")
    }

    /// Moves the un-namespaced `keyward:access-key:PROFILE` of an older Keyward into this home's vault, which
    /// only then deletes it from the user keyring (issue 21, item 2). A different key already stored here is
    /// never replaced by it: the user decides which one is current.
    private func moveLegacyKey(into vault: KeyVault, output: CommandOutput) async throws {
        let legacy = LegacyKeyctlKeys()
        guard let old = try legacy.key(profile: profile) else {
            throw VaultError.noLegacyKey(profile: profile)
        }
        if let existing = try await vault.key(profile: profile), !existing.holdsSameKey(as: old) {
            throw VaultError.legacyKeyConflicts(
                profile: profile, backend: vault.store.kind, stored: existing.maskedAccessKeyID,
                legacy: old.maskedAccessKeyID)
        }
        _ = try await legacy.move(profile: profile, into: vault)
        output.line(
            "Moved profile \(profile): \(old.maskedAccessKeyID) from the kernel user keyring to \(vault.store.kind) "
                + "(\(vault.store.location)), \(vault.store.kind.persistence)")
    }

    /// The key id and secret, from the environment or the terminal, trimmed of surrounding blanks.
    private func readKey(context: CommandContext) throws -> (String, SecretString) {
        let id: String
        let secret: String
        if env {
            guard let envID = context.environment["AWS_ACCESS_KEY_ID"], !envID.isEmpty else {
                throw CommandError.keyVariableMissing(profile: profile, variable: "AWS_ACCESS_KEY_ID")
            }
            guard let envSecret = context.environment["AWS_SECRET_ACCESS_KEY"], !envSecret.isEmpty else {
                throw CommandError.keyVariableMissing(profile: profile, variable: "AWS_SECRET_ACCESS_KEY")
            }
            (id, secret) = (envID, envSecret)
        } else {
            let prompt = TerminalPrompt()
            do {
                id = try prompt.readSecret(prompt: "Access key ID for profile \(profile): ").unredacted
                secret = try prompt.readSecret(prompt: "Secret access key: ").unredacted
            } catch {
                throw CommandError.keyPromptFailed(profile: profile, reason: "\(error)")
            }
        }
        let trimmedSecret = secret.trimmingCharacters(in: .whitespaces)
        guard !trimmedSecret.isEmpty else {
            throw VaultError.emptySecretAccessKey(profile: profile)
        }
        return (id.trimmingCharacters(in: .whitespaces), SecretString(trimmedSecret))
    }
}
