import ArgumentParser
import Foundation
import KeywardAWS
import KeywardAudit
import KeywardCredentials
import KeywardPolicy
import Logging

/// `keyward policy can PROFILE ACTION RESOURCE`: fetches the caller's own policies from IAM and explains,
/// locally, whether the request would be allowed.
struct PolicyCanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "can",
        abstract: "Would this profile's identity be allowed ACTION on RESOURCE? Fetched from IAM, decided locally.",
        discussion: """
            Resolves PROFILE through the credential chain, asks STS who it is, reads that user's (inline, \
            attached, group) or role's policies and permissions boundary with iam:GetAccountAuthorizationDetails \
            (or, when that is denied, its own entity's: iam:GetUser, iam:ListUserPolicies, iam:GetUserPolicy, \
            iam:ListAttachedUserPolicies, iam:ListGroupsForUser, the group equivalents, iam:GetPolicy and \
            iam:GetPolicyVersion; for a role iam:GetRole and the role equivalents), and evaluates the request \
            as IAM would, with the keys AWS always supplies (aws:CurrentTime, aws:EpochTime, \
            aws:RequestedRegion from the profile, aws:SecureTransport, aws:userid, aws:Principal*, and for a \
            session Keyward holds aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge, aws:TokenIssueTime and \
            aws:SourceIdentity; --context overrides them). SCPs and resource policies are not visible to an account's \
            identity and are not included. Exits 0 when allowed, 1 when denied, 2 on an error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile whose identity is asked about.")
    var profile: String

    @Argument(help: "The action, e.g. s3:GetObject.")
    var action: String

    @Argument(help: "The resource ARN, or *.")
    var resource: String = "*"

    @Option(name: .customLong("context"), help: "A condition key, KEY=VALUE (repeatable; repeat a key for sets).")
    var context: [String] = []

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device.")
    var mfaToken: String?

    @Flag(help: "Print the explanation as JSON.")
    var json = false

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in commandContext: CommandContext) async throws {
        try await PolicyExitStatus.run { try await answer(in: commandContext) }
    }

    /// Prints the explanation and returns the decision.
    private func answer(in commandContext: CommandContext) async throws -> Decision {
        // A plain key is used as it is: IAM reads need no session, and one would only add a call.
        let resolver = try commandContext.credentialResolver(
            mfaToken: mfaToken, options: CredentialOptions(plainKeySessions: false))
        let resolved = try await resolver.credentials(for: profile)
        let credentials = resolved.credentials
        let identity = try await resolver.stsClient(forProfile: profile).getCallerIdentity(credentials: credentials)
        let endpoints = try resolver.endpoints(forProfile: profile)
        let iam = IAMClient(client: resolver.client(for: try endpoints.iam()), credentials: credentials)
        let principal = try await CallerPolicies.fetch(callerARN: identity.arn, iam: iam, logger: commandContext.logger)
        let set = try principal.policySet()
        // The keys AWS always supplies, so Deny statements conditioned on them apply; --context overrides.
        let now = Date()
        var supplied = PrincipalAuthorizationDetails.suppliedContext(
            now: now, region: endpoints.region, userID: identity.userID)
        // The session Keyward holds says whether MFA was used and when it was issued, as AWS will.
        if let session = resolved.session { supplied.merge(session.contextKeys(now: now)) { _, held in held } }
        let request = principal.request(
            action: action, resource: resource, supplied: supplied, context: try ContextArguments.parse(context))
        let explanation = set.explain(request)
        let text =
            json
            ? ExplanationRenderer.json(explanation, policies: set)
            : ExplanationRenderer.render(explanation, policies: set)
        commandContext.output.write(text)
        return explanation.decision
    }
}
