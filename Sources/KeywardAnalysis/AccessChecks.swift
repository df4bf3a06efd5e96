import KeywardCatalog
import KeywardPolicy

/// Access Analyzer's custom policy checks, decided offline and exactly for the language Keyward evaluates;
/// every `FAIL` carries a request the evaluator allows.
///
/// The procedure: the policies' literals (action patterns, ARN and string patterns with `*` and `?`,
/// numbers, dates, CIDR blocks, booleans, key presence) cut requests into finitely many classes that no
/// statement tells apart; a witness of each class is constructed (an automaton product for patterns) and
/// decided by ``KeywardPolicy/PolicySet``. Constructs outside the procedure answer `UNKNOWN`:
/// policy variables, a key compared as two kinds of value (text and number, say), a wildcard, or an
/// operator other than `StringEquals`, `StringLike`, `Arn...` and `Null`, on a key derived from the caller in a
/// resource-based policy, a multivalued key
/// with more than six value classes, and questions with more than two million request classes.
///
/// ```swift
/// let checks = AccessChecks(catalog: try ServiceCatalog.embedded())
/// let result = checks.checkNoNewAccess(existing: old, new: new)
/// if result.result == .fail { print(result.counterexample!.requestLine) }
/// ```
///
/// Resource-based policies are analysed as the resource's account sees callers from other accounts whose
/// own policies allow the request, services, federated and anonymous callers: a request is allowed when the
/// resource policy grants it. Their counterexamples replay with an identity policy allowing `*` on `*`
/// (`keyward policy simulate --policy allow-all.json --resource-policy NEW --requests -`).
public struct AccessChecks: Sendable {
    /// The catalogue, for recognisable actions in counterexamples; `nil` works, with made-up names.
    public let catalog: ServiceCatalog?

    /// Creates the checks.
    public init(catalog: ServiceCatalog?) {
        self.catalog = catalog
    }

    /// `CheckNoNewAccess`: `PASS` when every request `new` allows, `existing` allows too.
    ///
    /// - Parameters:
    ///   - existing: the reference policy.
    ///   - new: the changed policy, of the same kind.
    /// - Returns: the answer; a `FAIL` counterexample is allowed by `new` and not by `existing`.
    public func checkNoNewAccess(existing: PolicyDocument, new: PolicyDocument) -> CheckResult {
        let setting = AnalysisSetting(for: new, others: [existing])
        let newSet = setting.set(CompiledPolicy(new))
        let oldSet = setting.set(CompiledPolicy(existing))
        return decide(setting, sets: [newSet, oldSet], documents: [new, existing]) { visit in
            visit.decisions[0].kind == .allowed && visit.decisions[1].kind != .allowed
        } describe: { visit in
            "\(new.source) allows it; \(existing.source): \(visit.decisions[1].description)"
        } passReason: { count in
            "every request \(new.source) allows, \(existing.source) allows (\(count) request classes)"
        }
    }

    /// `CheckAccessNotGranted`: `PASS` when no request for `actions` (on `resources`, when given) is allowed.
    /// As in Access Analyzer, only actions means any resource, only resources any action (IAM User Guide,
    /// "Custom policy checks": "If you specify only resources, then IAM Access Analyzer checks which actions
    /// have access to the specified resources").
    ///
    /// - Parameters:
    ///   - policy: the policy.
    ///   - actions: actions or action patterns (`s3:Get*`); any action when empty.
    ///   - resources: resource ARNs or patterns; any resource when empty.
    /// - Throws: ``AnalysisError/invalidArgument(name:reason:)`` when both lists are empty.
    public func checkAccessNotGranted(
        _ policy: PolicyDocument, actions: [String], resources: [String] = []
    ) throws(AnalysisError) -> CheckResult {
        guard !actions.isEmpty || !resources.isEmpty else {
            throw .invalidArgument(name: "--action", reason: "give at least one action or resource")
        }
        let setting = AnalysisSetting(for: policy)
        let set = setting.set(CompiledPolicy(policy))
        return decide(
            setting, sets: [set], documents: [policy], actions: actions.isEmpty ? nil : actions,
            resources: resources.isEmpty ? nil : resources
        ) { visit in
            visit.decisions[0].kind == .allowed
        } describe: { _ in
            "\(policy.source) grants a listed action"
        } passReason: { count in
            "\(policy.source) grants none of the listed actions (\(count) request classes)"
        }
    }

    /// `CheckNoPublicAccess`: `PASS` when no anonymous caller, and no caller of an account the policy does
    /// not name, is allowed unless it presents a value it cannot have: a fixed organization, account,
    /// source ARN, VPC, VPC endpoint or network (``ZoneOfTrust/boundingKeys``).
    ///
    /// - Parameter policy: a resource-based policy (resource, trust or key policy).
    public func checkNoPublicAccess(_ policy: PolicyDocument) -> CheckResult {
        let setting = AnalysisSetting(for: policy)
        let set = setting.set(CompiledPolicy(policy))
        // An outsider may bear any name: a wildcard on a key derived from the caller is not decided by the
        // few outsiders below.
        do throws(Undecidable) {
            _ = try PrincipalCandidates([policy], freshAccount: "000000000000", excluded: [])
        } catch {
            return CheckResult(result: .unknown, reason: error.reason)
        }
        let fresh = RequestSpace.freshAccount(
            avoiding: [policy], and: setting.resourceAccount.map { [$0] } ?? [])
        let outsiders = [
            "*", "arn:aws:iam::\(fresh):root", "arn:aws:iam::\(fresh):user/\(PrincipalCandidates.name)",
            "arn:aws:sts::\(fresh):assumed-role/\(PrincipalCandidates.name)/\(PrincipalCandidates.name)",
        ]
        return decide(setting, sets: [set], documents: [policy], principals: outsiders, outsider: true) { visit in
            visit.decisions[0].kind == .allowed
        } describe: { _ in
            "\(policy.source) lets an outsider in"
        } passReason: { count in
            "\(policy.source) grants no public access (\(count) request classes)"
        }
    }

    private func decide(
        _ setting: AnalysisSetting, sets: [PolicySet], documents: [PolicyDocument], actions: [String]? = nil,
        resources: [String]? = nil, principals: [String]? = nil, outsider: Bool = false,
        accept: (RequestSearch.Visit) -> Bool, describe: (RequestSearch.Visit) -> String,
        passReason: (Int) -> String
    ) -> CheckResult {
        do throws(Undecidable) {
            let space = try RequestSpace(
                documents, placement: setting.placement, catalog: catalog, actions: actions, resources: resources,
                principals: principals)
            var search = RequestSearch(
                space: space, sets: sets, analysed: setting.analysedIndex, resourceAccount: setting.resourceAccount)
            if outsider {
                search.allows = { key, config in
                    !config.pinned || !ZoneOfTrust.boundingKeys.contains(space.keys[key].key.lowercased())
                }
            }
            var found: RequestSearch.Visit?
            let count = try search.run { visit in
                guard accept(visit) else { return true }
                found = visit
                return false
            }
            guard let found else { return CheckResult(result: .pass, reason: passReason(count), requestClasses: count) }
            let request = found.request
            let example = Counterexample(
                action: request.action, resource: request.resource, principal: request.principal,
                resourceAccount: setting.resourceAccount, context: found.context)
            return CheckResult(
                result: .fail, counterexample: example, reason: describe(found),
                statements: setting.deciding(request, in: sets[0]), requestClasses: count)
        } catch {
            return CheckResult(result: .unknown, reason: error.reason)
        }
    }
}
