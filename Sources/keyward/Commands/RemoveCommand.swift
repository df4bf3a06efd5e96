import ArgumentParser
import KeywardVault

/// `keyward remove PROFILE [--force]`: deletes a profile's stored key after asking on the terminal.
///
/// The question goes to the controlling terminal, never stdin, so a script cannot confirm by accident by
/// piping `yes`; scripts pass `--force`. Without a terminal and without `--force` nothing is removed.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Delete a profile's stored access key (asks first; --force does not).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile whose key is deleted.")
    var profile: String

    @Flag(name: .long, help: "Do not ask for confirmation.")
    var force = false

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let vault = try context.keyVault()
        guard let key = try await vault.key(profile: profile) else {
            throw VaultError.keyNotStored(profile: profile, backend: vault.store.kind, location: vault.store.location)
        }
        if !force {
            try TerminalConfirmation(profile: profile, outcomeIfNot: "nothing was removed").confirm(
                "Delete the access key \(key.maskedAccessKeyID) of profile \(profile) from \(vault.store.kind)? "
                    + "It cannot be recovered.",
                forceHint: "no terminal to confirm the removal on; pass --force to remove without asking")
        }
        try await vault.removeKey(profile: profile)
        // Sessions made from the removed key go too, as with aws-vault's `remove`: removing a key is how a
        // person says "this profile should no longer work here".
        let dropped = try await context.sessionCache(sharing: vault).clear(profile: profile)
        let sessions = dropped == 0 ? "" : " and \(dropped) cached session\(dropped == 1 ? "" : "s")"
        context.output.line(
            "Removed the access key \(key.maskedAccessKeyID)\(sessions) of profile \(profile) from "
                + "\(vault.store.kind)")
    }
}
