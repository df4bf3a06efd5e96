import ArgumentParser
import Foundation
import KeywardAWS
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
            aws:RequestedRegion from the profile, aws:SecureTransport, aws:userid, aws:Principal*; --context \
            overrides them). SCPs and resource policies are not visible to an account's \
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
        try await PolicyExitStatus.run { try await answer() }
    }

    /// Prints the explanation and returns the decision.
    private func answer() async throws -> Decision {
        let commandContext = CommandContext(global: global)
        // A plain key is used as it is: IAM reads need no session, and one would only add a call.
        let resolver = try commandContext.credentialResolver(
            mfaToken: mfaToken, options: CredentialOptions(plainKeySessions: false))
        let credentials = try await resolver.credentials(for: profile).credentials
        let identity = try await resolver.stsClient(forProfile: profile).getCallerIdentity(credentials: credentials)
        let profiles = try commandContext.profileResolver()
        let resolved = try profiles.resolve(profile, allowMissing: true)
        let endpoint = try ServiceEndpoint.iam(
            region: resolved.region, override: try profiles.endpointURL(for: .iam, profile: resolved.profile))
        let iam = IAMClient(client: QueryClient(endpoint: endpoint), credentials: credentials)
        let details = try await Self.details(of: identity.arn, iam: iam, logger: commandContext.logger)
        let principal = try PrincipalDetailsBuilder(details: details).principal(for: identity.arn)
        let set = try principal.policySet()
        // The keys AWS always supplies, so Deny statements conditioned on them apply; --context overrides.
        let supplied = PrincipalAuthorizationDetails.suppliedContext(
            now: Date(), region: resolved.region, userID: identity.userID)
        let request = principal.request(
            action: action, resource: resource, supplied: supplied, context: try ContextArguments.parse(context))
        let explanation = set.explain(request)
        let text =
            json
            ? ExplanationRenderer.json(explanation, policies: set)
            : ExplanationRenderer.render(explanation, policies: set)
        FileHandle.standardOutput.write(Data(text.utf8))
        return explanation.decision
    }

    /// The account's details, or, when the caller may not read the whole account, its own entity's through
    /// the per-entity calls (`iam:GetUser`, `iam:ListUserPolicies`, ... or `iam:GetRole`, ...).
    static func details(
        of callerARN: String, iam: IAMClient, logger: Logger
    ) async throws
        -> AccountAuthorizationDetails
    {
        do {
            return try await iam.getAccountAuthorizationDetails()
        } catch {
            guard case .service(let refusal) = error, refusal.code == "AccessDenied" else { throw error }
            let resource = callerARN.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last ?? ""
            let parts = resource.split(separator: "/").map(String.init)
            logger.debug("iam:GetAccountAuthorizationDetails refused; reading the caller's own entity instead")
            do {
                if parts.first == "user", let name = parts.last {
                    return try await iam.authorizationDetails(ofUser: name)
                }
                if parts.first == "assumed-role", parts.count >= 3 {
                    return try await iam.authorizationDetails(ofRole: parts[1])
                }
            } catch let fallback {
                throw CommandExit(code: 2, description: "\(error); the caller's own entity neither: \(fallback)")
            }
            throw error
        }
    }
}

/// Picks the caller's user or role out of `GetAccountAuthorizationDetails` and gathers its policies.
struct PrincipalDetailsBuilder {
    var details: AccountAuthorizationDetails

    func principal(for callerARN: String) throws -> PrincipalAuthorizationDetails {
        // arn:aws:iam::ACCOUNT:user/PATH/NAME or arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION
        let resource = callerARN.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).last ?? ""
        let parts = resource.split(separator: "/").map(String.init)
        if parts.first == "user", let name = parts.last, let user = details.users.first(where: { $0.name == name }) {
            let groups = details.groups.filter { user.groups.contains($0.name) }
            return PrincipalAuthorizationDetails(
                principal: .user(arn: user.arn),
                inlinePolicies: user.inlinePolicies.map { NamedPolicyDocument(name: $0.name, json: $0.document) },
                attachedPolicies: try managed(user.attachedPolicyARNs, of: user.arn),
                groupPolicies: try groups.flatMap { group in
                    group.inlinePolicies.map {
                        NamedPolicyDocument(name: "\(group.name)/\($0.name)", json: $0.document)
                    }
                        + (try managed(group.attachedPolicyARNs, of: "group \(group.name)"))
                },
                permissionsBoundary: try user.permissionsBoundaryARN.flatMap { try managed([$0], of: user.arn).first },
                tags: Dictionary(user.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
        if parts.first == "assumed-role", parts.count >= 3,
            let role = details.roles.first(where: { $0.name == parts[1] })
        {
            return PrincipalAuthorizationDetails(
                principal: .role(arn: role.arn, sessionName: parts[2]),
                inlinePolicies: role.inlinePolicies.map { NamedPolicyDocument(name: $0.name, json: $0.document) },
                attachedPolicies: try managed(role.attachedPolicyARNs, of: role.arn),
                permissionsBoundary: try role.permissionsBoundaryARN.flatMap { try managed([$0], of: role.arn).first },
                tags: Dictionary(role.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
        throw CommandExit(
            code: 2, description: "\(callerARN): not an IAM user or role session found in the account's details")
    }

    /// The default versions of managed policies. A policy whose document IAM did not return is an error,
    /// never dropped: a missing boundary or Deny would make the answer more permissive than IAM.
    private func managed(_ arns: [String], of principal: String) throws(PolicyError) -> [NamedPolicyDocument] {
        try arns.map { arn throws(PolicyError) in
            guard let json = details.managedPolicyDocument(arn: arn) else {
                throw .missingPolicyDocument(policy: arn, principal: principal)
            }
            return NamedPolicyDocument(name: arn, json: json)
        }
    }
}
