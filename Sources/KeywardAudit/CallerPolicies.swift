import KeywardAWS
import KeywardPolicy
import Logging

/// The policies IAM applies to a caller, read from IAM and turned into the policy engine's input: the
/// account's `GetAccountAuthorizationDetails`, or, when the caller may not read the whole account, its own
/// entity's through the per-entity calls (`iam:GetUser`, `iam:ListUserPolicies`, ... or `iam:GetRole`, ...).
///
/// ```swift
/// let principal = try await CallerPolicies.fetch(callerARN: identity.arn, iam: iam)
/// let decision = try principal.policySet().explain(principal.request(action: "s3:GetObject", resource: "*"))
/// ```
public enum CallerPolicies {
    /// The caller's user or role session with every policy that applies to it.
    /// - Parameters:
    ///   - callerARN: `sts:GetCallerIdentity`'s ARN (an IAM user or an assumed-role session).
    ///   - iam: an IAM client signing with the caller's credentials.
    ///   - logger: debug lines only.
    /// - Throws: `AWSClientError` from IAM, `AuditError`, or `PolicyError.missingPolicyDocument`.
    public static func fetch(
        callerARN: String, iam: IAMClient,
        logger: Logger = Logger(label: "keyward.audit", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> PrincipalAuthorizationDetails {
        let details = try await details(of: callerARN, iam: iam, logger: logger)
        return try PrincipalDetailsBuilder(details: details).principal(for: callerARN)
    }

    /// The account's details, or the caller's own entity's when the account's are refused.
    static func details(
        of callerARN: String, iam: IAMClient, logger: Logger
    ) async throws -> AccountAuthorizationDetails {
        do {
            return try await iam.getAccountAuthorizationDetails()
        } catch {
            guard case .service(let refusal) = error, refusal.code == "AccessDenied" else { throw error }
            let parts = PrincipalDetailsBuilder.resourceParts(of: callerARN)
            logger.debug("iam:GetAccountAuthorizationDetails refused; reading the caller's own entity instead")
            do {
                if parts.first == "user", let name = parts.last {
                    return try await iam.authorizationDetails(ofUser: name)
                }
                if parts.first == "assumed-role", parts.count >= 3 {
                    return try await iam.authorizationDetails(ofRole: parts[1])
                }
            } catch let fallback {
                throw AuditError.entityUnreadable(accountError: error, entityError: fallback)
            }
            throw error
        }
    }
}
