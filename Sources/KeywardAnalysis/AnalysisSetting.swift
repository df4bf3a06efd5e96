import KeywardPolicy

/// How an analysed policy is evaluated: alone as an identity policy of an unnamed caller, or as the
/// resource-based policy of a resource in some account, called by outsiders whose own identity-based
/// policies are taken to allow everything (the most a resource policy can let in).
struct AnalysisSetting {
    let placement: Placement

    /// The caller's identity side assumed for resource-based policies: it allows everything, so a request
    /// is allowed exactly when the resource policy grants it.
    static let callerPolicies = CompiledPolicy(
        PolicyDocument(
            source: "caller's own policies (assumed to allow everything)", kind: .identity,
            statements: [
                PolicyStatement(
                    path: "Statement[0]", index: 0, effect: .allow, actions: MatchList(["*"]),
                    resources: MatchList(["*"]))
            ]))

    /// A setting for `document`: resource placement when it is resource-based.
    ///
    /// - Parameters:
    ///   - document: the analysed policy (or the new one).
    ///   - account: the resource's account; one no policy names when `nil`.
    ///   - others: further policies of the question (the existing one), kept out of the fresh account.
    init(for document: PolicyDocument, account: String? = nil, others: [PolicyDocument] = []) {
        if document.kind.isResourceBased {
            placement = .resource(
                account: account ?? RequestSpace.freshAccount(avoiding: [document] + others, and: []))
        } else {
            placement = .identity
        }
    }

    /// The resource's account given in every request, or `nil`.
    var resourceAccount: String? {
        if case .resource(let account) = placement { return account }
        return nil
    }

    /// Index of the analysed policy in the sets of ``set(_:)``.
    var analysedIndex: Int {
        if case .resource = placement { return 1 }
        return 0
    }

    /// The policies a request is decided with.
    func set(_ policy: CompiledPolicy) -> PolicySet {
        switch placement {
        case .identity: return PolicySet(identity: [policy])
        case .resource: return PolicySet(identity: [AnalysisSetting.callerPolicies], resource: policy)
        }
    }

    /// The statements of the analysed policy that allow (or deny) `request` in `set`.
    func deciding(_ request: EvaluationRequest, in set: PolicySet) -> [StatementDescription] {
        var references: [StatementReference] = []
        _ = set.decide(request, statements: &references)
        return references.filter { $0.policy == analysedIndex }.map { reference in
            let document = set.policies[reference.policy].document
            let statement = document.statements[reference.statement]
            return StatementDescription(
                policy: document.source, statement: statement.path, sid: statement.sid,
                effect: statement.effect.rawValue)
        }
    }
}
