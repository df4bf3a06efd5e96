import KeywardCatalog

extension CatalogChecks {
    /// Prefixes of condition keys that are not services: SAML assertion keys (IAM User Guide, "Available keys
    /// for SAML-based AWS STS federation"). OIDC provider keys (`token.actions.githubusercontent.com:sub`)
    /// hold a `.` or `/` and are skipped too.
    static let nonServicePrefixes: Set<String> = ["aws", "saml"]

    /// Service condition keys: the service exists, defines the key, and some action of the statement supports
    /// it; the operator fits the key's type; multivalued keys take a set operator.
    ///
    /// - Parameter actions: the statement's expanded `Action` patterns, or `nil` for `NotAction`.
    mutating func checkConditions(_ statement: PolicyStatement, actions: [[CatalogAction]?]?) {
        for clause in statement.conditions {
            let parts = clause.key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { continue }
            let prefix = parts[0].lowercased()
            let offset = locator.conditionKeyOffset(
                statement: statement.index, operatorName: clause.conditionOperator.description, key: clause.key)
            if Self.nonServicePrefixes.contains(prefix) || prefix.contains(".") || prefix.contains("/") {
                if prefix == "aws" { checkTagSupport(clause, statement: statement, actions: actions, offset: offset) }
                continue
            }
            guard let service = catalog.service(prefix) else {
                add(.invalidService, clause.path, "the service \"\(parts[0])\" does not exist", at: offset)
                continue
            }
            guard let key = service.conditionKey(clause.key) else {
                add(
                    .invalidServiceConditionKey, clause.path,
                    "the service \(service.prefix) has no condition key \"\(clause.key)\"", at: offset)
                continue
            }
            checkType(clause, key: key, offset: offset)
            checkSupport(clause, statement: statement, actions: actions, offset: offset)
        }
    }

    /// The reference's tag entries ("Deny with unsupported tag condition key for service", "Allow with ...",
    /// and their NotAction forms): the services among the statement's actions none of whose actions has the
    /// tag key. Only tag keys among the global keys are per action (IAM User Guide, "Controlling access during
    /// AWS requests"): aws:RequestTag and aws:TagKeys come only with tagging requests, aws:ResourceTag only
    /// with resources that take tags. Every other aws: key is in every request or none.
    private mutating func checkTagSupport(
        _ clause: ConditionClause, statement: PolicyStatement, actions: [[CatalogAction]?]?, offset: Int?
    ) {
        let lowered = clause.key.lowercased()
        guard lowered.hasPrefix("aws:requesttag/") || lowered.hasPrefix("aws:resourcetag/") || lowered == "aws:tagkeys",
            !clause.conditionOperator.ifExists, clause.conditionOperator.base != .null
        else { return }
        let expanded: [CatalogAction]
        if let actions {
            guard actions.allSatisfy({ $0 != nil }) else { return }
            expanded = Array(actions.compactMap { $0 }.joined())
        } else {
            var listed = catalog.emptyActionSet
            for pattern in statement.actions.patterns { listed.formUnion(catalog.actionSet(matching: pattern)) }
            expanded = catalog.actions(in: listed.complement)
        }
        var supported: [CatalogService: Bool] = [:]
        var order: [CatalogService] = []
        for action in expanded {
            let service = action.service
            if supported[service] == nil {
                order.append(service)
                supported[service] = false
            }
            if supported[service] == false, action.hasConditionKey(clause.key) { supported[service] = true }
        }
        let lacking = order.filter { supported[$0] == false }.map(\.prefix)
        guard !lacking.isEmpty else { return }
        let negated = statement.actions.negated
        let code: IssueCode =
            statement.effect == .allow
            ? (negated
                ? .allowNotActionWithUnsupportedTagConditionKeyForService
                : .allowWithUnsupportedTagConditionKeyForService)
            : (negated
                ? .denyNotActionWithUnsupportedTagConditionKeyForService
                : .denyWithUnsupportedTagConditionKeyForService)
        let shown = lacking.prefix(5).joined(separator: ", ") + (lacking.count > 5 ? ", ... (\(lacking.count))" : "")
        add(
            code, clause.path,
            "the actions of \(shown) never have \(clause.key), so this \(statement.effect.rawValue) does not apply to them",
            at: offset)
    }

    /// A service key that none of the statement's actions supports is never in the request: the condition is
    /// false for every action (an `Allow` that grants nothing; a `Deny` that never applies).
    private mutating func checkSupport(
        _ clause: ConditionClause, statement: PolicyStatement, actions: [[CatalogAction]?]?, offset: Int?
    ) {
        // Global keys take the reference's tag entries (checkTagSupport).
        if clause.key.lowercased().hasPrefix("aws:") { return }
        guard let actions, actions.allSatisfy({ $0 != nil }), !clause.conditionOperator.ifExists,
            clause.conditionOperator.base != .null
        else { return }
        let all = actions.compactMap { $0 }.joined()
        guard !all.isEmpty else { return }
        let supported = all.contains { $0.hasConditionKey(clause.key) }
        if supported { return }
        let named = statement.actions.patterns.prefix(3).joined(separator: ", ")
        add(
            .conditionKeyNotSupportedByActions, clause.path,
            "no action of the statement (\(named)) has the condition key \"\(clause.key)\", so the condition never holds",
            at: offset)
    }

    /// Operators that cannot compare values of the key's type, and set operators against the key's arity.
    private mutating func checkType(_ clause: ConditionClause, key: ConditionKey, offset: Int?) {
        let family = clause.conditionOperator.base.family
        let type = key.type.hasPrefix("ArrayOf") ? String(key.type.dropFirst("ArrayOf".count)) : key.type
        let fits: Bool
        switch family {
        case .numeric: fits = type == "Numeric" || type == "Long" || type == "Integer"
        case .date: fits = type == "Date"
        case .bool: fits = type == "Bool" || type == "Boolean"
        case .ipAddress: fits = type == "IPAddress"
        case .arn: fits = type == "ARN" || type == "String" || type == "ArrayOfARN"
        case .string, .stringIgnoreCase, .stringLike, .binary, .null: fits = true
        }
        if !fits, !type.isEmpty {
            add(
                .conditionOperatorTypeMismatch, clause.path,
                "\(clause.conditionOperator.base.rawValue) cannot compare \"\(key.name)\", whose type is \(key.type)",
                at: offset)
        }
        switch clause.conditionOperator.setOperator {
        case .forAllValues? where !key.isMultivalued && !key.type.isEmpty:
            add(
                .forAllValuesWithSingleValuedKey, clause.path,
                "ForAllValues with single-valued key \"\(clause.key)\" is true when the key is absent", at: offset)
        case nil where key.isMultivalued && clause.conditionOperator.base != .null:
            add(
                .singleValuedOperatorOnMultivaluedKey, clause.path,
                "\"\(clause.key)\" is multivalued; without ForAllValues/ForAnyValue a request with several values never matches",
                at: offset)
        default:
            break
        }
    }
}
