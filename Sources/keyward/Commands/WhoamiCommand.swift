import ArgumentParser
import Foundation
import KeywardAWS
import KeywardCredentials

/// `keyward whoami [PROFILE]`: who the profile's credentials belong to, resolved through the whole chain
/// (MFA session, roles) and the session cache, as `exec` would resolve them.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the caller's ARN, account and user id (sts:GetCallerIdentity).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile to resolve; default: AWS_PROFILE, else the environment's keys, else `default`.")
    var profile: String?

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device.")
    var mfaToken: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        // A plain key is used as it is here: a session would only add a call.
        let options = CredentialOptions(plainKeySessions: false)
        let resolver = try context.credentialResolver(mfaToken: mfaToken, options: options)
        let result = try await resolver.credentials(for: profile)
        let sts = try resolver.stsClient(forProfile: profile)
        let identity = try await sts.getCallerIdentity(credentials: result.credentials)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(identity)
            context.output.line(String(decoding: data, as: UTF8.self))
        } else {
            context.output.write(
                "Arn:     \(identity.arn)\nAccount: \(identity.account)\nUserId:  \(identity.userID)\n")
        }
    }
}
