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

    /// Variables that carry credentials or choose a profile: a program must see only the new ones.
    static let strippedVariables: Set<String> = [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
        "AWS_CREDENTIAL_EXPIRATION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_REGION", "AWS_DEFAULT_REGION",
    ]

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

        var environment = context.environment.variables.filter { !Self.strippedVariables.contains($0.key) }
        for (name, value) in CredentialOutput.variables(result) { environment[name] = value }
        environment["KEYWARD_PROFILE"] = result.profile
        try Self.replaceProcess(executable: executable, arguments: argv, environment: environment)
    }

    /// Becomes the program. The thread running this may be a worker thread with signals blocked, and the
    /// runtime ignores SIGPIPE: both survive `execve`, so the mask is cleared and dispositions reset first.
    static func replaceProcess(executable: String, arguments: [String], environment: [String: String]) throws -> Never {
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] {
            Glibc.signal(signal, SIG_DFL)
        }
        fflush(nil)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        execve(executable, argv, envp)
        let code = errno
        throw CommandExit(code: 126, description: "\(arguments[0]): \(SystemError.message(forErrno: code))")
    }
}
