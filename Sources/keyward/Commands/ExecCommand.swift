import ArgumentParser
import Glibc
import KeywardCredentials
import KeywardServer
import KeywardSystem

/// `keyward exec PROFILE [--mfa-token CODE] [--duration D] [--no-session] -- COMMAND...`: runs a program with
/// the profile's temporary credentials in its environment.
///
/// Keyward replaces itself with the program (`execve`), as aws-vault does on Unix: signals from the
/// terminal or a supervisor reach the program directly, and its exit status is the status of the command.
struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run a command with a profile's temporary credentials in its environment.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile in ~/.aws/config.")
    var profile: String

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device.")
    var mfaToken: String?

    @Option(help: "The final session's length: 3600, 45m, 1h.")
    var duration: CredentialDuration?

    @Flag(name: .customLong("no-session"), help: "Do not open an MFA/GetSessionToken session first.")
    var noSession = false

    @Flag(name: .customLong("allow-nested"), help: "Run even inside another `keyward exec`.")
    var allowNested = false

    @Option(
        help: ArgumentHelp(
            "Serve credentials from a local ec2 (IMDSv2) or ecs endpoint instead of setting keys; the program's SDK "
                + "refreshes from it, so long runs never see an expired key.", valueName: "ec2|ecs"))
    var server: ServerKind?

    @Argument(parsing: .postTerminator, help: "The command and its arguments (default: $SHELL).")
    var command: [String] = []

    func run() async throws {
        let context = CommandContext(global: global)
        if let outer = context.environment["KEYWARD_PROFILE"], !allowNested {
            throw CommandExit(
                code: 1,
                description:
                    "already inside keyward exec for profile \(outer); exit that shell first or pass --allow-nested")
        }
        let argv = command.isEmpty ? [context.environment["SHELL"] ?? "/bin/sh"] : command
        guard let executable = ExecutableSearch.find(argv[0], in: context.environment["PATH"]) else {
            throw CommandExit(code: 127, description: "\(argv[0]): command not found")
        }
        let options = CredentialOptions(useSessionToken: !noSession, duration: duration?.seconds)
        let resolver = try context.credentialResolver(mfaToken: mfaToken, options: options)
        if let server {
            try await runWithServer(
                server, resolver: resolver, context: context, executable: executable, arguments: argv)
        }
        let result = try await resolver.credentials(for: profile)

        let environment = CredentialEnvironment.forChild(
            of: context.environment.variables, credentials: result.credentials, region: result.region,
            profile: result.profile)
        try Self.replaceProcess(executable: executable, arguments: argv, environment: environment)
    }

    /// Becomes the program, or throws the reason it could not.
    static func replaceProcess(executable: String, arguments: [String], environment: [String: String]) throws -> Never {
        let code = ProcessReplacement.replace(executable: executable, arguments: arguments, environment: environment)
        throw CommandExit(code: 126, description: "\(arguments[0]): \(SystemError.message(forErrno: code))")
    }
}
