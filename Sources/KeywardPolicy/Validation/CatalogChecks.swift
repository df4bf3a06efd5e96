import KeywardCatalog
import KeywardSystem

/// The checks of Access Analyzer's "IAM policy validation check reference" that need to know AWS's services:
/// actions and services that exist, condition keys a service defines, ARN fields a service allows, and
/// Keyward's resource/action and condition-key/action mismatches (parliament's `RESOURCE_MISMATCH`).
struct CatalogChecks {
    let catalog: ServiceCatalog
    let locator: PolicyLocator
    let resourceType: ResourcePolicyType?
    var findings: [ValidationFinding] = []
    /// Parsed ARN formats per service, for this policy's statements.
    let formatCache = FormatCache()

    init(catalog: ServiceCatalog, locator: PolicyLocator, resourceType: ResourcePolicyType?) {
        self.catalog = catalog
        self.locator = locator
        self.resourceType = resourceType
    }

    mutating func add(_ code: IssueCode, _ path: String, _ message: String, at offset: Int?) {
        findings.append(ValidationFinding(code, path: path, message: message, location: locator.location(offset)))
    }

    /// Runs every check on every statement.
    mutating func run(_ document: PolicyDocument) {
        for statement in document.statements {
            let expanded = checkActions(statement)
            if let resources = statement.resources, !resources.negated {
                checkResources(statement, resources: resources.patterns, actions: expanded)
            }
            checkConditions(statement, actions: statement.actions.negated ? nil : expanded)
        }
    }

    /// The element path of the `index`th entry of a list written as an array or a single string.
    static func elementPath(_ statement: PolicyStatement, _ key: String, _ index: Int, of count: Int) -> String {
        statement.path + "." + key + (count > 1 ? "[\(index)]" : "")
    }

    /// Checks each `Action` pattern; returns what the patterns expand to (one entry per pattern, `nil` when the
    /// pattern is unknown or malformed).
    private mutating func checkActions(_ statement: PolicyStatement) -> [[CatalogAction]?] {
        let key = statement.actions.negated ? "NotAction" : "Action"
        let patterns = statement.actions.patterns
        return patterns.enumerated().map { index, pattern in
            let path = Self.elementPath(statement, key, index, of: patterns.count)
            let offset = locator.offset(statement: statement.index, key: key, element: index)
            if pattern == "*" { return catalog.actions(matching: "*") }
            let parts = pattern.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            let servicePart = String(parts[0])
            if let resourceType, !Wildcard.hasWildcard(servicePart), !resourceType.allows(action: pattern) {
                add(
                    .unsupportedActionInPolicy, path,
                    "\(resourceType.rawValue) policies do not support the action \"\(pattern)\"", at: offset)
            }
            if Wildcard.hasWildcard(servicePart) {
                add(
                    .wildcardInServiceName, path,
                    "\"\(pattern)\" has a wildcard in the service name; name the services", at: offset)
            } else if catalog.service(servicePart) == nil {
                add(.invalidServiceInAction, path, "the service \"\(servicePart)\" does not exist", at: offset)
                return nil
            }
            let matches = catalog.actions(matching: pattern)
            if matches.isEmpty {
                var message = "the action \"\(pattern)\" does not exist"
                if !Wildcard.hasWildcard(pattern), let near = nearest(String(parts[1]), in: servicePart) {
                    message += "; did you mean \"\(near)\"?"
                } else if Wildcard.hasWildcard(pattern) {
                    message = "\"\(pattern)\" matches no action"
                }
                add(.invalidAction, path, message, at: offset)
                return nil
            }
            return matches
        }
    }

    /// The service's action whose name is within two edits of `name`, for the INVALID_ACTION message.
    private func nearest(_ name: String, in prefix: String) -> String? {
        guard let service = catalog.service(prefix) else { return nil }
        let target = Array(name.lowercased().utf8)
        var best: (Int, String)?
        for action in service.actions {
            let candidate = Array(action.name.lowercased().utf8)
            guard abs(candidate.count - target.count) <= 2 else { continue }
            let distance = Self.editDistance(candidate, target)
            if distance <= 2, distance < (best?.0 ?? 3) { best = (distance, action.fullName) }
        }
        return best?.1
    }

    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    private mutating func checkResources(
        _ statement: PolicyStatement, resources: [String], actions: [[CatalogAction]?]
    ) {
        var unmatchedResources: [(Int, String)] = []
        var excused = Set<Int>()
        // Resource types are the action's own service's, whose ARN formats may name another service
        // (sts:AssumeRole acts on sts's "role" type, arn:...:iam::...:role/...). One answer per service
        // and resource: s3:* brings 150 actions over the same 13 types.
        var matching: [String: Set<String>] = [:]
        func acts(_ action: CatalogAction, on resource: String) -> Bool {
            let key = action.prefix + " " + resource
            let types = matching[key] ?? targetTypes(resource, service: action.prefix)
            matching[key] = types
            return action.resources.contains { types.contains($0.resourceType.name) }
        }
        for (index, resource) in resources.enumerated() where resource != "*" {
            let path = Self.elementPath(statement, "Resource", index, of: resources.count)
            let offset = locator.offset(statement: statement.index, key: "Resource", element: index)
            guard let arn = ARN(resource) else { continue }
            if let resourceType, !resourceType.allows(resource: resource, catalog: catalog) {
                add(
                    .unsupportedResourceARNInPolicy, path,
                    "\(resourceType.rawValue) policies do not support the resource \"\(resource)\"", at: offset)
            }
            // A resource whose fields the service cannot have is already an error; whether an action meets
            // it is not worth a second finding.
            if checkARNFields(arn, path: path, offset: offset) {
                excused.insert(index)
                continue
            }
            // "*" or a wildcard service part reaches some action of nearly every service: nothing to decide.
            let wildService = statement.actions.patterns.contains { $0 == "*" || Self.isDynamic(Self.servicePart($0)) }
            guard !wildService, !statement.actions.negated, actions.allSatisfy({ $0 != nil }),
                !Self.isDynamic(arn.service)
            else { continue }
            let applies = actions.compactMap { $0 }.joined().contains { acts($0, on: resource) }
            if !applies { unmatchedResources.append((index, resource)) }
        }
        guard !statement.actions.negated, !resources.contains("*") else { return }
        // Action side: a named action (no wildcard) that none of the statement's resources is a target of.
        var failedActions = 0
        for (index, pattern) in statement.actions.patterns.enumerated() {
            guard !Wildcard.hasWildcard(pattern), let expansion = actions[index], let action = expansion.first else {
                continue
            }
            let applies = resources.enumerated().contains { index, resource in
                if excused.contains(index) { return true }
                let service = Self.arnService(resource)
                return Self.isDynamic(service) || service == "*" || acts(action, on: resource)
            }
            if applies { continue }
            failedActions += 1
            let path = Self.elementPath(statement, "Action", index, of: statement.actions.patterns.count)
            let offset = locator.offset(statement: statement.index, key: "Action", element: index)
            let targets = action.resources.map { "\($0.resourceType.name) (\($0.resourceType.arnFormat))" }
            let message =
                targets.isEmpty
                ? "\(action.fullName) supports only \"Resource\": \"*\""
                : "\(action.fullName) acts on \(targets.joined(separator: ", ")), which none of the statement's resources is"
            add(.resourceMismatch, path, message, at: offset)
        }
        // Resource side, unless every action already said so.
        if failedActions == statement.actions.patterns.count { return }
        for (index, resource) in unmatchedResources {
            add(
                .resourceMismatch, Self.elementPath(statement, "Resource", index, of: resources.count),
                "no action of the statement acts on \"\(resource)\"",
                at: locator.offset(statement: statement.index, key: "Resource", element: index))
        }
    }

