import ArgumentParser
import Foundation
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardFederation
import KeywardSystem

#if canImport(Glibc)
import Glibc
#endif

/// `keyward assume ROLE_ARN SESSION_NAME --profile OUT`: assume a role once and save the session as a named
/// profile in the shared credentials file (or run a command with it), seed 001's `user` mode done safely.
struct AssumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assume",
        abstract: "Assume a role and write the temporary credentials into a profile of ~/.aws/credentials.",
        discussion: """
            Only [OUT] of the shared credentials file changes; every other byte stays as it was, the write is \
            atomic and the file is mode 0600. The long-lived key that signs the call is never written there.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The role to assume, e.g. arn:aws:iam::123456789012:role/dev.")
    var roleARN: String

    @Argument(help: "The session name CloudTrail records (2-64 characters of letters, digits and +=,.@_-).")
    var sessionName: String

    @Option(name: .customLong("profile"), help: "The profile to write the session into.")
    var outputProfile: String?

    @Option(
        help: ArgumentHelp(
            "The profile whose long-lived key signs the call (from the vault, else the credentials file); "
                + "default: the environment's keys, else AWS_PROFILE or `default`."))
    var sourceProfile: String?

    @Option(help: "The MFA device ARN when the role's trust policy requires MFA.")
    var mfaSerial: String?

    @Option(help: "The current MFA code; asked on the terminal when only --mfa-serial is given.")
    var mfaToken: String?

    @Option(help: "Session length: seconds or 15m, 1h, 1h30m (900 s up to the role's maximum).")
    var duration: String?

    @Option(help: "The external id the role's trust policy expects.")
    var externalID: String?

    @Option(help: "The region whose STS endpoint is called.")
    var region: String?

    @Option(help: "Run this shell command with the credentials in its environment instead of writing them.")
    var exec: String?

    @Flag(help: "Do not print when the credentials expire.")
    var quiet = false

    func validate() throws {
        guard (outputProfile == nil) != (exec == nil) else {
            throw ValidationError("Give exactly one of --profile OUT and --exec CMD.")
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_+=,.@-"))
        guard (2...64).contains(sessionName.count),
            sessionName.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) })
        else {
            throw ValidationError("SESSION_NAME must be 2-64 characters of letters, digits and +=,.@_-.")
        }
        if mfaToken != nil, mfaSerial == nil { throw ValidationError("--mfa-token needs --mfa-serial.") }
        // What STS would refuse, before a vault is opened or an MFA code asked for (issue 21, item 13).
        var limits: [STSRequestLimits.Value] = [.roleARN(roleARN)]
        if let duration {
            limits.append(.duration(seconds: try SessionDuration.seconds(from: duration), call: .assumeRole))
        }
        if let mfaToken { limits.append(.mfaCode(mfaToken)) }
        do { for value in limits { try STSRequestLimits.check(value) } } catch { throw ValidationError("\(error).") }
    }

    func run() async throws {
        let context = CommandContext(global: global)
        let source = try await Self.sourceCredentials(profile: sourceProfile, context: context, region: region)
        let tokenCode = try mfaSerial.map { serial in try mfaToken ?? Self.askMFACode(serial: serial) }
        let request = AssumeRoleRequest(
            roleARN: roleARN, roleSessionName: sessionName,
            durationSeconds: try duration.map { text throws(FederationError) in
                try SessionDuration.seconds(from: text)
            },
            externalID: externalID, serialNumber: mfaSerial, tokenCode: tokenCode)
        let sts = STSClient(client: QueryClient(endpoint: source.stsEndpoint, logger: context.logger))
        let session = try await sts.assumeRole(request, credentials: source.credentials)
        try await SessionDelivery(outputProfile: outputProfile, exec: exec, quiet: quiet).deliver(
            session.credentials, role: session.assumedRoleARN ?? roleARN, region: source.region, context: context)
    }
}

extension AssumeCommand {
    /// Credentials that sign a call, with where the call goes.
    struct Source {
        var credentials: AWSCredentials
        var stsEndpoint: ServiceEndpoint
        var iamEndpoint: ServiceEndpoint
        var region: String?
    }

    /// The long-lived (or environment) credentials a federation command signs with: `profile`'s key from the
    /// vault, else its static keys in the shared credentials file; with no profile, the environment's keys,
    /// else those of AWS_PROFILE or `default` looked up the same way.
    static func sourceCredentials(
        profile explicit: String?, context: CommandContext, region flag: String?
    )
        async throws -> Source
    {
        let environment = context.environment
        let resolver = try context.profileResolver()
        let name = resolver.selectProfile(explicit: explicit).name
        let settings = resolver.hasProfile(named: name) ? try resolver.profile(named: name) : nil
        let credentials: AWSCredentials
        if explicit == nil, let id = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"]
        {
            credentials = AWSCredentials(
                accessKeyID: id, secretAccessKey: SecretAccessKey(secret),
                sessionToken: environment["AWS_SESSION_TOKEN"].map(SessionToken.init))
        } else if let stored = try await context.keyVault().key(profile: name) {
            credentials = AWSCredentials(
                accessKeyID: stored.accessKeyID, secretAccessKey: SecretAccessKey(stored.secretAccessKey.unredacted))
        } else if let section = resolver.credentialsFile?.profileSection(named: name),
            let id = section.value(forKey: "aws_access_key_id"),
            let secret = section.value(forKey: "aws_secret_access_key")
        {
            let token = section.value(forKey: "aws_session_token") ?? section.value(forKey: "aws_security_token")
            credentials = AWSCredentials(
                accessKeyID: id, secretAccessKey: SecretAccessKey(secret), sessionToken: token.map(SessionToken.init))
        } else if let settings, settings.roleARN != nil {
            throw CredentialsError.roleProfileWhereKeyNeeded(profile: name, sourceProfile: settings.sourceProfile)
        } else {
            throw CommandExit(
                code: 1,
                description: "profile \(name): no key in the vault or the credentials file"
                    + (explicit == nil ? " and none in the environment" : "")
                    + "; add one with `keyward add \(ShellQuoting.quoted(name))`")
        }
        let (sts, iam, region) = try endpoints(settings: settings, resolver: resolver, context: context, region: flag)
        return Source(credentials: credentials, stsEndpoint: sts, iamEndpoint: iam, region: region)
    }

    /// The STS and IAM endpoints and the region for a profile (or none): `--region`, else the environment's
    /// or the profile's region; `endpoint_url` settings and `AWS_ENDPOINT_URL(_STS|_IAM)` override the URLs.
    static func endpoints(
        settings: Profile?, resolver: ProfileResolver, context: CommandContext, region flag: String?
    ) throws -> (sts: ServiceEndpoint, iam: ServiceEndpoint, region: String?) {
        let environment = context.environment
        let region =
            flag ?? settings.flatMap { resolver.region(for: $0) }
            ?? environment.first(of: ["AWS_REGION", "AWS_DEFAULT_REGION"])?.value
        func override(_ service: EndpointService) throws -> String? {
            try settings.flatMap { profile throws(ConfigError) in
                try resolver.endpointURL(for: service, profile: profile)
            }
                ?? environment.first(of: [service.environmentVariable, "AWS_ENDPOINT_URL"])?.value
        }
        let mode = try settings.map { profile throws(ConfigError) in try resolver.stsRegionalEndpoints(for: profile) }
        return (
            try ServiceEndpoint.sts(
                region: region, mode: mode == .legacy ? .legacy : .regional, override: try override(.sts)),
            try ServiceEndpoint.iam(region: region, override: try override(.iam)),
            region
        )
    }

    /// Asks for the MFA code on the controlling terminal.
    static func askMFACode(serial: String) throws -> String {
        do {
            let code = try TerminalPrompt().readLine(prompt: "MFA code for \(serial): ")
            return code.trimmingCharacters(in: .whitespaces)
        } catch SystemError.noTerminal {
            throw CommandExit(
                code: 1, description: "no terminal to ask for the MFA code of \(serial) on; pass --mfa-token CODE")
        }
    }

    /// Prints where the credentials went and when they expire, to stderr (stdout is data only).
    static func report(_ message: String, expiration: Date?) {
        var line = "keyward: " + message
        if let expiration {
            let minutes = max(0, Int(expiration.timeIntervalSinceNow / 60))
            line += "; expires \(ISO8601Timestamp.format(expiration)) (in \(minutes / 60)h\(minutes % 60)m)"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Replaces this process with `/bin/sh -c command`, the credentials in its environment (and no other
    /// AWS credentials or profile), so its exit status is the command's own.
    static func execute(
        _ command: String, credentials: AWSCredentials, region: String?, context: CommandContext
    )
        throws -> Never
    {
        var setting = ["AWS_ACCESS_KEY_ID": credentials.accessKeyID]
        setting["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey.value
        setting["AWS_SESSION_TOKEN"] = credentials.sessionToken?.value
        setting["AWS_CREDENTIAL_EXPIRATION"] = credentials.expiration.map(ISO8601Timestamp.format)
        if let region {
            // boto3 reads AWS_DEFAULT_REGION, the v2 CLI and the SDKs AWS_REGION; set both as aws-vault does.
            setting["AWS_REGION"] = region
            setting["AWS_DEFAULT_REGION"] = region
        }
        let environment = ChildEnvironment.forChild(of: context.environment.variables, setting: setting)
        let code = ProcessReplacement.replace(
            executable: "/bin/sh", arguments: ["/bin/sh", "-c", command], environment: environment)
        throw CommandExit(code: 127, description: "cannot run /bin/sh: \(SystemError.message(forErrno: code))")
    }
}
