import KeywardCatalog
import KeywardSystem

/// The checks of the IAM User Guide's "IAM policy validation check reference" that the document alone decides:
/// policy variables, policy size quotas, role trust policy syntax, federated and service principals, and
/// (in `ReferenceChecks+Conditions.swift`) condition values. Each finding names the entry it comes from.
///
/// Some replace a broader finding of the reader at the same path (its `UNRESOLVABLE_VARIABLE` for a variable
/// the reference has a precise code for, its `INVALID_GLOBAL_CONDITION_KEY` for `aws:RequestTag` written
/// without a tag key): ``superseded`` lists those, for ``PolicyValidator`` to drop.
struct ReferenceChecks {
    let document: PolicyDocument
    let bytes: [UInt8]
    let lines: LineIndex?
    let resourceType: ResourcePolicyType?
    /// Finds condition keys in the parsed tree, for findings about one clause.
    let locator: PolicyLocator?
    var findings: [ValidationFinding] = []
    /// Reader findings a precise finding here replaces: (code, path).
    var superseded: Set<Superseded> = []

    struct Superseded: Hashable {
        var code: IssueCode
        var path: String
    }

    init(
        document: PolicyDocument, bytes: [UInt8], lines: LineIndex?, resourceType: ResourcePolicyType?,
        root: JSONNode?
    ) {
        self.document = document
        self.locator = root.map { PolicyLocator(root: $0, lines: lines) }
        self.bytes = bytes
        self.lines = lines
        self.resourceType = resourceType
    }

    /// Adds a finding located at the clause's key when it is about one, else at its statement.
    mutating func add(
        _ code: IssueCode, _ statement: PolicyStatement?, _ path: String, _ message: String,
        clause: ConditionClause? = nil
    ) {
        var location = statement.flatMap { lines?.location(of: $0.offset) }
        if let statement, let clause, let locator,
            let offset = locator.conditionKeyOffset(
                statement: statement.index, operatorName: clause.conditionOperator.description, key: clause.key)
        {
            location = locator.location(offset) ?? location
        }
        findings.append(ValidationFinding(code, path: path, message: message, location: location))
    }

    mutating func run() {
        checkSize()
        var sids: Set<String> = []
        for statement in document.statements {
            checkVariables(statement)
            checkPrincipals(statement)
            checkConditions(statement)
            if document.kind == .trust, let resources = statement.resources {
                // "Role trust policy syntax error resource": a trust policy applies to its own role.
                add(
                    .roleTrustPolicySyntaxErrorResource, statement,
                    statement.path + "." + (resources.negated ? "NotResource" : "Resource"),
                    "role trust policies apply to the role they are attached to; remove the Resource element")
            }
            if document.kind == .rcp, statement.actions.negated {
                add(
                    .rcpSyntaxErrorNotAction, statement, statement.path + ".NotAction",
                    "resource control policies do not support NotAction; use Action")
            }
            if let sid = statement.sid, !sid.isEmpty, !sids.insert(sid).inserted, document.kind.allowsDuplicateSids {
                // "Unique Sids recommended": identity policies take duplicate Sids, but they confuse readers.
                superseded.insert(Superseded(code: .uniqueSidsRequired, path: statement.path + ".Sid"))
                add(.uniqueSidsRecommended, statement, statement.path + ".Sid", "the Sid \"\(sid)\" is used twice")
            }
        }
        checkRedundantStatements()
    }

    // MARK: Size

    /// "Policy size exceeds ... quota": IAM counts the characters of identity and trust policies without white
    /// space (IAM User Guide, "IAM and AWS STS quotas"); Organizations counts every character of an SCP
    /// (Organizations User Guide, "Quotas").
    private mutating func checkSize() {
        switch document.kind {
        case .identity, .boundary:
            let size = Self.characters(bytes, countingWhiteSpace: false)
            if size > 6_144 {
                add(
                    .policySizeExceedsIdentityPolicyQuota, nil, "",
                    "the \(size) characters of the policy, without white space, exceed the 6,144 of a managed policy")
            }
        case .trust:
            let size = Self.characters(bytes, countingWhiteSpace: false)
            if size > 2_048 {
                add(
                    .policySizeExceedsRoleTrustPolicyQuota, nil, "",
                    "the \(size) characters of the trust policy, without white space, exceed the default quota of 2,048"
                )
            }
        case .scp:
            let size = Self.characters(bytes, countingWhiteSpace: true)
            if size > 5_120 {
                add(
                    .policySizeExceedsSCPQuota, nil, "",
                    "the \(size) characters of the service control policy exceed the 5,120 Organizations allows")
            }
        case .resource:
            guard let resourceType, let quota = resourceType.policySizeQuota else { return }
            let size = bytes.count
            if size > quota {
                add(
                    .policySizeExceedsResourcePolicyQuota, nil, "",
                    "the \(size) bytes of the \(resourceType.rawValue) policy exceed its quota of \(quota)")
            }
        case .keyPolicy, .session, .rcp:
            return
        }
    }

