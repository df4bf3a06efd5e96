import ArgumentParser
import Foundation
import KeywardAWS

/// `keyward whoami [PROFILE]`: who the resolved credentials belong to.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the caller's ARN, account and user id (sts:GetCallerIdentity).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile to resolve; default: AWS_PROFILE, else the environment's keys, else `default`.")
    var profile: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        let context = CommandContext(global: global)
        let resolved = try CLICredentials.resolve(profile: profile, context: context)
        let sts = STSClient(client: QueryClient(endpoint: resolved.stsEndpoint, logger: context.logger))
        let identity = try await sts.getCallerIdentity(credentials: resolved.credentials)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(identity)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("Arn:     \(identity.arn)")
            print("Account: \(identity.account)")
            print("UserId:  \(identity.userID)")
        }
    }
}
