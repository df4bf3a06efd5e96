import ArgumentParser
import Foundation
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardFederation
import KeywardSystem

/// `keyward saml --profile OUT [--role-arn ARN]`: trade an IdP's SAML response (on stdin) for temporary
/// credentials with AssumeRoleWithSAML and save them as a profile, seed 001's `saml` mode.
struct SamlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saml",
        abstract: "Read a SAML response on stdin, assume one of its roles and write the session into a profile.",
        discussion: """
            Standard input holds the response as the IdP posts it (base64) or as XML. DOCTYPEs and entities \
            are refused, and so is anything over 1 MiB. With several roles, choose one with --role-arn or from \
            the numbered list shown on the terminal.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("profile"), help: "The profile to write the session into.")
    var outputProfile: String?

    @Option(help: "The role to assume when the assertion offers several.")
    var roleARN: String?

    @Option(help: "Session length: seconds or 15m, 1h (default: the assertion's SessionDuration, else 1h).")
    var duration: String?

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
        if let duration { _ = try SessionDuration.seconds(from: duration) }
    }

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let input = Self.readStandardInput(limit: SAMLAssertion.defaultInputLimit + 1)
        let assertion = try SAMLAssertion(input: input)
        switch assertion.validity(at: Date()) {
        case .valid:
            break
        case .notYetValid(let notBefore):
            Self.warn(
                context,
                "the SAML assertion is not valid before \(ISO8601Timestamp.format(notBefore)); STS may refuse it")
        case .expired(let notOnOrAfter):
            Self.warn(
                context,
                "the SAML assertion expired at \(ISO8601Timestamp.format(notOnOrAfter)); STS will likely refuse it,"
                    + " sign in to the IdP again")
        }
        let role = try assertion.role(matching: roleARN) ?? Self.chooseRole(assertion.roles)
        let resolver = try context.credentialResolver(mfaToken: nil, options: CredentialOptions())
        let endpoints = try resolver.endpoints(forProfile: nil, region: region)
        let sts = STSClient(client: resolver.client(for: try endpoints.sts()))
        let seconds = try duration.map { text throws(FederationError) in try SessionDuration.seconds(from: text) }
        let session = try await sts.assumeRoleWithSAML(
            roleARN: role.roleARN, principalARN: role.principalARN, samlAssertion: assertion.encodedResponse,
            durationSeconds: seconds ?? assertion.sessionDuration)
        try await SessionDelivery(outputProfile: outputProfile, exec: exec, quiet: quiet).deliver(
            session.credentials, role: session.assumedRoleARN ?? role.roleARN, region: endpoints.region,
            context: context)
    }

    /// Reads standard input up to `limit` bytes; a longer input is cut there and refused by the parser.
    static func readStandardInput(limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < limit {
            guard let chunk = try? FileHandle.standardInput.read(upToCount: min(65_536, limit - bytes.count)),
                !chunk.isEmpty
            else { break }
            bytes += chunk
        }
        return bytes
    }

    /// Asks on the terminal which role to assume, with a numbered list.
    static func chooseRole(_ roles: [SAMLRole]) throws -> SAMLRole {
        let prompt = TerminalPrompt()
        let list = roles.enumerated().map { "  \($0.offset + 1)) \($0.element.roleARN)" }.joined(separator: "\n")
        do {
            let answer = try prompt.readLine(prompt: "The SAML response offers these roles:\n\(list)\nRole number: ")
            guard let number = Int(answer.trimmingCharacters(in: .whitespaces)), roles.indices.contains(number - 1)
            else {
                throw FederationError.samlRoleNumberInvalid(answer: answer, count: roles.count)
            }
            return roles[number - 1]
        } catch SystemError.noTerminal {
            throw FederationError.samlRoleNotChosen(offered: roles.map(\.roleARN))
        }
    }

    static func warn(_ context: CommandContext, _ message: String) {
        context.output.notice("warning: " + message)
    }
}
