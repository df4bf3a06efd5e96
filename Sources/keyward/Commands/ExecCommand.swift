import ArgumentParser
import Glibc
import KeywardCredentials
import KeywardServer
import KeywardSystem

/// `keyward exec PROFILE [--mfa-token CODE] [--duration D] [--no-session] [--] COMMAND...`: runs a program
/// with the profile's temporary credentials in its environment.
///
/// As with aws-vault, the first argument after the profile that is not one of exec's options starts the
/// command, so `keyward exec ro aws sts get-caller-identity` needs no `--` (issue 21, item 10); options
/// after that belong to the command. A `--` before the command is still accepted, and needed for a
/// command whose name starts with `-`.
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

    // Without `--`, `ExecCommand.insertingTerminator` puts one before the command first.
    @Argument(
        parsing: .postTerminator,
        help: "The command and its arguments (default: $SHELL); the -- before it may be left out.")
    var command: [String] = []

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        if let server {
            let (executable, argv) = try program(in: context)
            try await runWithServer(
                server, resolver: try resolver(in: context), context: context, executable: executable,
                arguments: argv)
        }
        let launch = try await childLaunch(in: context)
        try Self.replaceProcess(
            executable: launch.executable, arguments: launch.arguments, environment: launch.environment)
    }

    /// What `exec` becomes: the program, its argv and the whole environment it starts with.
    struct ChildLaunch: Equatable {
        /// The program's absolute path.
        var executable: String
        /// Its argv, the name as typed first.
        var arguments: [String]
        /// Everything the child sees: the caller's variables without Keyward's secrets or other
        /// credentials, and the profile's (`CredentialEnvironment.forChild`).
        var environment: [String: String]
    }

    /// Resolves the credentials and says what the process would become, without becoming it (the
    /// in-process tests check what a child would see through this).
    func childLaunch(in context: CommandContext) async throws -> ChildLaunch {
        let (executable, argv) = try program(in: context)
        let result = try await resolver(in: context).credentials(for: profile)
        let environment = CredentialEnvironment.forChild(
            of: context.environment.variables, credentials: result.credentials, region: result.region,
            profile: result.profile)
        return ChildLaunch(executable: executable, arguments: argv, environment: environment)
    }

    /// The program to run and its argv, checked before any credential is fetched.
    private func program(in context: CommandContext) throws -> (String, [String]) {
        if let outer = context.environment["KEYWARD_PROFILE"], !allowNested {
            throw CommandError.nestedExec(outerProfile: outer)
        }
        let argv = command.isEmpty ? [context.environment["SHELL"] ?? "/bin/sh"] : command
        guard let executable = ExecutableSearch.find(argv[0], in: context.environment["PATH"]) else {
            throw SystemError.commandNotFound(argv[0])
        }
        return (executable, argv)
    }

    private func resolver(in context: CommandContext) throws -> CredentialResolver {
        let options = CredentialOptions(useSessionToken: !noSession, duration: duration?.seconds)
        return try context.credentialResolver(mfaToken: mfaToken, options: options)
    }

    /// Becomes the program, or throws the reason it could not.
    static func replaceProcess(executable: String, arguments: [String], environment: [String: String]) throws -> Never {
        let code = ProcessReplacement.replace(executable: executable, arguments: arguments, environment: environment)
        throw SystemError.cannotExecute(program: arguments[0], reason: SystemError.message(forErrno: code))
    }
}