    /// Region and account fields against what the service's ARN formats allow; whether it reported.
    private mutating func checkARNFields(_ arn: ARN, path: String, offset: Int?) -> Bool {
        let serviceField = arn.service
        guard !Self.isDynamic(serviceField), let service = catalog.service(serviceField) else { return false }
        let before = findings.count
        guard let rules = formatCache.fieldRules(service.prefix, catalog) else { return false }
        let region = arn.region
        if !Self.isDynamic(region) {
            if region.isEmpty, rules.alwaysRegion {
                add(.missingARNRegion, path, "\(service.prefix) ARNs need a region", at: offset)
            } else if !region.isEmpty, rules.neverRegion {
                add(
                    .arnRegionNotAllowed, path, "\(service.prefix) ARNs have no region; remove \"\(region)\"",
                    at: offset)
            }
        }
        let account = arn.account
        if !Self.isDynamic(account) {
            if account.isEmpty, rules.alwaysAccount {
                add(.missingARNAccount, path, "\(service.prefix) ARNs need an account ID", at: offset)
            } else if !account.isEmpty, rules.neverAccount {
                add(
                    .arnAccountNotAllowed, path, "\(service.prefix) ARNs have no account ID; remove \"\(account)\"",
                    at: offset)
            }
        }
        return findings.count > before
    }

    /// The names of the resource types of `service` that `resource` can name.
    private func targetTypes(_ resource: String, service: String) -> Set<String> {
        guard let formats = formatCache.formats(service, catalog) else { return [] }
        let pattern = ARNFormat.Pattern(resource)
        return Set(formats.filter { $0.format.overlaps(pattern) }.map(\.name))
    }

    static func servicePart(_ pattern: String) -> String {
        String(pattern.prefix { $0 != ":" })
    }

    /// The service field of an ARN (`*` for `*` or text that is not an ARN).
    static func arnService(_ resource: String) -> String {
        ARN(resource)?.service ?? "*"
    }

    /// Each service's parsed ARN formats, parsed once per policy (a class so the checks' nested helpers can fill it).
    final class FormatCache {
        private var byService: [String: [(name: String, format: ARNFormat)]] = [:]
        private var rulesByService: [String: FieldRules?] = [:]

        /// Whether all or none of a service's ARN formats have a region, and an account.
        struct FieldRules {
            var alwaysRegion = true
            var neverRegion = true
            var alwaysAccount = true
            var neverAccount = true
        }

        /// The service's field rules, worked out once per policy rather than once per resource (an account's
        /// policies name thousands of resources); `nil` for a service without ARN formats.
        func fieldRules(_ service: String, _ catalog: ServiceCatalog) -> FieldRules? {
            if let known = rulesByService[service] { return known }
            let fields = (formats(service, catalog) ?? []).map {
                $0.format.format.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            }.filter { $0.count == 6 }
            var rules: FieldRules? = nil
            if !fields.isEmpty {
                var found = FieldRules()
                for field in fields {
                    if field[3].isEmpty { found.alwaysRegion = false } else { found.neverRegion = false }
                    if field[4].isEmpty { found.alwaysAccount = false } else { found.neverAccount = false }
                }
                rules = found
            }
            rulesByService[service] = rules
            return rules
        }

        func formats(_ service: String, _ catalog: ServiceCatalog) -> [(name: String, format: ARNFormat)]? {
            if let known = byService[service] { return known }
            guard let formats = catalog.service(service)?.arnFormats else { return nil }
            byService[service] = formats
            return formats
        }
    }

    static func isDynamic(_ field: String) -> Bool {
        Wildcard.hasWildcard(field) || PolicyVariables.mentions(field)
    }
}
