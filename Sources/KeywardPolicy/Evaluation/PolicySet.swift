/// All the policies that bear on one principal's requests, and the IAM evaluation logic that combines them.
///
/// The logic follows the IAM User Guide, "Policy evaluation logic", "How AWS enforcement code logic
/// evaluates requests" and "Cross-account policy evaluation logic":
/// 1. `sts:GetCallerIdentity` is always allowed.
/// 2. A `Deny` that applies in any policy wins (explicit deny).
/// 3. Every organization level of SCPs (for the principal) must allow; RCPs (for the resource) can only
///    deny, since every level also holds the undetachable `RCPFullAWSAccess`. Changes to resources AWS
///    owns (``AWSOwnedResource``) are implicitly denied.
/// 4. Same account: a resource-based policy naming the caller itself (user ARN, session ARN, `*`) allows on
///    its own; a role trust policy or KMS key policy must allow; the permissions boundary and session
///    policies must allow; then an identity-based policy, or a resource-based policy naming the caller's
///    role, allows.
/// 5. Across accounts: the caller's identity-based policies (capped by boundary and session policies) and
///    the resource's resource-based policy must both allow.
/// Anything else is an implicit deny.
///
/// ```swift
/// let set = PolicySet(identity: [userPolicy], boundary: boundary)
/// let decision = set.decide(request)       // fast, allocation-free
/// let why = set.explain(request)           // full trace for people
/// ```
public struct PolicySet: Sendable {
    /// Identity-based policies (user, group and role policies, inline and managed).
    public let identity: [CompiledPolicy]
    /// The resource-based policy of the resource (bucket policy, trust policy, key policy), if any.
    public let resource: CompiledPolicy?
    /// The caller's permissions boundary, if any.
    public let boundary: CompiledPolicy?
    /// Session policies passed when the session was created (any of them allowing is enough).
    public let session: [CompiledPolicy]
    /// SCPs by organization level, root first; each level must allow.
    public let scpLevels: [[CompiledPolicy]]
    /// RCPs by organization level, root first; only their `Deny` statements count (see ``init(identity:resource:boundary:session:scpLevels:rcpLevels:)``).
    public let rcpLevels: [[CompiledPolicy]]
    /// Every policy above in one list (identity, resource, boundary, session, SCPs, RCPs), which
    /// ``StatementReference/policy`` indexes.
    public let policies: [CompiledPolicy]
    /// The programs of ``policies``, unretained (``policies`` keeps them alive) so evaluation touches no
    /// reference count.
    let programs: [Unmanaged<PolicyProgram>]

    /// Creates a set.
    ///
    /// - Parameters:
    ///   - identity: identity-based policies.
    ///   - resource: the resource-based policy; a `.trust` or `.keyPolicy` kind must allow explicitly.
    ///   - boundary: the permissions boundary.
    ///   - session: session policies.
    ///   - scpLevels: SCPs per organization level, root to account.
    ///   - rcpLevels: RCPs per organization level, root to account; each level implicitly holds
    ///     `RCPFullAWSAccess`, so only their `Deny` statements change decisions.
    public init(
        identity: [CompiledPolicy] = [], resource: CompiledPolicy? = nil, boundary: CompiledPolicy? = nil,
        session: [CompiledPolicy] = [], scpLevels: [[CompiledPolicy]] = [], rcpLevels: [[CompiledPolicy]] = []
    ) {
        self.identity = identity
        self.resource = resource
        self.boundary = boundary
        self.session = session
        self.scpLevels = scpLevels
        self.rcpLevels = rcpLevels
        var all = identity
        if let resource { all.append(resource) }
        if let boundary { all.append(boundary) }
        all += session
        all += scpLevels.flatMap { $0 }
        all += rcpLevels.flatMap { $0 }
        policies = all
        programs = all.map { Unmanaged.passUnretained($0.program) }
    }

