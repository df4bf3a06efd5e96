import ArgumentParser
import KeywardAWS
import KeywardCredentials

/// `keyward export PROFILE --format env|json|ini|credential-process`: prints the profile's credentials.
///
/// `credential-process` is the JSON the AWS SDKs read from `credential_process`, so
/// `credential_process = keyward export --format credential-process PROFILE` in `~/.aws/config` serves the
/// AWS CLI, boto3 and every SDK from Keyward's cache.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a profile's temporary credentials (shell, JSON, INI or credential_process JSON).")

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case env
        case json
        case ini
        case credentialProcess = "credential-process"
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile in ~/.aws/config.")
    var profile: String

    @Option(help: "env, json, ini or credential-process.")
    var format: Format = .env

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device.")
    var mfaToken: String?

    @Option(help: "The final session's length: 3600, 45m, 1h.")
    var duration: CredentialDuration?

    @Flag(name: .customLong("no-session"), help: "Do not open an MFA/GetSessionToken session first.")
    var noSession = false

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let options = CredentialOptions(useSessionToken: !noSession, duration: duration?.seconds)
        let resolver = try context.credentialResolver(mfaToken: mfaToken, options: options)
        let result = try await resolver.credentials(for: profile)
        context.output.write(CredentialOutput.render(result, format: format))
    }
}
