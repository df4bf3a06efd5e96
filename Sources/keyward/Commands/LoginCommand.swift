import ArgumentParser
import KeywardAWS
import KeywardCredentials
import KeywardFederation

/// `keyward login PROFILE`: prints a URL that opens the AWS console as the profile's role session, through
/// the federation endpoint's sign-in token (the IAM User Guide's custom identity broker).
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Print an AWS console sign-in URL for a role profile's session.",
        discussion: """
            The role session comes from the credential chain (cached, with one MFA code per day as for exec) \
            and is traded at the partition's federation endpoint for a sign-in token valid for 15 minutes; \
            the URL carries that token, never the credentials. Only role sessions can sign in: AWS refuses \
            GetSessionToken credentials and long-lived keys. KEYWARD_FEDERATION_ENDPOINT replaces the \
            endpoint (https, or http on loopback only).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A profile with role_arn in ~/.aws/config.")
    var profile: String

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device.")
    var mfaToken: String?

    @Option(help: "Where the console opens: a console URL or a path such as /s3/home (default: the home page).")
    var destination: String?

    @Option(help: "The console session's length, 15m to 12h (default: AWS's).")
    var duration: CredentialDuration?

    /// The variable that replaces the federation endpoint (a test server, or a private sign-in endpoint).
    static let endpointVariable = "KEYWARD_FEDERATION_ENDPOINT"

    func validate() throws {
        if let duration, !(900...43_200).contains(duration.seconds) {
            throw ValidationError("--duration must be from 15m to 12h.")
        }
    }

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        guard try context.profileResolver().profile(named: profile).roleARN != nil else {
            throw FederationError.consoleSignInNeedsRole(profile: profile)
        }
        let resolver = try context.credentialResolver(mfaToken: mfaToken, options: CredentialOptions())
        let resolved = try await resolver.credentials(for: profile)
        let region = try resolver.endpoints(forProfile: profile).region
        let signIn = try ConsoleSignIn(
            region: region, destination: destination, endpoint: context.environment[Self.endpointVariable],
            sessionDuration: duration?.seconds)
        let request = try signIn.tokenRequest(for: resolved.credentials)
        let answer: HTTPAnswer
        let host = signIn.endpoint.host ?? "the federation endpoint"
        // A person waiting on --debug sees what is asked of whom (issue 21, item 4); never the token.
        context.logger.debug("asking for a sign-in token", metadata: ["endpoint": "\(host)"])
        do {
            answer = try await AsyncHTTPTransport(maxBodyBytes: 64 << 10).send(request, timeout: 15)
            context.logger.debug("answered", metadata: ["endpoint": "\(host)", "status": "\(answer.status)"])
        } catch {
            context.logger.debug("no answer", metadata: ["endpoint": "\(host)", "error": "\(error)"])
            switch error {
            case .timeout:
                throw FederationError.consoleSignInTimedOut(host: host, seconds: 15)
            case .connection(let reason):
                throw FederationError.consoleSignInUnreachable(host: host, reason: reason)
            }
        }
        context.output.line(signIn.loginURL(token: try ConsoleSignIn.signInToken(from: answer)))
    }
}
