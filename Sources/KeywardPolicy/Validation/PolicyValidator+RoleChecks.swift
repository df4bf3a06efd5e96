import KeywardCatalog

extension PolicyValidator {
    /// Access Analyzer's two families of checks on an `Allow` that can pass any role to a service or create
    /// any service-linked role (IAM User Guide, "IAM policy validation check reference": Security warning –
    /// Pass role with ..., General warning – Create SLR with ...). Which code applies depends on how the action
    /// is reached (named, through a wildcard, or through `NotAction`) and on `Resource` `*` or `NotResource`.
    ///
    /// - Parameter statement: the statement.
    /// - Returns: the finding's code, the element it is about, and its message; empty when neither applies.
    static func roleChecks(_ statement: PolicyStatement) -> [(IssueCode, String, String)] {
        guard statement.effect == .allow, let resources = statement.resources else { return [] }
        let starResource = !resources.negated && resources.patterns.contains("*")
        guard starResource || resources.negated else { return [] }
        var result: [(IssueCode, String, String)] = []
        for family in RoleFamily.allCases {
            let target = Array(family.action.utf8)
            let covering = statement.actions.patterns.filter {
                Wildcard.matches(pattern: ASCII.lowered($0), subject: target, foldCase: false)
            }
            let reach: Reach
            if statement.actions.negated {
                guard covering.isEmpty else { continue }
                reach = .notAction
            } else if covering.isEmpty {
                continue
            } else {
                reach = covering.contains { !$0.contains("*") && !$0.contains("?") } ? .named : .wildcard
            }
            let code = family.code(reach: reach, notResource: resources.negated)
            let element = resources.negated ? "NotResource" : "Resource"
            result.append((code, element, family.message(reach: reach, notResource: resources.negated)))
        }
        return result
    }

    private enum Reach { case named, wildcard, notAction }

    private enum RoleFamily: CaseIterable {
        case passRole, createServiceLinkedRole

        var action: String {
            self == .passRole ? "iam:passrole" : "iam:createservicelinkedrole"
        }

        func code(reach: Reach, notResource: Bool) -> IssueCode {
            switch (self, reach, notResource) {
            case (.passRole, .named, false): return .passRoleWithStarInResource
            case (.passRole, .named, true): return .passRoleWithNotResource
            case (.passRole, .wildcard, false): return .passRoleWithStarInActionAndResource
            case (.passRole, .wildcard, true): return .passRoleWithStarInActionAndNotResource
            case (.passRole, .notAction, false): return .passRoleWithStarInResourceAndNotAction
            case (.passRole, .notAction, true): return .passRoleWithNotActionAndNotResource
            case (.createServiceLinkedRole, .named, false): return .createSLRWithStarInResource
            case (.createServiceLinkedRole, .named, true): return .createSLRWithNotResource
            case (.createServiceLinkedRole, .wildcard, false): return .createSLRWithStarInActionAndResource
            case (.createServiceLinkedRole, .wildcard, true): return .createSLRWithStarInActionAndNotResource
            case (.createServiceLinkedRole, .notAction, false): return .createSLRWithStarResourceAndNotAction
            case (.createServiceLinkedRole, .notAction, true): return .createSLRWithNotActionAndNotResource
            }
        }

        func message(reach: Reach, notResource: Bool) -> String {
            let how: String
            switch reach {
            case .named: how = ""
            case .wildcard: how = " (through a wildcard action)"
            case .notAction: how = " (through NotAction)"
            }
            let scope = notResource ? "with NotResource" : "on \"*\""
            switch self {
            case .passRole:
                if reach == .named, !notResource {
                    return "iam:PassRole on \"*\" lets every role be passed to a service"
                }
                if reach == .named { return "iam:PassRole with NotResource lets any other role be passed" }
                return "iam:PassRole\(how) \(scope) lets every role be passed to a service"
            case .createServiceLinkedRole:
                return "iam:CreateServiceLinkedRole\(how) \(scope) allows every service's linked role"
            }
        }
    }
}
