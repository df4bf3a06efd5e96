import ArgumentParser
import Foundation
import KeywardCredentials
import KeywardVault

/// `keyward list [--json]`: every profile of the config files and the vault, with its stored key (masked),
/// the backend holding it, and its cached sessions. Never a secret.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List profiles, their stored keys (masked), backends and cached sessions.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        // One read of the config files: the resolver's own serves the names and the plans.
        let credentialResolver = try context.credentialResolver(mfaToken: nil, options: CredentialOptions())
        let resolver = credentialResolver.profiles
        let configured = resolver.profileNames
        let inConfigFile = Set(resolver.configFileProfileNames)
        let vault = try context.keyVault()
        let stored = try await vault.profiles()
        let sessions = try await context.sessionCache(sharing: vault).entries()
        var entries: [VaultListing.Profile] = []
        let names = VaultListing.merge(configured: configured, stored: stored, sessions: sessions.map(\.profile))
        for name in names {
            let key = try await vault.key(profile: name)
            // A profile's sessions are those its plan reads (shared with identical profiles), or fetched for it.
            let plans = Set([(try? credentialResolver.plan(for: name).0)?.sessionDigest].compactMap { $0 })
            entries.append(
                VaultListing.Profile(
                    name: name, inConfig: inConfigFile.contains(name),
                    key: key.map { VaultListing.Key(accessKeyID: $0.maskedAccessKeyID, storedAt: $0.storedAt) },
                    backend: key == nil ? nil : vault.store.kind.rawValue,
                    sessions: sessions.filter { $0.profile == name || $0.planDigest.map(plans.contains) == true }.map {
                        VaultListing.Session(
                            kind: $0.kind.rawValue, expiration: $0.expiration, accessKeyID: $0.maskedAccessKeyID)
                    }, survivesReboot: key == nil ? nil : vault.store.kind.survivesReboot))
        }
        let listing = VaultListing(profiles: entries)
        context.output.write(json ? try listing.jsonText() + "\n" : listing.table())
        if entries.isEmpty, !json {
            // Nothing on stdout looked like a failure (issue 21, item 15); stdout stays data only.
            context.output.notice(
                "no profiles: none in the AWS config files, no key in \(vault.store.kind) and no cached session; "
                    + "add a key with keyward add PROFILE")
        }
    }
}
