extension IAMClient {
    static func merge(_ result: XMLElementTree, into details: inout AccountAuthorizationDetails) {
        for node in result.members(of: "UserDetailList") {
            details.users.append(
                .init(
                    name: node.string("UserName") ?? "", arn: node.string("Arn") ?? "",
                    groups: node.members(of: "GroupList").map(\.text),
                    inlinePolicies: inlinePolicies(node.members(of: "UserPolicyList")),
                    attachedPolicyARNs: node.members(of: "AttachedManagedPolicies").compactMap {
                        $0.string("PolicyArn")
                    },
                    permissionsBoundaryARN: node.child("PermissionsBoundary")?.string("PermissionsBoundaryArn"),
                    tags: tags(node)))
        }
        for node in result.members(of: "GroupDetailList") {
            details.groups.append(
                .init(
                    name: node.string("GroupName") ?? "", arn: node.string("Arn") ?? "",
                    inlinePolicies: inlinePolicies(node.members(of: "GroupPolicyList")),
                    attachedPolicyARNs: node.members(of: "AttachedManagedPolicies").compactMap {
                        $0.string("PolicyArn")
                    }
                ))
        }
        for node in result.members(of: "RoleDetailList") {
            details.roles.append(
                .init(
                    name: node.string("RoleName") ?? "", arn: node.string("Arn") ?? "",
                    trustPolicy: decodePolicy(node.string("AssumeRolePolicyDocument")),
                    inlinePolicies: inlinePolicies(node.members(of: "RolePolicyList")),
                    attachedPolicyARNs: node.members(of: "AttachedManagedPolicies").compactMap {
                        $0.string("PolicyArn")
                    },
                    permissionsBoundaryARN: node.child("PermissionsBoundary")?.string("PermissionsBoundaryArn"),
                    tags: tags(node)))
        }
        for node in result.members(of: "Policies") {
            let versions = node.members(of: "PolicyVersionList")
            let defaultVersion = versions.first { $0.string("IsDefaultVersion") == "true" } ?? versions.first
            details.policies.append(
                .init(
                    name: node.string("PolicyName") ?? "", arn: node.string("Arn") ?? "",
                    defaultDocument: decodePolicy(defaultVersion?.string("Document"))))
        }
    }

    static func inlinePolicies(_ members: [XMLElementTree]) -> [NamedPolicy] {
        members.map {
            NamedPolicy(name: $0.string("PolicyName") ?? "", document: decodePolicy($0.string("PolicyDocument")) ?? "")
        }
    }

    static func tags(_ node: XMLElementTree) -> [SessionTag] {
        node.members(of: "Tags").map { SessionTag(key: $0.string("Key") ?? "", value: $0.string("Value") ?? "") }
    }
}