    /// Unicode characters, leaving out white space outside strings unless asked to count it.
    static func characters(_ bytes: [UInt8], countingWhiteSpace: Bool) -> Int {
        var count = 0
        var inString = false
        var escaped = false
        for byte in bytes where byte & 0xC0 != 0x80 {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                count += 1
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            let white = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if countingWhiteSpace || !white { count += 1 }
        }
        return count
    }

    // MARK: Variables

    /// The variable entries of the reference: variables are read in `Resource` and in `Condition` values,
    /// from `Version` 2012-10-17 on (IAM User Guide, "IAM policy elements: Variables and tags").
    private mutating func checkVariables(_ statement: PolicyStatement) {
        let actionKey = statement.actions.negated ? "NotAction" : "Action"
        for pattern in statement.actions.patterns where PolicyVariables.hasVariable(pattern) {
            add(
                .variableUnsupportedInElement, statement, statement.path + "." + actionKey,
                "policy variables work only in Resource and Condition; remove the variable from \"\(pattern)\"")
        }
        if let principals = statement.principals {
            let values = principals.aws + principals.service + principals.federated + principals.canonicalUser
            for value in values where PolicyVariables.hasVariable(value) {
                add(
                    .variableUnsupportedInElement, statement,
                    statement.path + "." + (principals.negated ? "NotPrincipal" : "Principal"),
                    "policy variables work only in Resource and Condition; remove the variable from \"\(value)\"")
            }
        }
        var texts: [(String, String)] = []
        if let resources = statement.resources {
            let key = statement.path + "." + (resources.negated ? "NotResource" : "Resource")
            texts += resources.patterns.enumerated().map { index, pattern in
                (resources.patterns.count > 1 ? key + "[\(index)]" : key, pattern)
            }
        }
        for clause in statement.conditions { texts += clause.values.map { (clause.path, $0) } }
        for (path, text) in texts {
            if !document.version.supportsVariables {
                if PolicyVariables.hasVariable(text) {
                    add(
                        .variableUnsupportedInVersion, statement, path,
                        "\"\(text)\" holds a policy variable, read as literal text before Version 2012-10-17")
                }
                continue
            }
            for (code, message) in PolicyVariables.problems(text) {
                superseded.insert(Superseded(code: .unresolvableVariable, path: path))
                add(code, statement, path, message)
            }
        }
    }

    // MARK: Principals

    private mutating func checkPrincipals(_ statement: PolicyStatement) {
        guard let principals = statement.principals else { return }
        let element = statement.path + "." + (principals.negated ? "NotPrincipal" : "Principal")
        if document.kind == .trust {
            if principals.negated {
                add(
                    .roleTrustPolicySyntaxErrorNotPrincipal, statement, element,
                    "role trust policies do not support NotPrincipal; use Principal")
            }
            if principals.anyone || principals.aws.contains("*") {
                add(
                    .roleTrustPolicyUnsupportedWildcardInPrincipal, statement, element,
                    "\"Principal\": \"*\" is not supported in a role trust policy; name the principals")
            }
            checkFederated(statement, principals, element: element)
            checkRolesAnywhere(statement, principals, element: element)
            checkRedundantSessions(statement, principals, element: element)
        } else if !principals.federated.isEmpty, document.kind.isResourceBased {
            add(
                .federatedPrincipalNotSupported, statement, element,
                "only role trust policies take a Federated principal")
        }
        if document.kind == .resource || document.kind == .keyPolicy, statement.effect == .allow,
            !principals.negated, !principals.service.isEmpty,
            !statement.conditions.contains(where: { Self.sourceKeys.contains($0.key.lowercased()) })
        {
            // "Restrict access to service principal": the confused deputy problem (IAM User Guide).
            add(
                .restrictAccessToServicePrincipal, statement, element,
                "a service principal without aws:SourceArn or aws:SourceAccount may act for anyone's resources")
        }
    }

    private static let sourceKeys: Set<String> = [
        "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths",
    ]

