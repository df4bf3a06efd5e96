import ArgumentParser
import Foundation
import KeywardCredentials

/// `keyward clear [PROFILE]`: drops cached sessions, all of them or those of one profile's chain.
struct ClearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Drop cached sessions (all, or those of one profile).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only sessions fetched for this profile or with it in their chain.")
    var profile: String?

    func run() async throws {
        let context = CommandContext(global: global)
        let cache = try context.sessionCache()
        let count = try await cache.clear(profile: profile)
        let what = count == 1 ? "session" : "sessions"
        let scope = profile.map { " for \($0)" } ?? ""
        FileHandle.standardError.write(Data("Cleared \(count) cached \(what)\(scope).\n".utf8))
    }
}
