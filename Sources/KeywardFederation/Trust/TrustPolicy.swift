import Foundation

/// A role's trust policy read for one question: may this caller assume the role, and on what conditions?
///
/// ```swift
/// let trust = try TrustPolicy(json: role.trustPolicy ?? "{}", role: role.arn)
/// let access = trust.access(forCaller: "arn:aws:iam::123456789012:user/jo")
/// access.assumable       // true: the account root is a principal
/// access.requiresMFA     // true: aws:MultiFactorAuthPresent in the statement's Condition
/// ```
///
/// This is the quick reading `keyward roles` needs, not an evaluator: an `Allow` statement for
/// `sts:AssumeRole` counts when its `AWS` principals name the caller (an assumed-role session counts as its
/// role), the caller's account root or account id, or `*`. `Deny` statements and `NotPrincipal` are not
/// weighed; the conditions are reported, not evaluated.
public struct TrustPolicy: Sendable, Equatable {
    /// One `Allow` statement that grants `sts:AssumeRole`.
    public struct Grant: Sendable, Equatable {
        /// Its `AWS` principals (`*` when the principal is `"*"`).
        public var awsPrincipals: [String]
        /// Its condition keys, lowercased (`aws:multifactorauthpresent`, `sts:externalid`).
        public var conditionKeys: Set<String>
    }

    /// What the policy means for one caller.
    public struct Access: Sendable, Equatable, Codable {
        /// Whether a grant names the caller, its account or everyone.
        public var assumable: Bool
        /// Whether every grant that names the caller requires MFA (`aws:MultiFactorAuthPresent` or
        /// `aws:MultiFactorAuthAge`).
        public var requiresMFA: Bool
        /// Whether every grant that names the caller requires an external id (`sts:ExternalId`).
        public var requiresExternalID: Bool

        /// Creates an answer.
        public init(assumable: Bool, requiresMFA: Bool, requiresExternalID: Bool) {
            self.assumable = assumable
            self.requiresMFA = requiresMFA
            self.requiresExternalID = requiresExternalID
        }
    }

    /// The statements that grant `sts:AssumeRole`.
    public var grants: [Grant]

    /// Reads a trust policy document.
    /// - Parameters:
    ///   - json: the document (already URL-decoded).
    ///   - role: the role's ARN or name, for the error.
    /// - Throws: `FederationError.invalidTrustPolicy` when it is not a JSON object with statements.
    public init(json: String, role: String) throws(FederationError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        } catch {
            throw .invalidTrustPolicy(role: role, reason: "not JSON")
        }
        guard let document = object as? [String: Any] else {
            throw .invalidTrustPolicy(role: role, reason: "not a JSON object")
        }
        let statements: [[String: Any]]
        switch document["Statement"] {
        case let list as [[String: Any]]: statements = list
        case let single as [String: Any]: statements = [single]
        default: throw .invalidTrustPolicy(role: role, reason: "no Statement")
        }
        grants = statements.compactMap(Self.grant)
    }

    /// What the policy means for a caller.
    /// - Parameter callerARN: the caller's ARN as `GetCallerIdentity` reports it.
    public func access(forCaller callerARN: String) -> Access {
        let names = Self.principalNames(forCaller: callerARN)
        let matching = grants.filter { grant in grant.awsPrincipals.contains { names.contains($0) } }
        let mfaKeys: Set<String> = ["aws:multifactorauthpresent", "aws:multifactorauthage"]
        return Access(
            assumable: !matching.isEmpty,
            requiresMFA: !matching.isEmpty && matching.allSatisfy { !$0.conditionKeys.isDisjoint(with: mfaKeys) },
            requiresExternalID: !matching.isEmpty && matching.allSatisfy { $0.conditionKeys.contains("sts:externalid") }
        )
    }

    /// The principal values that name a caller: its ARN (an assumed-role session as its role's ARN), its
    /// account's root ARN, its bare account id, and `*`.
    static func principalNames(forCaller arn: String) -> Set<String> {
        var names: Set<String> = ["*", arn]
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn" else { return names }
        let (partition, account, resource) = (parts[1], parts[4], parts[5])
        names.insert("arn:\(partition):iam::\(account):root")
        names.insert(account)
        if parts[2] == "sts", resource.hasPrefix("assumed-role/") {
            let role = resource.dropFirst("assumed-role/".count).split(separator: "/").first.map(String.init) ?? ""
            names.insert("arn:\(partition):iam::\(account):role/\(role)")
        }
        return names
    }

    private static func grant(_ statement: [String: Any]) -> Grant? {
        guard (statement["Effect"] as? String) == "Allow", grantsAssumeRole(statement["Action"]) else { return nil }
        var principals: [String] = []
        switch statement["Principal"] {
        case let star as String where star == "*":
            principals = ["*"]
        case let map as [String: Any]:
            switch map["AWS"] {
            case let one as String: principals = [one]
            case let many as [Any]: principals = many.compactMap { $0 as? String }
            default: break
            }
        default:
            break
        }
        var keys: Set<String> = []
        if let condition = statement["Condition"] as? [String: Any] {
            for case let block as [String: Any] in condition.values {
                keys.formUnion(block.keys.map { $0.lowercased() })
            }
        }
        return Grant(awsPrincipals: principals, conditionKeys: keys)
    }

    /// Whether an `Action` value covers `sts:AssumeRole` (`*` and `?` wildcards, case-insensitive).
    private static func grantsAssumeRole(_ action: Any?) -> Bool {
        let actions: [String]
        switch action {
        case let one as String: actions = [one]
        case let many as [Any]: actions = many.compactMap { $0 as? String }
        default: return false
        }
        return actions.contains { wildcardMatch(Array($0.lowercased()), Array("sts:assumerole")) }
    }

    private static func wildcardMatch(_ pattern: [Character], _ text: [Character]) -> Bool {
        var (p, t, star, mark) = (0, 0, -1, 0)
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
