import KeywardSystem

extension PolicyTemplate {
    private typealias Members = [(String, JSONValue)]

    private static func object(_ members: Members) -> JSONValue {
        .object(members.map { JSONMember(key: $0.0, value: JSONNode($0.1)) })
    }

    private static func strings(_ values: [String]) -> JSONValue {
        values.count == 1 ? .string(values[0]) : .array(values.map { JSONNode(.string($0)) })
    }

    private static func statement(
        _ sid: String, _ effect: Effect, action: [String], notAction: Bool = false, resource: [String]? = nil,
        notResource: Bool = false, principal: JSONValue? = nil, condition: JSONValue? = nil
    ) -> JSONValue {
        var members: Members = [("Sid", .string(sid)), ("Effect", .string(effect.rawValue))]
        if let principal { members.append(("Principal", principal)) }
        members.append((notAction ? "NotAction" : "Action", strings(action)))
        if let resource { members.append((notResource ? "NotResource" : "Resource", strings(resource))) }
        if let condition { members.append(("Condition", condition)) }
        return object(members)
    }

    private static func policy(_ statements: [JSONValue]) -> JSONValue {
        object([("Version", .string("2012-10-17")), ("Statement", .array(statements.map { JSONNode($0) }))])
    }

    private func account(_ options: Options, required: Bool) throws(PolicyError) -> String {
        guard let account = options.accountID else {
            if required { throw .invalidTemplateOption(template: rawValue, option: "account", reason: "required") }
            return "*"
        }
        guard account.utf8.count == 12, account.utf8.allSatisfy({ $0 &- 0x30 < 10 }) else {
            throw .invalidTemplateOption(
                template: rawValue, option: "account", reason: "\"\(account)\" is not a 12-digit account ID")
        }
        return account
    }

    func document(_ options: Options) throws(PolicyError) -> JSONValue {
        switch self {
        case .mfaRequired: return try mfaRequired(options)
        case .assumeOnly: return try assumeOnly(options)
        case .pseudoSudo: return try pseudoSudo(options)
        case .abacTeam: return try abacTeam(options)
        }
    }

    private func mfaRequired(_ options: Options) throws(PolicyError) -> JSONValue {
        let self_ = "arn:aws:iam::\(try account(options, required: false)):user/${aws:username}"
        let mfa = "arn:aws:iam::\(try account(options, required: false)):mfa/*"
        return PolicyTemplate.policy([
            PolicyTemplate.statement(
                "AllowViewAccountInfo", .allow,
                action: ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"], resource: ["*"]),
            PolicyTemplate.statement(
                "AllowManageOwnPasswordAndKeys", .allow,
                action: [
                    "iam:ChangePassword", "iam:GetUser", "iam:CreateAccessKey", "iam:DeleteAccessKey",
                    "iam:ListAccessKeys", "iam:UpdateAccessKey", "iam:GetAccessKeyLastUsed",
                ], resource: [self_]),
            PolicyTemplate.statement(
                "AllowManageOwnVirtualMFADevice", .allow, action: ["iam:CreateVirtualMFADevice"], resource: [mfa]),
            PolicyTemplate.statement(
                "AllowManageOwnUserMFA", .allow,
                action: [
                    "iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice",
                ],
                resource: [self_]),
            // BoolIfExists, not Bool: long-term access keys carry no aws:MultiFactorAuthPresent at all, and a
            // plain Bool condition is false for an absent key, which would let them through.
            PolicyTemplate.statement(
                "BlockMostAccessUnlessSignedInWithMFA", .deny,
                action: [
                    "iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser",
                    "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken",
                ], notAction: true, resource: ["*"],
                condition: PolicyTemplate.object([
                    ("BoolIfExists", PolicyTemplate.object([("aws:MultiFactorAuthPresent", .string("false"))]))
                ])),
        ])
    }

    private func roleARNs(_ options: Options, account: String) throws(PolicyError) -> [String] {
        guard !options.roleNames.isEmpty else {
            throw .invalidTemplateOption(template: rawValue, option: "role", reason: "give at least one role name")
        }
        var arns: [String] = []
        for name in options.roleNames {
            if name.hasPrefix("arn:") {
                guard let arn = ARN(name), arn.service == "iam", arn.resource.hasPrefix("role/") else {
                    throw .invalidTemplateOption(
                        template: rawValue, option: "role", reason: "\"\(name)\" is not a role ARN")
                }
                arns.append(name)
                continue
            }
            let valid =
                !name.isEmpty
                && name.utf8.allSatisfy { byte in
                    (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || "+=,.@_-/".utf8.contains(byte)
                }
            guard valid else {
                throw .invalidTemplateOption(
                    template: rawValue, option: "role", reason: "\"\(name)\" is not a role name")
            }
            arns.append("arn:aws:iam::\(account):role/\(name)")
        }
        return arns
    }

    private func assumeOnly(_ options: Options) throws(PolicyError) -> JSONValue {
        let roles = try roleARNs(options, account: try account(options, required: true))
        let mfa: JSONValue? =
            options.requireMFA
            ? PolicyTemplate.object([("Bool", PolicyTemplate.object([("aws:MultiFactorAuthPresent", .string("true"))]))]
            )
            : nil
        return PolicyTemplate.policy([
            PolicyTemplate.statement(
                "AssumeNamedRoles", .allow, action: ["sts:AssumeRole"], resource: roles, condition: mfa),
            PolicyTemplate.statement(
                "DenyAssumingOtherRoles", .deny, action: ["sts:AssumeRole"], resource: roles, notResource: true),
        ])
    }

    private func pseudoSudo(_ options: Options) throws(PolicyError) -> JSONValue {
        let account = try account(options, required: true)
        var conditions: Members = [("Bool", PolicyTemplate.object([("aws:MultiFactorAuthPresent", .string("true"))]))]
        if let age = options.maxMFAAgeSeconds {
            guard age > 0 else {
                throw .invalidTemplateOption(template: rawValue, option: "max-mfa-age", reason: "must be positive")
            }
            conditions.append(
                ("NumericLessThan", PolicyTemplate.object([("aws:MultiFactorAuthAge", .string(String(age)))])))
        }
        return PolicyTemplate.policy([
            PolicyTemplate.statement(
                "AllowAccountUsersWithMFA", .allow, action: ["sts:AssumeRole"],
                principal: PolicyTemplate.object([("AWS", .string("arn:aws:iam::\(account):root"))]),
                condition: PolicyTemplate.object(conditions))
        ])
    }

    private func abacTeam(_ options: Options) throws(PolicyError) -> JSONValue {
        let account = try account(options, required: false)
        let tag = options.tagKey
        let valid =
            !tag.isEmpty && tag.utf8.count <= 128
            && tag.utf8.allSatisfy { byte in
                (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || "+-=._:/@".utf8.contains(byte)
            }
        guard valid else {
            throw .invalidTemplateOption(template: rawValue, option: "tag-key", reason: "\"\(tag)\" is not a tag key")
        }
        return PolicyTemplate.policy([
            PolicyTemplate.statement("DescribeInstances", .allow, action: ["ec2:DescribeInstances"], resource: ["*"]),
            PolicyTemplate.statement(
                "StartStopOwnTeamInstances", .allow, action: ["ec2:StartInstances", "ec2:StopInstances"],
                resource: ["arn:aws:ec2:*:\(account):instance/*"],
                condition: PolicyTemplate.object([
                    (
                        "StringEquals",
                        PolicyTemplate.object([("aws:ResourceTag/\(tag)", .string("${aws:PrincipalTag/\(tag)}"))])
                    )
                ])),
        ])
    }
}
