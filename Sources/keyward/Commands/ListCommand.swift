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
        let context = CommandContext(global: global)
        let configured = try context.profileResolver().profileNames
        let vault = try context.keyVault()
        let stored = try await vault.profiles()
        let sessions = try await context.sessionCache(sharing: vault).entries()
        var entries: [VaultListing.Profile] = []
        let resolver = try context.credentialResolver(mfaToken: nil, options: CredentialOptions())
        let names = VaultListing.merge(configured: configured, stored: stored, sessions: sessions.map(\.profile))
        for name in names {
            let key = try await vault.key(profile: name)
            // A profile's sessions are those its plan reads (shared with identical profiles), or fetched for it.
            let plans = (try? resolver.plan(for: name).0)?.sessionDigests ?? []
            entries.append(
                VaultListing.Profile(
                    name: name, inConfig: configured.contains(name),
                    key: key.map { VaultListing.Key(accessKeyID: $0.maskedAccessKeyID, storedAt: $0.storedAt) },
                    backend: key == nil ? nil : vault.store.kind.rawValue,
                    sessions: sessions.filter { $0.profile == name || $0.planDigest.map(plans.contains) == true }.map {
                        VaultListing.Session(kind: $0.kind.rawValue, expiration: $0.expiration)
                    }))
        }
        let listing = VaultListing(profiles: entries)
        print(json ? try listing.jsonText() : listing.table(), terminator: json ? "\n" : "")
    }
}
