/// Renders an ``Explanation`` as text a person can read: the decision and its reason, the request, the
/// deciding statements, then every statement with what matched or failed.
public enum ExplanationRenderer {
    /// The explanation as lines of text, ending with a newline.
    ///
    /// - Parameters:
    ///   - explanation: what ``PolicySet/explain(_:)`` returned.
    ///   - policies: the set it came from (to name the deciding statements).
    /// - Returns: the text.
    public static func render(_ explanation: Explanation, policies: PolicySet) -> String {
        var lines: [String] = []
        let request = explanation.request
        lines.append("\(explanation.decision.kind.rawValue): \(explanation.decision.reason.description)")
        lines.append("request: \(request.action) on \(request.resource)")
        if let principal = request.principal {
            var detail = request.principalKind.rawValue
            if let account = request.principalAccount { detail += ", account \(account)" }
            lines.append("principal: \(principal) (\(detail))")
        }
        if let resourceAccount = request.resourceAccount, resourceAccount != request.principalAccount {
            lines.append("resource account: \(resourceAccount)")
        }
        let context = request.context
        if !context.isEmpty {
            lines.append("context:")
            for entry in context {
                lines.append("  \(entry.key) = \(list(entry.values))")
            }
        }
        if !explanation.deciding.isEmpty {
            lines.append("decided by:")
            for reference in explanation.deciding {
                let policy = policies.policies[reference.policy]
                let statement = policy.document.statements[reference.statement]
                lines.append("  \(policy.source) \(name(statement.path, statement.sid)) \(statement.effect.rawValue)")
            }
        }
        lines.append("policies:")
        for trace in explanation.policies {
            guard trace.evaluated else {
                lines.append(
                    "  \(trace.role) \(trace.source): not evaluated for a \(request.principalKind.rawValue) principal")
                continue
            }
            lines.append("  \(trace.role) \(trace.source):")
            for statement in trace.statements {
                let head = "    \(name(statement.path, statement.sid)) \(statement.effect.rawValue): "
                switch statement.outcome {
                case .applies: lines.append(head + "applies")
                case .actionNotMatched: lines.append(head + "action does not match")
                case .resourceNotMatched: lines.append(head + "resource does not match")
                case .principalNotMatched: lines.append(head + "principal does not match")
                case .conditionsFailed(let failures):
                    lines.append(
                        head + (failures.count == 1 ? "condition failed" : "\(failures.count) conditions failed"))
                    for failure in failures {
                        let actual = failure.actual.map(list) ?? "(absent)"
                        lines.append(
                            "      \(failure.conditionOperator) \(failure.key): expected \(list(failure.expected)), actual \(actual)"
                        )
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func name(_ path: String, _ sid: String?) -> String {
        guard let sid, !sid.isEmpty else { return path }
        return "\(path) (\(sid))"
    }

    private static func list(_ values: [String]) -> String {
        let quoted = values.map(JSONText.quoted)
        return quoted.count == 1 ? quoted[0] : "[" + quoted.joined(separator: ", ") + "]"
    }
}

extension ExplanationRenderer {
    /// The decision as one JSON object, the same shape as a batch answer: `{"decision":...,"reason":...,
    /// "statements":[...]}` followed by a newline.
    ///
    /// - Parameters:
    ///   - explanation: what ``PolicySet/explain(_:)`` returned.
    ///   - policies: the set it came from.
    /// - Returns: the JSON text.
    public static func json(_ explanation: Explanation, policies: PolicySet) -> String {
        var out = JSONText()
        out.raw("{\"decision\":")
        out.string(explanation.decision.kind.rawValue)
        out.raw(",\"reason\":")
        out.string(explanation.decision.reason.code)
        out.raw(",\"statements\":[")
        for (offset, reference) in explanation.deciding.enumerated() {
            if offset > 0 { out.raw(",") }
            out.raw(policies.policies[reference.policy].statementJSON[reference.statement])
        }
        out.raw("]}\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
