/// The per-entity reads that give, for one user (with its groups) or one role, what
/// `GetAccountAuthorizationDetails` gives for the whole account: for callers allowed to read their own
/// entity (`iam:GetUser`, `iam:ListUserPolicies`, ...) but not the account-wide call.
extension IAMClient {
    /// A user's inline, attached and group policies, permissions boundary and tags, with the documents of
    /// every managed policy they name.
    /// - Parameter name: the user name.
    /// - Throws: `AWSClientError` from the first call that fails.
    public func authorizationDetails(ofUser name: String) async throws(AWSClientError) -> AccountAuthorizationDetails {
        let result = try await send("GetUser", [("UserName", name)])
        guard let node = result.child("User") else {
            throw .malformedResponse(operation: "iam:GetUser", reason: "no User element")
        }
        var details = AccountAuthorizationDetails()
        var groupNames: [String] = []
        try await paginate("ListGroupsForUser", parameters: [("UserName", name)]) { page in
            groupNames += page.members(of: "Groups").compactMap { $0.string("GroupName") }
        }
        let user = AccountAuthorizationDetails.User(
            name: name, arn: node.string("Arn") ?? "", groups: groupNames,
            inlinePolicies: try await inlinePolicies(of: ("User", "UserName", name)),
            attachedPolicyARNs: try await attachedPolicyARNs(of: ("User", "UserName", name)),
            permissionsBoundaryARN: node.child("PermissionsBoundary")?.string("PermissionsBoundaryArn"),
            tags: Self.tags(node))
        details.users.append(user)
        for group in groupNames {
            details.groups.append(
                .init(
                    name: group, arn: "", inlinePolicies: try await inlinePolicies(of: ("Group", "GroupName", group)),
                    attachedPolicyARNs: try await attachedPolicyARNs(of: ("Group", "GroupName", group))))
        }
        let managed = user.attachedPolicyARNs + details.groups.flatMap(\.attachedPolicyARNs)
        try await addManagedPolicies(managed + [user.permissionsBoundaryARN].compactMap { $0 }, to: &details)
        return details
    }

    /// A role's inline and attached policies, permissions boundary, tags and trust policy, with the
    /// documents of the managed policies they name.
    /// - Parameter name: the role name.
    /// - Throws: `AWSClientError` from the first call that fails.
    public func authorizationDetails(ofRole name: String) async throws(AWSClientError) -> AccountAuthorizationDetails {
        let result = try await send("GetRole", [("RoleName", name)])
        guard let node = result.child("Role") else {
            throw .malformedResponse(operation: "iam:GetRole", reason: "no Role element")
        }
        var details = AccountAuthorizationDetails()
        let role = AccountAuthorizationDetails.Role(
            name: name, arn: node.string("Arn") ?? "",
            trustPolicy: Self.decodePolicy(node.string("AssumeRolePolicyDocument")),
            inlinePolicies: try await inlinePolicies(of: ("Role", "RoleName", name)),
            attachedPolicyARNs: try await attachedPolicyARNs(of: ("Role", "RoleName", name)),
            permissionsBoundaryARN: node.child("PermissionsBoundary")?.string("PermissionsBoundaryArn"),
            tags: Self.tags(node))
        details.roles.append(role)
        try await addManagedPolicies(
            role.attachedPolicyARNs + [role.permissionsBoundaryARN].compactMap { $0 }, to: &details)
        return details
    }

    /// `List{Kind}Policies` then `Get{Kind}Policy` for each name.
    private func inlinePolicies(
        of entity: (kind: String, parameter: String, name: String)
    ) async throws(AWSClientError) -> [NamedPolicy] {
        var names: [String] = []
        try await paginate("List\(entity.kind)Policies", parameters: [(entity.parameter, entity.name)]) { page in
            names += page.members(of: "PolicyNames").map(\.text)
        }
        var policies: [NamedPolicy] = []
        for policy in names {
            let result = try await send(
                "Get\(entity.kind)Policy", [(entity.parameter, entity.name), ("PolicyName", policy)])
            policies.append(
                NamedPolicy(name: policy, document: Self.decodePolicy(result.string("PolicyDocument")) ?? ""))
        }
        return policies
    }

    /// `ListAttached{Kind}Policies`, all pages.
    private func attachedPolicyARNs(
        of entity: (kind: String, parameter: String, name: String)
    ) async throws(AWSClientError) -> [String] {
        var arns: [String] = []
        try await paginate("ListAttached\(entity.kind)Policies", parameters: [(entity.parameter, entity.name)]) {
            page in
            arns += page.members(of: "AttachedPolicies").compactMap { $0.string("PolicyArn") }
        }
        return arns
    }

    /// `GetPolicy` and `GetPolicyVersion` (the default version) for each distinct ARN.
    private func addManagedPolicies(
        _ arns: [String], to details: inout AccountAuthorizationDetails
    )
        async throws(AWSClientError)
    {
        var seen: Set<String> = []
        for arn in arns where seen.insert(arn).inserted {
            let policy = try await send("GetPolicy", [("PolicyArn", arn)])
            guard let node = policy.child("Policy"), let version = node.string("DefaultVersionId") else {
                throw .malformedResponse(operation: "iam:GetPolicy", reason: "no DefaultVersionId for \(arn)")
            }
            let document = try await send("GetPolicyVersion", [("PolicyArn", arn), ("VersionId", version)])
            details.policies.append(
                .init(
                    name: node.string("PolicyName") ?? "", arn: arn,
                    defaultDocument: Self.decodePolicy(document.child("PolicyVersion")?.string("Document"))))
        }
    }
}
