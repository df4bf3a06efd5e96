import KeywardCatalog

/// Keyward's own security checks, those parliament and cloudsplaining run and Access Analyzer does not,
/// decided on the actions a policy grants as the catalogue expands them (`iam:Put*` grants `iam:PutUserPolicy`),
/// never on the text of its patterns.
struct RiskChecks {
    let catalog: ServiceCatalog
    let locator: PolicyLocator
    var findings: [ValidationFinding] = []
    private var lookedUp: [[String]: [CatalogAction]] = [:]
    /// The services (lowercased prefixes) the policy's Allow statements name, or `nil` when a NotAction or a
    /// wildcard service reaches them all: a risky action of another service is never granted, so it is not
    /// looked up and its service's data is never read.
    private var reach: Set<String>?

    init(catalog: ServiceCatalog, locator: PolicyLocator) {
        self.catalog = catalog
        self.locator = locator
    }

    private mutating func add(_ code: IssueCode, _ statement: PolicyStatement, _ element: String, _ message: String) {
        let offset = locator.offset(statement: statement.index, key: element)
        findings.append(
            ValidationFinding(
                code, path: statement.path + "." + element, message: message, location: locator.location(offset)))
    }

    /// The actions a statement's `Action` or `NotAction` covers.
    func covered(_ statement: PolicyStatement) -> ActionSet {
        var matched = catalog.emptyActionSet
        for pattern in statement.actions.patterns { matched.formUnion(catalog.actionSet(matching: pattern)) }
        return statement.actions.negated ? matched.complement : matched
    }

    mutating func run(_ document: PolicyDocument) {
        let allows = document.statements.filter { $0.effect == .allow }
        var named: Set<String>? = []
        for statement in allows {
            if statement.actions.negated { named = nil }
            for pattern in statement.actions.patterns {
                let service = CatalogChecks.servicePart(pattern).lowercased()
                if pattern == "*" || Wildcard.hasWildcard(service) { named = nil }
                named?.insert(service)
            }
        }
        reach = named
        var granted: [(PolicyStatement, ActionSet)] = allows.map { ($0, covered($0)) }
        // A Deny on every resource without conditions takes its actions away from every Allow.
        let denied = document.statements.filter {
            $0.effect == .deny && $0.conditions.isEmpty && $0.resources?.negated != true
                && ($0.resources?.patterns.contains("*") ?? true)
        }.reduce(into: catalog.emptyActionSet) { $0.formUnion(covered($1)) }
        if !denied.isEmpty {
            granted = granted.map { statement, actions in
                var remaining = actions
                remaining.subtract(denied)
                return (statement, remaining)
            }
        }

        for statement in allows where document.kind != .scp && document.kind != .rcp {
            if statement.actions.negated {
                add(
                    .allowWithNotAction, statement, "NotAction",
                    "Allow with NotAction grants every action not listed, including those AWS adds later")
            }
            if let resources = statement.resources, resources.negated {
                add(
                    .allowWithNotResource, statement, "NotResource",
                    "Allow with NotResource grants the actions on every resource not listed")
            }
        }
        if document.kind == .identity || document.kind == .session {
            checkEscalation(granted)
            // Credentials and data reads count when unconstrained: on every resource and without conditions
            // (cloudsplaining's rule). Scoped grants, like a user's own keys on user/${aws:username} or
            // reads of objects tagged for a service, are what least privilege looks like.
            for (statement, actions) in granted where statement.conditions.isEmpty {
                let onEverything =
                    statement.resources.map { $0.negated || $0.patterns.contains("*") } ?? false
                guard onEverything else { continue }
                checkList(
                    statement, actions, RiskActions.credentialsExposure, .credentialsExposure, "returns credentials")
                checkList(
                    statement, actions, RiskActions.dataExfiltration, .dataExfiltration,
                    "reads data on every resource (\"*\")")
            }
        }
        if document.kind == .trust { checkTrust(allows) }
    }

    private mutating func checkList(
        _ statement: PolicyStatement, _ actions: ActionSet, _ list: [String], _ code: IssueCode,
        _ what: String
    ) {
        let hits = resolved(list).filter { actions.contains($0) }.map(\.fullName)
        guard !hits.isEmpty else { return }
        let shown = hits.prefix(4).joined(separator: ", ") + (hits.count > 4 ? ", ..." : "")
        add(
            code, statement, statement.actions.negated ? "NotAction" : "Action",
            "grants \(shown), which \(what)")
    }

    /// The catalogue's actions of a list, looked up once per policy rather than once per statement.
    private mutating func resolved(_ list: [String]) -> [CatalogAction] {
        if let known = lookedUp[list] { return known }
        let actions = list.filter { reach?.contains(CatalogChecks.servicePart($0).lowercased()) ?? true }.compactMap {
            catalog.action($0)
        }
        lookedUp[list] = actions
        return actions
    }

    /// One finding per escalation method whose actions the policy grants together, at the statement that grants
    /// its first action.
    private mutating func checkEscalation(_ granted: [(PolicyStatement, ActionSet)]) {
        let all = granted.reduce(into: catalog.emptyActionSet) { $0.formUnion($1.1) }
        for path in RiskActions.escalationPaths {
            let actions = resolved(path.actions)
            guard actions.count == path.actions.count, actions.allSatisfy({ all.contains($0) }),
                let first = granted.first(where: { $0.1.contains(actions[0]) })
            else { continue }
            add(
                .privilegeEscalation, first.0, first.0.actions.negated ? "NotAction" : "Action",
                "grants \(actions.map(\.fullName).joined(separator: " + ")) (\(path.name)): a principal can grant itself more permissions"
            )
        }
    }

    /// Keys that tie an account-wide trust to a person or a secret (IAM User Guide, "Configuring MFA-protected
    /// API access" and "Access to AWS accounts owned by third parties").
    private static let narrowingKeys: Set<String> = [
        "aws:multifactorauthpresent", "aws:multifactorauthage", "sts:externalid", "aws:principalarn",
    ]

    private mutating func checkTrust(_ allows: [PolicyStatement]) {
        let assume = Array("sts:assumerole".utf8)
        for statement in allows where !statement.actions.negated {
            guard
                statement.actions.patterns.contains(where: {
                    Wildcard.matches(pattern: Array($0.utf8), subject: assume, foldCase: true)
                }), let principals = statement.principals, !principals.negated
            else { continue }
            let wholeAccounts = principals.aws.filter { value in
                (value.utf8.count == 12 && value.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
                    || (value.hasPrefix("arn:") && value.hasSuffix(":root"))
            }
            guard !wholeAccounts.isEmpty || principals.anyone else { continue }
            let narrowed = statement.conditions.contains { clause in
                Self.narrowingKeys.contains(clause.key.lowercased())
                    && !(clause.conditionOperator.base == .bool && clause.values.map { $0.lowercased() } == ["false"])
            }
            if narrowed { continue }
            let who = principals.anyone ? "everyone (\"*\")" : wholeAccounts.joined(separator: ", ")
            add(
                .trustWithoutMFAOrExternalID, statement, "Principal",
                "trusts \(who) to assume the role with neither MFA nor sts:ExternalId required: any principal there with sts:AssumeRole can"
            )
        }
    }
}
