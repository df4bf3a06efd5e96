import KeywardAWS
import KeywardConfig
import KeywardFederation

/// Where `assume` and `saml` hand the temporary credentials they obtained: a command run with them
/// (`--exec`), or a profile of the shared credentials file (`--profile OUT`), reported unless `--quiet`.
struct SessionDelivery {
    /// `--profile OUT`.
    var outputProfile: String?
    /// `--exec CMD`.
    var exec: String?
    /// `--quiet`.
    var quiet: Bool

    /// Runs the command (replacing this process) or writes the profile and says when it expires.
    /// - Parameters:
    ///   - credentials: the session.
    ///   - role: the assumed role's ARN, for the report.
    ///   - region: the region the command should use.
    ///   - context: the command's surroundings.
    func deliver(_ credentials: AWSCredentials, role: String, region: String?, context: CommandContext) async throws {
        if let exec {
            try AssumeCommand.execute(exec, credentials: credentials, region: region, context: context)
        }
        guard let outputProfile else { return }
        let paths = ConfigPaths(environment: context.environment)
        let file = SharedCredentialsFile(
            path: paths.credentials, displayName: paths.displayName(for: paths.credentials))
        try await file.writeSession(credentials, profile: outputProfile)
        if !quiet {
            AssumeCommand.report(
                "wrote [\(outputProfile)] to \(file.displayName) for \(role)", expiration: credentials.expiration,
                to: context.output)
        }
    }
}
