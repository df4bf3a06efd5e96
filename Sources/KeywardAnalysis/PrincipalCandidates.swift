import KeywardPolicy
import KeywardSystem

/// The callers a resource-based policy can tell apart, one of each: anonymous, each principal the policies
/// name (and a session of each role they name), and the root, a user and a role session of each account
/// they name and of an account they do not.
///
/// The evaluator compares principals for equality only (no wildcard but `*`), so callers that equal no
/// named principal, no named role and no named account, of one kind, are decided alike. Conditions on keys
/// the evaluator derives from the caller (`aws:PrincipalArn`, `aws:PrincipalAccount`, `aws:PrincipalType`,
/// `aws:username`, `aws:PrincipalServiceName`) add their values as callers; a wildcard in them is
/// `UNKNOWN`.
struct PrincipalCandidates {
    /// The keys derived from the caller (lowercased).
    static let derivedKeys: Set<String> = [
        "aws:principalarn", "aws:principalaccount", "aws:principaltype", "aws:username", "aws:principalservicename",
        "aws:resourceaccount",
    ]

    /// The name used for callers of Keyward's own making.
    static let name = "keyward-analysis"

    var principals: [String] = []
    /// Accounts the policies name.
    var accounts: [String] = []

    /// Collects the callers of `documents`.
    ///
    /// - Parameters:
    ///   - documents: the policies.
    ///   - freshAccount: an account no policy names (the outsider).
    ///   - excluded: accounts whose callers are left out (the resource's own).
    /// - Throws: ``Undecidable`` for a wildcard in a condition on a derived key.
    init(_ documents: [PolicyDocument], freshAccount: String, excluded: Set<String>) throws(Undecidable) {
        var named: [String] = []
        var accountSet: [String] = []
        var users: [String] = []
        var others: [String] = []
        func addAccount(_ account: String) {
            if !account.isEmpty, !accountSet.contains(account) { accountSet.append(account) }
        }
        func addARN(_ value: String) {
            named.append(value)
            guard let arn = ARN(value) else { return }
            addAccount(arn.account)
            if arn.service == "iam", arn.resource.hasPrefix("role/") {
                let role = arn.resource.split(separator: "/").last.map(String.init) ?? PrincipalCandidates.name
                named.append(
                    "arn:\(arn.partition):sts::\(arn.account):assumed-role/\(role)/\(PrincipalCandidates.name)")
            }
            if arn.service == "sts", arn.resource.hasPrefix("assumed-role/") {
                let parts = arn.resource.split(separator: "/")
                if parts.count >= 2 { named.append("arn:\(arn.partition):iam::\(arn.account):role/\(parts[1])") }
            }
        }
        for document in documents {
            for statement in document.statements {
                if let element = statement.principals {
                    for value in element.aws where value != "*" {
                        if value.utf8.count == 12, value.utf8.allSatisfy({ $0 &- 0x30 < 10 }) {
                            addAccount(value)
                        } else {
                            addARN(value)
                        }
                    }
                    others += element.service.filter { $0 != "*" }
                    // A federated provider's ARN names the role's own account; its users are outsiders.
                    others += element.federated
                    others += element.canonicalUser
                }
                for clause in statement.conditions {
                    let key = clause.key.lowercased()
                    guard PrincipalCandidates.derivedKeys.contains(key), key != "aws:resourceaccount" else { continue }
                    let family = clause.conditionOperator.base.family
                    guard family == .string || family == .stringLike || family == .arn || family == .null else {
                        throw Undecidable(
                            reason: "\(document.source): \(clause.path): \(clause.conditionOperator) on \(clause.key), "
                                + "a key derived from the caller, in a resource-based policy")
                    }
                    for value in clause.values {
                        if family != .string, value.contains("*") || value.contains("?") {
                            throw Undecidable(
                                reason:
                                    "\(document.source): \(clause.path): a wildcard in \(clause.key), a key derived "
                                    + "from the caller, in a resource-based policy")
                        }
                        switch key {
                        case "aws:principalarn": addARN(value)
                        case "aws:principalaccount": addAccount(value)
                        case "aws:username": users.append(value)
                        case "aws:principalservicename": others.append(value)
                        default: continue
                        }
                    }
                }
            }
        }
        accounts = accountSet
        var result = ["*"]
        for account in accountSet + [freshAccount] where !excluded.contains(account) {
            result.append("arn:aws:iam::\(account):root")
            result.append("arn:aws:iam::\(account):user/\(PrincipalCandidates.name)")
            result.append(
                "arn:aws:sts::\(account):assumed-role/\(PrincipalCandidates.name)/\(PrincipalCandidates.name)")
            for user in users { result.append("arn:aws:iam::\(account):user/\(user)") }
        }
        result.append("\(PrincipalCandidates.name).amazonaws.com")
        result.append("\(PrincipalCandidates.name).example.com")
        for value in named where !result.contains(value) {
            if let arn = ARN(value), excluded.contains(arn.account) { continue }
            result.append(value)
        }
        for value in others where !result.contains(value) { result.append(value) }
        principals = result
    }
}
