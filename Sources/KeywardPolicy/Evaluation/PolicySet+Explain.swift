extension PolicySet {
    /// Traces every statement of every policy against a request. Slower than ``decide(_:)``; meant for
    /// people asking why.
    ///
    /// - Parameter request: the request.
    /// - Returns: the decision, the deciding statements and a trace of every statement.
    public func explain(_ request: EvaluationRequest) -> Explanation {
        var deciding: [StatementReference] = []
        let decision = decide(request, statements: &deciding)
        let roles = policyRoles()
        let kind = request.principalKind
        let boundable = kind.isBoundable
        let bounded = boundary != nil && boundable
        let traces = request.withView { view in
            zip(policies, roles).map { policy, role -> PolicyTrace in
                let evaluated: Bool
                switch role {
                case .identity, .session, .scp: evaluated = kind.isIAMPrincipal
                case .boundary: evaluated = boundable
                case .rcp: evaluated = kind != .service
                case .resource: evaluated = true
                }
                let matcher = Matcher(policy.program, view)
                let statements = policy.document.statements.enumerated().map { offset, statement in
                    StatementTrace(
                        path: statement.path, sid: statement.sid, effect: statement.effect,
                        outcome: matcher.trace(
                            policy.program.statements[offset], statement, boundedPrincipal: bounded, request: request))
                }
                return PolicyTrace(source: policy.source, role: role, evaluated: evaluated, statements: statements)
            }
        }
        return Explanation(request: request, decision: decision, deciding: deciding, policies: traces)
    }

    /// The role of each entry of ``policies``.
    func policyRoles() -> [PolicyRole] {
        var roles = [PolicyRole](repeating: .identity, count: identity.count)
        if let resource { roles.append(.resource(resource.kind)) }
        if boundary != nil { roles.append(.boundary) }
        roles += [PolicyRole](repeating: .session, count: session.count)
        for (level, policies) in scpLevels.enumerated() {
            roles += [PolicyRole](repeating: .scp(level: level), count: policies.count)
        }
        for (level, policies) in rcpLevels.enumerated() {
            roles += [PolicyRole](repeating: .rcp(level: level), count: policies.count)
        }
        return roles
    }
}

extension Matcher {
    /// The outcome of one statement with the reason it failed, checking every condition.
    func trace(
        _ code: StatementCode, _ statement: PolicyStatement, boundedPrincipal: Bool, request original: EvaluationRequest
    ) -> StatementOutcome {
        let action = request.action
        let actionHit = (code.actionStart..<(code.actionStart + code.actionCount)).contains {
            match(pattern: $0, request.bytes + Int(action.start), Int(action.count))
        }
        if actionHit == code.actionNegated { return .actionNotMatched }
        if code.resourceMode != StatementCode.absent {
            let hit = (code.resourceStart..<(code.resourceStart + code.resourceCount)).contains {
                match(resource: $0, request.resource, request.resourceFields)
            }
            if hit == (code.resourceMode == StatementCode.negated) { return .resourceNotMatched }
        }
        if code.principalMode == StatementCode.nobody
            || (code.principalMode != StatementCode.absent
                && principalApplies(code, boundedPrincipal: boundedPrincipal) == .none)
        {
            return .principalNotMatched
        }
        var failures: [ConditionFailure] = []
        for (offset, clause) in statement.conditions.enumerated()
        where !holds(condition: Int(code.conditionStart) + offset) {
            failures.append(
                ConditionFailure(
                    conditionOperator: clause.conditionOperator.description, key: clause.key, expected: clause.values,
                    actual: original.values(forKey: clause.key)))
        }
        return failures.isEmpty ? .applies : .conditionsFailed(failures)
    }
}
