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

    @Option(
        help: "The MFA device ARN when the role's trust policy requires MFA; default: the source profile's mfa_serial.")
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
        // What STS would refuse, before a vault is opened or an MFA code asked for (issue 21, item 13).
        var limits: [STSRequestLimits.Value] = [.roleARN(roleARN)]
        if let duration {
            limits.append(.duration(seconds: try SessionDuration.seconds(from: duration), call: .assumeRole))
        }
        if let mfaToken { limits.append(.mfaCode(mfaToken)) }
        do { for value in limits { try STSRequestLimits.check(value) } } catch { throw ValidationError("\(error).") }
    }

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let resolver = try context.credentialResolver(mfaToken: nil, options: CredentialOptions())
        let source = try await resolver.signingKey(forProfile: sourceProfile, region: region)
        // The source profile's MFA settings are reused, as the AWS CLI and aws-vault read a profile's
        // mfa_serial: --mfa-serial wins, then the profile's; the code comes from --mfa-token, then the profile's
        // mfa_process, then the terminal.
        let settings =
            resolver.profiles.hasProfile(named: source.profile)
            ? try resolver.profiles.profile(named: source.profile) : nil
        let serial = mfaSerial ?? settings?.mfaSerial
        if mfaToken != nil, serial == nil {
            throw CredentialsError.mfaSerialMissing(profile: source.profile)
        }
        let tokenCode = try serial.map { serial in
            try MFACodeSource(
                token: mfaToken, terminal: TerminalPrompt(), processEnvironment: context.environment.variables
            ).code(serial: serial, profile: source.profile, mfaProcess: settings?.mfaProcess)
        }
        let request = AssumeRoleRequest(
            roleARN: roleARN, roleSessionName: sessionName,
            durationSeconds: try duration.map { text throws(FederationError) in
                try SessionDuration.seconds(from: text)
            },
            externalID: externalID, serialNumber: serial, tokenCode: tokenCode)
        let sts = STSClient(client: resolver.client(for: try source.endpoints.sts()))
        let session = try await sts.assumeRole(request, credentials: source.credentials)
        try await SessionDelivery(outputProfile: outputProfile, exec: exec, quiet: quiet).deliver(
            session.credentials, role: session.assumedRoleARN ?? roleARN, region: source.endpoints.region,
            context: context)
    }
}

extension AssumeCommand {
    /// Prints where the credentials went and when they expire, to stderr (stdout is data only).
    static func report(_ message: String, expiration: Date?, to output: CommandOutput) {
        var line = message
        if let expiration {
            let minutes = max(0, Int(expiration.timeIntervalSinceNow / 60))
            line += "; expires \(ISO8601Timestamp.format(expiration)) (in \(minutes / 60)h\(minutes % 60)m)"
        }
        output.notice(line)
    }

    /// Replaces this process with `/bin/sh -c command`, the credentials in its environment (and no other
    /// AWS credentials or profile), so its exit status is the command's own.
    static func execute(
        _ command: String, credentials: AWSCredentials, region: String?, context: CommandContext
    )
        throws -> Never
    {
        let environment = CredentialEnvironment.forChild(
            of: context.environment.variables, credentials: credentials, region: region)
        let code = ProcessReplacement.replace(
            executable: "/bin/sh", arguments: ["/bin/sh", "-c", command], environment: environment)
        throw SystemError.shellUnavailable(shell: "/bin/sh", code: code)
    }
}
