import Foundation
import KeywardCatalog

/// Validates every policy of an account as `aws iam get-account-authorization-details` prints it (IAM API
/// Reference, "GetAccountAuthorizationDetails"): inline user, group and role policies as identity policies,
/// role trust policies as trust policies, and the default version of each managed policy as an identity
/// policy, or as a boundary when it is only ever used as a permissions boundary.
///
/// Policies the CLI printed as JSON objects are checked in place, so findings carry the file's own lines;
/// URL-encoded documents (the raw API's form) are decoded and checked without locations.
public enum AccountPolicies {
    /// The findings of every policy in the file that has any, one group per policy.
    ///
    /// - Parameters:
    ///   - bytes: the JSON output of `get-account-authorization-details`.
    ///   - file: the file's name, for messages.
    ///   - catalog: the service catalogue.
    /// - Returns: the groups, in the file's order (users, groups, roles, managed policies).
    /// - Throws: ``PolicyError/invalidJSON(source:location:reason:)`` when the file is not JSON, and
    ///   ``PolicyError/invalidPolicy(source:path:reason:)`` when it is not an authorization-details object.
    public static func validate(
        _ bytes: [UInt8], file: String, catalog: ServiceCatalog?
    ) throws(PolicyError) -> [FindingGroup] {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .invalidJSON(
                source: file, location: SourceLocation.of(offset: error.offset, in: bytes), reason: error.reason)
        }
        guard case .object(let members) = root.value,
            members.contains(where: {
                ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"].contains($0.key)
            })
        else {
            throw .invalidPolicy(
                source: file, path: "",
                reason: "not GetAccountAuthorizationDetails output (no UserDetailList, RoleDetailList or Policies)")
        }
        var walker = Walker(file: file, bytes: bytes, lines: LineIndex(bytes), catalog: catalog)
        let boundaries = Set(
            (array(members, "UserDetailList") + array(members, "RoleDetailList")).compactMap { entity in
                string(object(entity, "PermissionsBoundary"), "PermissionsBoundaryArn")
            })
        let attached = Set(
            (array(members, "UserDetailList") + array(members, "RoleDetailList") + array(members, "GroupDetailList"))
                .flatMap { entity in
                    array(fields(entity), "AttachedManagedPolicies").compactMap { string(fields($0), "PolicyArn") }
                })
        for (list, kind, policies) in [
            ("UserDetailList", "user", "UserPolicyList"), ("GroupDetailList", "group", "GroupPolicyList"),
            ("RoleDetailList", "role", "RolePolicyList"),
        ] {
            for entity in array(members, list) {
                let entityFields = fields(entity)
                let name = string(entityFields, kind.prefix(1).uppercased() + kind.dropFirst() + "Name") ?? "?"
                if kind == "role", let trust = entityFields.first(where: { $0.key == "AssumeRolePolicyDocument" }) {
                    walker.check(trust.value, kind: .trust, subject: "role \(name), trust policy")
                }
                for policy in array(entityFields, policies) {
                    let policyFields = fields(policy)
                    guard let document = policyFields.first(where: { $0.key == "PolicyDocument" }) else { continue }
                    let policyName = string(policyFields, "PolicyName") ?? "?"
                    walker.check(
                        document.value, kind: .identity, subject: "\(kind) \(name), inline policy \(policyName)")
                }
            }
        }
        for policy in array(members, "Policies") {
            let policyFields = fields(policy)
            let arn = string(policyFields, "Arn") ?? string(policyFields, "PolicyName") ?? "?"
            let kind: PolicyKind = boundaries.contains(arn) && !attached.contains(arn) ? .boundary : .identity
            for version in array(policyFields, "PolicyVersionList") {
                let versionFields = fields(version)
                guard versionFields.contains(where: { $0.key == "IsDefaultVersion" && $0.value.value == .bool(true) }),
                    let document = versionFields.first(where: { $0.key == "Document" })
                else { continue }
                let id = string(versionFields, "VersionId").map { " (\($0))" } ?? ""
                // AWS managed policies (arn:aws:iam::aws:policy/...) are not held to the customer's size quota.
                walker.check(
                    document.value, kind: kind, subject: "policy \(arn)\(id)",
                    awsManaged: arn.contains(":iam::aws:policy/"))
            }
        }
        return walker.groups
    }

    private struct Walker {
        let file: String
        let bytes: [UInt8]
        let lines: LineIndex
        let catalog: ServiceCatalog?
        var groups: [FindingGroup] = []
        var cache: [CacheKey: [ValidationFinding]] = [:]

        struct CacheKey: Hashable {
            var text: [UInt8]
            var kind: PolicyKind

            /// The text's bytes in one call: hashing them one by one was a tenth of a 2,000-principal account.
            func hash(into hasher: inout Hasher) {
                text.withUnsafeBytes { hasher.combine(bytes: $0) }
                hasher.combine(kind)
            }
        }

        mutating func check(_ node: JSONNode, kind: PolicyKind, subject: String, awsManaged: Bool = false) {
            let options = ValidationOptions(kind: kind, catalog: catalog)
            var findings: [ValidationFinding]
            var groupBytes = bytes
            if case .string(let encoded) = node.value {
                // The raw API returns documents URL-encoded (RFC 3986); the CLI decodes them.
                let text = encoded.removingPercentEncoding ?? encoded
                groupBytes = []
                findings = PolicyValidator.validate(Array(text.utf8), source: subject, options: options).map {
                    var finding = $0
                    finding.location = nil
                    return finding
                }
            } else {
                // Each policy is checked as its own text, so any location lookup scans that policy, never the
                // whole account file; locations are then moved to where the policy sits in the file.
                // Accounts repeat documents (a role per environment, the same inline policy on many users):
                // the same text of the same kind has the same findings, relative to its start.
                let end = SourceSpan.valueEnd(from: node.offset, in: bytes)
                let base = lines.location(of: node.offset)
                let text = Array(bytes[node.offset..<end])
                let key = CacheKey(text: text, kind: kind)
                let relative = cache[key] ?? PolicyValidator.validate(text, source: file, options: options)
                cache[key] = relative
                findings = relative.map { finding in
                    var moved = finding
                    moved.location = finding.location.map {
                        SourceLocation(
                            line: base.line + $0.line - 1,
                            column: $0.line == 1 ? base.column + $0.column - 1 : $0.column)
                    }
                    return moved
                }
            }
            if awsManaged { findings.removeAll { $0.issueCode == .policySizeExceedsIdentityPolicyQuota } }
            if !findings.isEmpty {
                groups.append(FindingGroup(file: file, subject: subject, bytes: groupBytes, findings: findings))
            }
        }
    }

    private static func fields(_ node: JSONNode) -> [JSONMember] {
        if case .object(let members) = node.value { return members }
        return []
    }

    private static func array(_ members: [JSONMember], _ key: String) -> [JSONNode] {
        guard let value = members.first(where: { $0.key == key })?.value, case .array(let elements) = value.value
        else { return [] }
        return elements
    }

    private static func object(_ node: JSONNode, _ key: String) -> [JSONMember] {
        guard let value = fields(node).first(where: { $0.key == key })?.value else { return [] }
        return fields(value)
    }

    private static func string(_ members: [JSONMember], _ key: String) -> String? {
        guard let value = members.first(where: { $0.key == key })?.value, case .string(let text) = value.value
        else { return nil }
        return text
    }
}
