import Foundation
import KeywardCatalog
import KeywardPolicy

/// Access Analyzer's external-access findings for one resource-based policy, offline: every request class
/// from a caller outside the zone of trust that the policy allows, grouped by caller and granting
/// statements. Each finding carries a request the evaluator allows.
///
/// ```swift
/// let zone = ZoneOfTrust(account: "111122223333", organization: "o-a1b2c3d4e5")
/// let report = ExternalAccessAnalyzer(catalog: catalog).findings(for: bucketPolicy, zone: zone)
/// ```
///
/// Callers whose account is in the zone are not findings, nor are requests the zone's conditions bind
/// (``ZoneOfTrust/contains(context:pinned:isService:)``). Constructs outside the decision procedure (see
/// ``AccessChecks``) make the report `UNKNOWN`.
public struct ExternalAccessAnalyzer: Sendable {
    /// The catalogue, for recognisable actions in counterexamples.
    public let catalog: ServiceCatalog?

    /// Creates an analyzer.
    public init(catalog: ServiceCatalog?) {
        self.catalog = catalog
    }

    /// The report: findings, or why there is no exact answer.
    public struct Report: Sendable, Equatable, Codable {
        /// The findings, public ones first.
        public var findings: [ExternalAccessFinding]
        /// Set when the answer is `UNKNOWN`: the construct outside the procedure.
        public var unknown: String?
        /// How many request classes were decided.
        public var requestClasses: Int
    }

    /// Finds the external access `policy` grants.
    ///
    /// - Parameters:
    ///   - policy: a resource-based policy (bucket, queue, key or trust policy...).
    ///   - zone: the zone of trust.
    /// - Returns: the report.
    public func findings(for policy: PolicyDocument, zone: ZoneOfTrust) -> Report {
        let setting = AnalysisSetting(for: policy, account: zone.account)
        let set = setting.set(CompiledPolicy(policy))
        var groups: [String: ExternalAccessFinding] = [:]
        var order: [String] = []
        do throws(Undecidable) {
            let space = try RequestSpace([policy], placement: setting.placement, catalog: catalog)
            let search = RequestSearch(
                space: space, sets: [set], analysed: setting.analysedIndex, resourceAccount: setting.resourceAccount)
            let count = try search.run { visit in
                guard visit.decisions[0].kind == .allowed else { return true }
                let request = visit.request
                if request.principalKind != .webIdentity, let account = request.principalAccount,
                    zone.accounts.contains(account)
                {
                    return true
                }
                let pinned = Set(
                    zip(space.keys, visit.configs).filter { $0.1.pinned }.map { $0.0.key.lowercased() })
                let isService = request.principalKind == .service
                if zone.contains(context: visit.context, pinned: pinned, isService: isService) { return true }
                // One finding per granting statement, as Access Analyzer reports each statement's grant.
                for description in setting.deciding(request, in: set) where description.effect == "Allow" {
                    guard let statement = policy.statements.first(where: { $0.path == description.statement })
                    else { continue }
                    let toEveryone = statement.principals.map { $0.anyone || $0.aws.contains("*") } ?? false
                    let shown =
                        toEveryone && !statement.principals!.negated
                        ? ["AWS": "*"] : ExternalAccessAnalyzer.principalMap(request, space: space)
                    let bound = statement.conditions.contains { clause in
                        let key = clause.key.lowercased()
                        return ZoneOfTrust.boundingKeys.contains(key)
                            && (pinned.contains(key) || PrincipalCandidates.derivedKeys.contains(key))
                    }
                    var condition: [String: String] = [:]
                    for clause in statement.conditions { condition[clause.key] = clause.values.joined(separator: ",") }
                    let isPublic = shown["AWS"] == "*" && !bound
                    let groupKey =
                        "\(shown.sorted { $0.key < $1.key })|\(condition.sorted { $0.key < $1.key })|\(isPublic)"
                    let actions = statement.actions.patterns
                    let resources = statement.resources?.patterns ?? ["*"]
                    if var existing = groups[groupKey] {
                        existing.action = ExternalAccessAnalyzer.merged(existing.action, actions)
                        existing.resource = ExternalAccessAnalyzer.merged(existing.resource, resources)
                        if !existing.statements.contains(description) { existing.statements.append(description) }
                        groups[groupKey] = existing
                    } else {
                        order.append(groupKey)
                        groups[groupKey] = ExternalAccessFinding(
                            principal: shown, action: actions, resource: resources, condition: condition,
                            isPublic: isPublic, statements: [description],
                            counterexample: Counterexample(
                                action: request.action, resource: request.resource, principal: request.principal,
                                resourceAccount: setting.resourceAccount, context: visit.context))
                    }
                }
                return true
            }
            let findings = order.compactMap { groups[$0] }
            return Report(
                findings: findings.filter(\.isPublic) + findings.filter { !$0.isPublic }, unknown: nil,
                requestClasses: count)
        } catch {
            return Report(findings: [], unknown: error.reason, requestClasses: 0)
        }
    }

    /// Access Analyzer's principal map for the caller: named principals as named, callers Keyward made up
    /// for an account as the account, and for an account no policy names (or anonymous) `*`.
    static func principalMap(_ request: EvaluationRequest, space: RequestSpace) -> [String: String] {
        let principal = request.principal ?? "*"
        // A service or identity provider of Keyward's making stands for any: the policy grants to `*`.
        if principal.hasPrefix(PrincipalCandidates.name + ".") { return ["AWS": "*"] }
        switch request.principalKind {
        case .anonymous: return ["AWS": "*"]
        case .service: return ["Service": principal]
        case .webIdentity: return ["Federated": principal]
        case .canonicalUser: return ["CanonicalUser": principal]
        default: break
        }
        let madeUp = principal.hasSuffix("/\(PrincipalCandidates.name)") || principal.hasSuffix(":root")
        guard madeUp, let account = request.principalAccount else { return ["AWS": principal] }
        return space.namedAccounts.contains(account) ? ["AWS": account] : ["AWS": "*"]
    }

    static func merged(_ existing: [String], _ added: [String]) -> [String] {
        var result = existing
        for value in added where !result.contains(value) { result.append(value) }
        return result
    }

    /// The `--json` document: `{"findings":[...]}` (and `"unknown"` when there is no exact answer).
    public static func json(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Text for people: one paragraph per finding, or the reason there is no exact answer.
    public static func text(_ report: Report) -> String {
        if let unknown = report.unknown { return "UNKNOWN: \(unknown)\n" }
        if report.findings.isEmpty { return "no external access (\(report.requestClasses) request classes)\n" }
        var lines: [String] = []
        for finding in report.findings {
            let who = finding.principal.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
                separator: ", ")
            var line =
                "\(finding.isPublic ? "public" : "external"): \(who) may \(finding.action.joined(separator: ", "))"
            line += " on \(finding.resource.joined(separator: ", "))"
            if !finding.condition.isEmpty {
                let conditions = finding.condition.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                line += " when \(conditions.joined(separator: ", "))"
            }
            lines.append(line)
            let statements = finding.statements.map {
                "\($0.policy) \($0.statement)" + ($0.sid.map { " (\($0))" } ?? "")
            }
            lines.append("  granted by \(statements.joined(separator: "; "))")
            lines.append("  request: \(finding.counterexample.requestLine)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