    /// Evaluates policy `index` of ``policies``.
    @inline(__always)
    private func outcome<R: EvaluationRecorder>(
        _ index: Int, _ view: RequestView, bounded: Bool, _ recorder: inout R
    ) -> PolicyOutcome {
        programs[index]._withUnsafeGuaranteedRef {
            $0.evaluate(view, policy: index, boundedPrincipal: bounded, recorder: &recorder)
        }
    }

    /// Decides a request. Allocation-free; stops at the first applicable `Deny`.
    ///
    /// - Parameter request: the request.
    /// - Returns: the decision and the rule that produced it.
    public func decide(_ request: EvaluationRequest) -> Decision {
        var recorder = DiscardingRecorder()
        return evaluate(request, recorder: &recorder)
    }

    /// Decides a request and lists the statements that decided it: the applicable `Deny` statements for
    /// an explicit deny, the applicable `Allow` statements for an allow, none for an implicit deny.
    ///
    /// - Parameters:
    ///   - request: the request.
    ///   - statements: replaced with the deciding statements, in policy and statement order.
    /// - Returns: the decision.
    public func decide(_ request: EvaluationRequest, statements: inout [StatementReference]) -> Decision {
        var recorder = CollectingRecorder(allows: [], denies: [])
        swap(&recorder.allows, &statements)
        recorder.allows.removeAll(keepingCapacity: true)
        let decision = evaluate(request, recorder: &recorder)
        switch decision.kind {
        case .explicitDeny: statements = recorder.denies
        case .allowed: statements = recorder.allows
        case .implicitDeny: statements = []
        }
        return decision
    }

    func evaluate<R: EvaluationRecorder>(_ request: EvaluationRequest, recorder: inout R) -> Decision {
        if request.isGetCallerIdentity { return Decision(.allowed, .alwaysAllowed) }
        let sameAccount = request.isSameAccount
        return request.withView { view -> Decision in
            let kind = view.principalKind
            let boundable = kind.isBoundable
            let bounded = boundary != nil && boundable
            var denied = false
            var index = 0
            var identityAllows = false
            for _ in 0..<identity.count {
                if kind.isIAMPrincipal {
                    let outcome = outcome(index, view, bounded: bounded, &recorder)
                    if outcome.denied {
                        if !R.collectsAll { return Decision(.explicitDeny, .explicitDenyStatement) }
                        denied = true
                    }
                    if outcome.allow != .none { identityAllows = true }
                }
                index += 1
            }
            var resourceAllow = PrincipalMatch.none
            if resource != nil {
                let outcome = outcome(index, view, bounded: bounded, &recorder)
                if outcome.denied {
                    if !R.collectsAll { return Decision(.explicitDeny, .explicitDenyStatement) }
                    denied = true
                }
                resourceAllow = outcome.allow
                index += 1
            }
            var boundaryAllows = true
            if boundary != nil {
                if boundable {
                    let outcome = outcome(index, view, bounded: true, &recorder)
                    if outcome.denied {
                        if !R.collectsAll { return Decision(.explicitDeny, .explicitDenyStatement) }
                        denied = true
                    }
                    boundaryAllows = outcome.allow != .none
                }
                index += 1
            }
            var sessionAllows = session.isEmpty
            for _ in 0..<session.count {
                if kind.isIAMPrincipal && kind != .root {
                    let outcome = outcome(index, view, bounded: bounded, &recorder)
                    if outcome.denied {
                        if !R.collectsAll { return Decision(.explicitDeny, .explicitDenyStatement) }
                        denied = true
                    }
                    if outcome.allow != .none { sessionAllows = true }
                } else {
                    sessionAllows = true
                }
                index += 1
            }
            var failedSCP: Int?
            for (level, policies) in scpLevels.enumerated() {
                var levelAllows = !kind.isIAMPrincipal
                for _ in 0..<policies.count {
                    if kind.isIAMPrincipal {
                        let outcome = outcome(index, view, bounded: bounded, &recorder)
                        if outcome.denied {
                            if !R.collectsAll { return Decision(.explicitDeny, .explicitDenyStatement) }
                            denied = true
                        }
                        if outcome.allow != .none { levelAllows = true }
                    }
                    index += 1
                }
                if !levelAllows, failedSCP == nil { failedSCP = level }
            }
            // Only the Deny statements of RCPs matter: AWS Organizations attaches RCPFullAWSAccess to the
            // root, every OU and every account, and "You cannot detach this policy" (AWS Organizations User
            // Guide, "RCP syntax"), so every level also allows everything.
            for policies in rcpLevels {
                for _ in 0..<policies.count {
                    if kind != .service {
                        let outcome = outcome(index, view, bounded: bounded, &recorder)
                        if outcome.denied {
                            if !R.collectsAll { return Decision(.explicitDeny, .explicitDenyStatement) }
                            denied = true
                        }
                    }
                    index += 1
                }
            }
            if denied { return Decision(.explicitDeny, .explicitDenyStatement) }
            if let owned = request.awsOwnedResource { return Decision(.implicitDeny, .awsOwnedResource(owned)) }
            if let level = failedSCP { return Decision(.implicitDeny, .scpLevelDidNotAllow(level: level)) }
            return combine(
                kind: kind, sameAccount: sameAccount, kmsKey: request.resourceIsKMSKey, identityAllows: identityAllows,
                resourceAllow: resourceAllow, boundaryAllows: boundaryAllows, sessionAllows: sessionAllows)
        }
    }

