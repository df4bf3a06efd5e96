import FoundationEssentials
import KeywardPolicy

/// Whether a caller may assume a role, decided by the policy engine on the role's trust policy (a trust
/// policy is a resource policy: `Deny`, `NotPrincipal`, conditions and wildcards count as IAM counts them).
///
/// The caller's own identity policies are not known here (they need IAM reads the caller may lack), so the
/// question asked is the trust policy's half: "would the role let this caller in, its own policies
/// permitting?". Each answer comes from evaluating `sts:AssumeRole` by the caller on the role under the
/// contexts a real call can carry: with and without MFA (a code on the call, or an MFA session's
/// credentials), and with no `sts:ExternalId` or one of the external ids the config gives for the role.
///
/// ```swift
/// let access = try RoleTrust(policy: trustJSON, roleARN: arn).access(forCaller: caller, externalIDs: ["x"])
/// access.assumable   // true, false, or nil when only an unknown external id would let the caller in
/// ```
public struct RoleTrust: Sendable {
    /// The answer for one caller.
    public struct Access: Sendable, Equatable, Codable {
        /// Whether some call the caller can make is allowed; `nil` when the policy asks for an external id
        /// none of the given ones matches (it may still be assumable with the right one).
        public var assumable: Bool?
        /// Whether every allowed call needs MFA.
        public var requiresMFA: Bool
        /// Whether every allowed call needs an external id.
        public var requiresExternalID: Bool

        /// An answer.
        public init(assumable: Bool?, requiresMFA: Bool, requiresExternalID: Bool) {
            self.assumable = assumable
            self.requiresMFA = requiresMFA
            self.requiresExternalID = requiresExternalID
        }
    }

    let set: PolicySet
    let roleARN: String
    let mentionsExternalID: Bool

    /// Compiles a role's trust policy.
    /// - Parameters:
    ///   - policy: the trust policy JSON (as `GetRole`/`ListRoles` return it, URL-decoded).
    ///   - roleARN: the role.
    /// - Throws: `PolicyError` when the document is not a policy.
    public init(policy: String, roleARN: String) throws(PolicyError) {
        let trust = try CompiledPolicy(policy, source: roleARN, kind: .trust)
        // Stands for the caller's own permission to call sts:AssumeRole (see the type's discussion).
        let caller = try CompiledPolicy(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#,
            source: "the caller's own policies", kind: .identity)
        set = PolicySet(identity: [caller], resource: trust)
        self.roleARN = roleARN
        // Condition keys are case-insensitive; a key only in a Deny still makes "no external id" inconclusive.
        mentionsExternalID = trust.document.statements.contains { statement in
            statement.conditions.contains { $0.key.caseInsensitiveCompare("sts:ExternalId") == .orderedSame }
        }
    }

    /// What the trust policy means for `callerARN`.
    /// - Parameters:
    ///   - callerARN: `GetCallerIdentity`'s ARN (an IAM user, a role session, a federated user).
    ///   - externalIDs: external ids the caller could send (the config's `external_id` for this role).
    ///   - now: the time of the call.
    public func access(forCaller callerARN: String, externalIDs: [String] = [], now: Date = Date()) -> Access {
        let base: [String: [String]] = [
            "aws:CurrentTime": [now.formatted(.iso8601)],
            "aws:EpochTime": [String(Int64(now.timeIntervalSince1970.rounded(.down)))],
            "aws:SecureTransport": ["true"],
        ]
        var allowed: [(mfa: Bool, externalID: Bool)] = []
        for mfa in [false, true] {
            for externalID in [nil] + externalIDs.map(Optional.some) {
                var context = base
                if mfa {
                    context["aws:MultiFactorAuthPresent"] = ["true"]
                    context["aws:MultiFactorAuthAge"] = ["0"]
                }
                if let externalID { context["sts:ExternalId"] = [externalID] }
                let request = EvaluationRequest(
                    action: "sts:AssumeRole", resource: roleARN, principal: callerARN, context: context)
                if set.decide(request).kind == .allowed { allowed.append((mfa, externalID != nil)) }
            }
        }
        guard !allowed.isEmpty else {
            return Access(
                assumable: mentionsExternalID ? nil : false, requiresMFA: false, requiresExternalID: mentionsExternalID)
        }
        return Access(
            assumable: true, requiresMFA: allowed.allSatisfy(\.mfa),
            requiresExternalID: allowed.allSatisfy(\.externalID))
    }
}
