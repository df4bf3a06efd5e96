import KeywardAWS
import KeywardConfig

/// Credentials and STS endpoint for `whoami` until the credential chain lands: the environment's keys when
/// no profile is named (as the AWS CLI does), else the profile's static keys from the shared credentials file.
struct CLICredentials {
    var credentials: AWSCredentials
    var stsEndpoint: ServiceEndpoint

    static func resolve(profile explicit: String?, context: CommandContext) throws -> CLICredentials {
        let environment = context.environment
        let resolver = try context.profileResolver()
        let selection = resolver.selectProfile(explicit: explicit)
        let settings = resolver.hasProfile(named: selection.name) ? try resolver.profile(named: selection.name) : nil
        let credentials: AWSCredentials
        if explicit == nil, let id = environment["AWS_ACCESS_KEY_ID"],
            let secret = environment["AWS_SECRET_ACCESS_KEY"]
        {
            credentials = AWSCredentials(
                accessKeyID: id, secretAccessKey: SecretAccessKey(secret),
                sessionToken: environment["AWS_SESSION_TOKEN"].map(SessionToken.init))
        } else {
            let resolved = try resolver.resolve(explicit)
            guard case .staticKeys(let keys) = resolved.sourceCredentials else {
                throw CommandExit(
                    code: 1,
                    description: "profile \(selection.name): no access key in the environment or the credentials file")
            }
            credentials = AWSCredentials(
                accessKeyID: keys.accessKeyID, secretAccessKey: SecretAccessKey(keys.secretAccessKey.revealed),
                sessionToken: keys.sessionToken.map { SessionToken($0.revealed) })
        }
        let region =
            settings.flatMap { resolver.region(for: $0) }
            ?? environment.first(of: ["AWS_REGION", "AWS_DEFAULT_REGION"])?.value
        let override =
            try settings.flatMap { profile throws(ConfigError) in try resolver.endpointURL(for: .sts, profile: profile)
            }
            ?? environment.first(of: ["AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"])?.value
        let mode = try settings.map { profile throws(ConfigError) in try resolver.stsRegionalEndpoints(for: profile) }
        let endpoint = try ServiceEndpoint.sts(
            region: region, mode: mode == .legacy ? .legacy : .regional, override: override)
        return CLICredentials(credentials: credentials, stsEndpoint: endpoint)
    }
}
