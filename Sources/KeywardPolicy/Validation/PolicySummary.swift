import KeywardCatalog

/// What a policy grants, service by service, as the IAM console's policy summary shows it (IAM User Guide,
/// "Understanding access level summaries within policy summaries"): `Full access` or `Limited: List, Read`,
/// with the resources and conditions of the statements that grant it. Actions are expanded through the
/// catalogue, and a `Deny` on every resource without conditions takes its actions away.
///
/// ```swift
/// let summary = try PolicySummary(document, catalog: try .embedded())
/// summary.services.first?.access    // "Limited: List, Read"
/// ```
public struct PolicySummary: Sendable, Equatable {
    /// One service's line.
    public struct Service: Sendable, Equatable {
        /// The service prefix, e.g. `s3`.
        public var prefix: String
        /// The service's name, e.g. `Amazon S3`.
        public var name: String
        /// `Full access`, or `Limited: ` and the levels granted in part or whole.
        public var access: String
        /// Per access level: how many of the service's actions of that level are granted, and how many exist.
        public var levels: [Level]
        /// The `Resource` values of the granting statements (`*` stays `*`; `NotResource` values are prefixed `not `).
        public var resources: [String]
        /// The conditions of the granting statements, as `Operator key`.
        public var conditions: [String]
        /// The granted actions.
        public var actions: [String]
    }

    /// Granted and existing actions of one access level.
    public struct Level: Sendable, Equatable {
        /// The access level.
        public var level: AccessLevel
        /// How many of the service's actions of this level the policy grants.
        public var granted: Int
        /// How many the service has.
        public var total: Int
    }

    /// The services the policy grants something of, by prefix.
    public var services: [Service]
    /// `Action` patterns that match no action of the catalogue (unknown to the summary).
    public var unknownPatterns: [String]

    /// Summarizes a policy.
    ///
    /// - Parameters:
    ///   - document: the parsed policy.
    ///   - catalog: the service catalogue.
    public init(_ document: PolicyDocument, catalog: ServiceCatalog) {
        var unknown: [String] = []
        func expand(_ statement: PolicyStatement) -> ActionSet {
            var matched = catalog.emptyActionSet
            for pattern in statement.actions.patterns {
                let actions = catalog.actionSet(matching: pattern)
                if actions.isEmpty, !unknown.contains(pattern) { unknown.append(pattern) }
                matched.formUnion(actions)
            }
            return statement.actions.negated ? matched.complement : matched
        }
        let denied = document.statements.filter {
            $0.effect == .deny && $0.conditions.isEmpty && $0.resources?.negated != true
                && ($0.resources?.patterns.contains("*") ?? true)
        }.reduce(into: catalog.emptyActionSet) { $0.formUnion(expand($1)) }
        struct Accumulator {
            var actions = Set<CatalogAction>()
            var resources: [String] = []
            var conditions: [String] = []
        }
        var byService: [String: Accumulator] = [:]
        for statement in document.statements where statement.effect == .allow {
            var remaining = expand(statement)
            remaining.subtract(denied)
            let granted = catalog.actions(in: remaining)
            let resources =
                statement.resources.map { list in list.patterns.map { list.negated ? "not " + $0 : $0 } } ?? ["*"]
            let conditions = statement.conditions.map { "\($0.conditionOperator) \($0.key)" }
            for action in granted {
                var entry = byService[action.prefix, default: Accumulator()]
                entry.actions.insert(action)
                for resource in resources where !entry.resources.contains(resource) { entry.resources.append(resource) }
                for condition in conditions where !entry.conditions.contains(condition) {
                    entry.conditions.append(condition)
                }
                byService[action.prefix] = entry
            }
        }
        services = byService.keys.sorted().compactMap { prefix in
            guard let entry = byService[prefix], let service = catalog.service(prefix) else { return nil }
            let all = service.actions
            let levels = AccessLevel.allCases.compactMap { level -> Level? in
                let total = all.filter { $0.accessLevel == level }.count
                guard total > 0 else { return nil }
                return Level(
                    level: level, granted: entry.actions.filter { $0.accessLevel == level }.count, total: total)
            }
            let grantedLevels = levels.filter { $0.granted > 0 }.map(\.level.rawValue)
            let access =
                entry.actions.count == all.count ? "Full access" : "Limited: " + grantedLevels.joined(separator: ", ")
            return Service(
                prefix: prefix, name: service.name, access: access, levels: levels, resources: entry.resources,
                conditions: entry.conditions,
                actions: entry.actions.sorted { $0.name.lowercased() < $1.name.lowercased() }.map(\.fullName))
        }
        unknownPatterns = unknown
    }

    /// One line per service: `s3 (Amazon S3): Limited: List, Read; resources: ...; conditions: ...`.
    public var text: String {
        var lines = services.map { service in
            "\(service.prefix) (\(service.name)): \(service.access); resources: "
                + service.resources.joined(separator: ", ") + "; conditions: "
                + (service.conditions.isEmpty ? "none" : service.conditions.joined(separator: ", ")) + "\n"
        }
        if !unknownPatterns.isEmpty {
            lines.append("unknown actions: " + unknownPatterns.joined(separator: ", ") + "\n")
        }
        return lines.joined()
    }
}