    /// Steps 4 and 5 of the logic above, once denies, RCPs and SCPs are settled.
    private func combine(
        kind: PrincipalKind, sameAccount: Bool, kmsKey: Bool, identityAllows: Bool, resourceAllow: PrincipalMatch,
        boundaryAllows: Bool, sessionAllows: Bool
    ) -> Decision {
        // AWS KMS Developer Guide, "Key policies in AWS KMS": "Unless the key policy explicitly allows it,
        // you cannot use IAM policies to allow access to a KMS key." Whatever policy is given for a key is
        // its key policy, and without one nothing allows.
        if kmsKey, resource == nil { return Decision(.implicitDeny, .keyPolicyRequired) }
        let mustAllow = kmsKey || (resource.map { $0.kind == .trust || $0.kind == .keyPolicy } ?? false)
        if sameAccount {
            if resourceAllow == .direct { return Decision(.allowed, .resourcePolicyAllowed) }
            if mustAllow, resourceAllow == .none { return Decision(.implicitDeny, .resourcePolicyRequired) }
            if kind == .root { return Decision(.allowed, .rootUser) }
            if !boundaryAllows { return Decision(.implicitDeny, .boundaryDidNotAllow) }
            if !sessionAllows { return Decision(.implicitDeny, .sessionPolicyDidNotAllow) }
            if identityAllows { return Decision(.allowed, .identityAllowed) }
            if resourceAllow == .entity { return Decision(.allowed, .resourcePolicyAllowed) }
            return Decision(.implicitDeny, .noAllow)
        }
        if kind != .root {
            if !boundaryAllows { return Decision(.implicitDeny, .boundaryDidNotAllow) }
            if !sessionAllows { return Decision(.implicitDeny, .sessionPolicyDidNotAllow) }
            if !identityAllows { return Decision(.implicitDeny, .crossAccountIdentityDidNotAllow) }
        }
        if resourceAllow == .none { return Decision(.implicitDeny, .crossAccountResourcePolicyDidNotAllow) }
        return Decision(.allowed, .crossAccountAllowed)
    }
}

/// Collects every applicable statement, split by effect.
struct CollectingRecorder: EvaluationRecorder {
    var allows: [StatementReference]
    var denies: [StatementReference]

    static var collectsAll: Bool { true }

    mutating func record(policy: Int, statement: Int, isDeny: Bool) {
        if isDeny {
            denies.append(StatementReference(policy: policy, statement: statement))
        } else {
            allows.append(StatementReference(policy: policy, statement: statement))
        }
    }
}