    /// SAML providers with AssumeRoleWithSAML, OIDC providers with AssumeRoleWithWebIdentity, and the GitHub
    /// and OIDC condition keys (the reference's federated entries).
    private mutating func checkFederated(
        _ statement: PolicyStatement, _ principals: PrincipalElement, element: String
    ) {
        let keys = statement.conditions.map { $0.key.lowercased() }
        for value in principals.federated {
            guard let provider = FederatedProvider(value) else {
                add(
                    .invalidFederatedPrincipalSyntaxInRoleTrustPolicy, statement, element,
                    "\"\(value)\" is neither a domain name nor a SAML or OIDC provider ARN")
                continue
            }
            let actions = statement.actions.patterns.map { $0.lowercased() }
            let mismatched =
                provider.isSAML
                ? actions.filter { $0 == "sts:assumerolewithwebidentity" }
                : actions.filter { $0 == "sts:assumerolewithsaml" }
            for action in mismatched where !statement.actions.negated {
                add(
                    .mismatchedActionForPrincipal, statement, element,
                    "\(action) does not work with \(value); SAML providers take sts:AssumeRoleWithSAML and OIDC providers sts:AssumeRoleWithWebIdentity"
                )
            }
            guard !provider.isSAML, statement.effect == .allow else { continue }
            if provider.host == "token.actions.githubusercontent.com" {
                if !keys.contains("token.actions.githubusercontent.com:sub") {
                    add(
                        .missingGithubRepoConditionKey, statement, element,
                        "any GitHub repository can assume this role; add token.actions.githubusercontent.com:sub naming the repository and branch"
                    )
                }
                for clause in statement.conditions
                where clause.key.lowercased() == "token.actions.githubusercontent.com:sub"
                    && clause.values.contains(where: { $0.contains("*") })
                {
                    add(
                        .specificGithubRepoAndBranchRecommended, statement, clause.path,
                        "a wildcard in token.actions.githubusercontent.com:sub lets more repositories or branches assume the role",
                        clause: clause)
                }
            } else if !keys.contains(where: { $0.hasPrefix(provider.host + ":") }) {
                add(
                    .missingConditionKeyForOIDCPrincipal, statement, element,
                    "no condition key of \(provider.host) limits who of that provider may assume the role")
            }
        }
    }

    /// "Missing action for roles anywhere trust policy": IAM Roles Anywhere needs all three STS actions.
    private mutating func checkRolesAnywhere(
        _ statement: PolicyStatement, _ principals: PrincipalElement, element: String
    ) {
        guard statement.effect == .allow, !statement.actions.negated,
            principals.service.contains(where: { $0.lowercased() == "rolesanywhere.amazonaws.com" })
        else { return }
        let patterns = statement.actions.patterns.map { Array($0.utf8) }
        let missing = ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"].filter { action in
            let subject = Array(action.utf8)
            return !patterns.contains { Wildcard.matches(pattern: $0, subject: subject, foldCase: true) }
        }
        if !missing.isEmpty {
            add(
                .missingActionForRolesAnywhereTrustPolicy, statement, statement.path + ".Action",
                "rolesanywhere.amazonaws.com needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession; add \(missing.joined(separator: ", "))"
            )
        }
    }

    /// "Redundant principal in role trust policy": an assumed-role session beside its own role.
    private mutating func checkRedundantSessions(
        _ statement: PolicyStatement, _ principals: PrincipalElement, element: String
    ) {
        let roles = Set(principals.aws.filter { $0.contains(":role/") })
        for value in principals.aws {
            guard let arn = ARN(value), arn.service == "sts", arn.resource.hasPrefix("assumed-role/") else {
                continue
            }
            let role = arn.resource.dropFirst("assumed-role/".count).split(separator: "/").first.map(String.init) ?? ""
            let parent = ARN(
                partition: arn.partition, service: "iam", account: arn.account, resource: "role/" + role
            )
            .description
            if roles.contains(parent) {
                add(
                    .redundantPrincipalInRoleTrustPolicy, statement, element,
                    "the session \(value) is already covered by its role \(parent)")
            }
        }
    }

    // MARK: Statements

    /// "Redundant statement": the same statement twice (its Sid aside).
    private mutating func checkRedundantStatements() {
        var seen: [PolicyStatement] = []
        for statement in document.statements {
            var unnamed = statement
            unnamed.sid = nil
            unnamed.path = ""
            unnamed.index = 0
            unnamed.offset = 0
            unnamed.conditions = unnamed.conditions.map { clause in
                var bare = clause
                bare.path = ""
                return bare
            }
            if seen.contains(unnamed) {
                add(.redundantStatement, statement, statement.path, "the statement repeats an earlier one")
            } else {
                seen.append(unnamed)
            }
        }
    }
}

extension PolicyKind {
    /// Whether IAM accepts two statements with the same Sid ("Unique Sids recommended" rather than
    /// "Unique Sids required").
    var allowsDuplicateSids: Bool { self == .identity || self == .boundary || self == .session }
}

extension ResourcePolicyType {
    /// The size quota of the resource's policy, in bytes, where the service documents one: S3 bucket policies
    /// 20 KB (S3 User Guide, "Bucket policy examples"), DynamoDB resource policies 20 KB (DynamoDB Developer
    /// Guide, "Resource-based policy considerations").
    var policySizeQuota: Int? {
        switch self {
        case .s3Bucket, .dynamoDBTable: return 20_480
        default: return nil
        }
    }
}
