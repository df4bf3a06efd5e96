import ArgumentParser
import Foundation
import KeywardCredentials
import KeywardVault

/// `keyward clear [PROFILE]`: drops cached sessions, all of them or those of one profile's chain; without a
/// profile it also locks the file vault again (the key `KEYWARD_FILE_KEY_TTL` keeps), as `sudo -k` does.
struct ClearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Drop cached sessions (all, or those of one profile).",
        discussion: """
            Without a profile it also forgets the file vault's unlocked key (kept in the session keyring \
            when KEYWARD_FILE_KEY_TTL is set), so the next command asks for the passphrase again.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only sessions fetched for this profile or with it in their chain.")
    var profile: String?

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let cache = try context.sessionCache()
        // What the profile resolves to, so a session it shares with an identical profile is found too.
        var plans: Set<String> = []
        if let profile,
            let plan = try? context.credentialResolver(mfaToken: nil, options: CredentialOptions(), cache: cache)
                .plan(for: profile).0
        {
            plans.insert(plan.sessionDigest)
        }
        let count = try await cache.clear(profile: profile, plans: plans)
        let what = count == 1 ? "session" : "sessions"
        let scope = profile.map { " for \($0)" } ?? ""
        var message = "Cleared \(count) cached \(what)\(scope)."
        if profile == nil, await VaultKeyCache.forgetAll() > 0 { message += " The vault is locked again." }
        context.output.message(message)
    }
}
