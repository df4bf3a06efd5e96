import KeywardPolicy

/// Walks the request classes of a ``RequestSpace`` and decides a witness of each with the real evaluator.
///
/// For each action, resource and caller it first asks the evaluator which statements could still apply
/// (their action, resource and principal match, whatever the context); when no `Allow` statement of the
/// analysed policy can, no context makes the request allowed and the triple is skipped. Otherwise only the
/// condition keys of statements that could apply are varied, every other key left absent (no statement
/// that reads it applies anyway).
struct RequestSearch {
    /// One request class, decided.
    struct Visit {
        var request: EvaluationRequest
        var context: [String: [String]]
        /// The configuration of each key of the space (absent for keys not varied).
        var configs: [KeySpace.Config]
        /// One decision per policy set, in order.
        var decisions: [Decision]
    }

    let space: RequestSpace
    /// The sets to decide with; the first holds the analysed policy.
    let sets: [PolicySet]
    /// Index of the analysed policy in `sets[0].policies`.
    let analysed: Int
    let resourceAccount: String?
    /// Configurations a key may take (all by default).
    var allows: (Int, KeySpace.Config) -> Bool = { _, _ in true }

    /// The most request classes decided before the answer is `UNKNOWN`.
    static let classLimit = 2_000_000

    /// Decides request classes until `visit` returns `false`.
    ///
    /// - Returns: the number of classes decided.
    /// - Throws: ``Undecidable`` past ``classLimit`` classes.
    @discardableResult
    func run(_ visit: (Visit) -> Bool) throws(Undecidable) -> Int {
        var count = 0
        let statementKeys = sets.map { set in
            set.policies.map { policy in
                policy.document.statements.map { statement in
                    Set(statement.conditions.compactMap { space.keyIndex[$0.key.lowercased()] })
                }
            }
        }
        let absent = space.keys.map { _ in KeySpace.Config.absent }
        for action in space.actions {
            for resource in space.resources {
                for principal in space.principals {
                    let probe = EvaluationRequest(
                        action: action, resource: resource, principal: principal, resourceAccount: resourceAccount)
                    var varied: Set<Int> = []
                    var analysedCanAllow = false
                    for (setIndex, set) in sets.enumerated() {
                        let explanation = set.explain(probe)
                        for (policyIndex, trace) in explanation.policies.enumerated() {
                            for (statementIndex, statement) in trace.statements.enumerated() {
                                switch statement.outcome {
                                case .applies, .conditionsFailed:
                                    varied.formUnion(statementKeys[setIndex][policyIndex][statementIndex])
                                    if setIndex == 0, policyIndex == analysed, statement.effect == .allow {
                                        analysedCanAllow = true
                                    }
                                default:
                                    continue
                                }
                            }
                        }
                    }
                    guard analysedCanAllow else { continue }
                    let keys = varied.sorted()
                    let choices = keys.map { key in
                        space.keys[key].configs.filter { allows(key, $0) }
                    }
                    if choices.contains(where: \.isEmpty) { continue }
                    var odometer = [Int](repeating: 0, count: keys.count)
                    while true {
                        count += 1
                        if count > RequestSearch.classLimit {
                            throw Undecidable(reason: "more than \(RequestSearch.classLimit) request classes")
                        }
                        var configs = absent
                        var context: [String: [String]] = [:]
                        for (position, key) in keys.enumerated() {
                            let config = choices[position][odometer[position]]
                            configs[key] = config
                            if let values = config.values { context[space.keys[key].key] = values }
                        }
                        let request = EvaluationRequest(
                            action: action, resource: resource, principal: principal,
                            resourceAccount: resourceAccount, context: context)
                        let decisions = sets.map { $0.decide(request) }
                        if !visit(Visit(request: request, context: context, configs: configs, decisions: decisions)) {
                            return count
                        }
                        var position = 0
                        while position < keys.count {
                            odometer[position] += 1
                            if odometer[position] < choices[position].count { break }
                            odometer[position] = 0
                            position += 1
                        }
                        if position == keys.count { break }
                    }
                }
            }
        }
        return count
    }
}
