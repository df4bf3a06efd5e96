import ArgumentParser
import Foundation
import KeywardCredentials
import KeywardServer

/// `keyward serve PROFILE --ec2|--ecs [--port N]`: a local IMDSv2 or container-credentials endpoint in the
/// foreground, for programs started elsewhere. Prints the variables to export, serves until SIGINT/SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the profile's credentials on 127.0.0.1 as an IMDSv2 (--ec2) or ECS (--ecs) endpoint.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile whose credentials are served.")
    var profile: String

    @Flag(help: "Serve an IMDSv2-compatible endpoint (AWS_EC2_METADATA_SERVICE_ENDPOINT).")
    var ec2 = false

    @Flag(help: "Serve a container-credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI).")
    var ecs = false

    @Option(help: "The loopback port (default: a free one).")
    var port: Int = 0

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device.")
    var mfaToken: String?

    func validate() throws {
        if ec2 == ecs { throw ValidationError("Give exactly one of --ec2 or --ecs.") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0...65535.") }
    }

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let resolver = try context.credentialResolver(mfaToken: mfaToken, options: CredentialOptions())
        let roleARN = try? resolver.plan(for: profile).0.roles.last?.roleARN
        let server = CredentialServer(
            kind: ec2 ? .ec2 : .ecs, source: ProfileCredentialSource(resolver: resolver, profile: profile), port: port,
            roleARN: roleARN, logger: context.logger)
        try await server.run { endpoint in
            // The ECS token is in these lines: it is printed for the user's own shell, as aws-vault does.
            var lines = ""
            for (name, value) in endpoint.environment.sorted(by: { $0.key < $1.key }) {
                lines += "export \(name)=\(value)\n"
            }
            context.output.write(lines)
            context.output.notice("serving \(profile) on \(endpoint.url); Ctrl-C stops")
        }
    }
}
