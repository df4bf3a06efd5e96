extension ReferenceChecks {
    /// Private IPv4 networks (RFC 1918) and IPv6 unique local addresses (RFC 4193): `aws:SourceIp` never holds
    /// them ("Error – Private IP address": the key "works only for public IP address ranges").
    private static let privateNetworks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"].compactMap {
        IPAddressRange($0)
    }

    /// The reference's entries about one statement's condition values.
    mutating func checkConditions(_ statement: PolicyStatement) {
        let keys = Set(statement.conditions.map { $0.key.lowercased() })
        for clause in statement.conditions {
            let key = clause.key.lowercased()
            let op = clause.conditionOperator
            let family = op.base.family
            checkValueTypes(statement, clause)
            if clause.values.isEmpty {
                // The reader's EMPTY_ARRAY_CONDITION, made precise for qualified operators.
                let code: IssueCode? =
                    op.setOperator == .forAllValues
                    ? .emptyArrayConditionForAllValues
                    : op.setOperator == .forAnyValue
                        ? .emptyArrayConditionForAnyValue
                        : op.ifExists ? .emptyArrayConditionIfExists : nil
                if let code {
                    superseded.insert(Superseded(code: .emptyArrayCondition, path: clause.path))
                    add(code, statement, clause.path, "\(op) with no values for \(clause.key)", clause: clause)
                }
            }
            if op.base == .null, op.setOperator != nil {
                add(
                    .nullWithQualifier, statement, clause.path,
                    "Null with \(op.setOperator!.rawValue) is always true or always false; drop the qualifier",
                    clause: clause)
            }
            if key == "aws:arn" {
                superseded.insert(Superseded(code: .invalidGlobalConditionKey, path: clause.path))
                add(
                    .unsupportedGlobalConditionKey, statement, clause.path,
                    "aws:ARN is not supported; use aws:PrincipalArn or aws:SourceArn", clause: clause)
            }
            if ["aws:requesttag", "aws:resourcetag", "aws:principaltag"].contains(
                key.hasSuffix("/") ? String(key.dropLast()) : key)
            {
                superseded.insert(Superseded(code: .invalidGlobalConditionKey, path: clause.path))
                add(
                    .missingTagKeyInCondition, statement, clause.path,
                    "\(clause.key) needs a tag key: \(clause.key.hasSuffix("/") ? clause.key : clause.key + "/")tag-key",
                    clause: clause)
            }
            let literal = clause.values.filter { !PolicyVariables.mentions($0) }
            if op.base == .stringEquals || op.base == .stringNotEquals || op.base == .stringEqualsIgnoreCase
                || op.base == .stringNotEqualsIgnoreCase,
                literal.contains(where: { $0.contains("*") || $0.contains("?") })
            {
                add(
                    .wildcardWithoutLikeOperator, statement, clause.path,
                    "\(op.base.rawValue) compares * and ? literally; use \(op.base.isNegated ? "StringNotLike" : "StringLike") for wildcards",
                    clause: clause)
            }
            if family == .string || family == .stringIgnoreCase {
                checkIdentifiers(statement, clause, key: key, values: literal)
            }
            if family == .ipAddress { checkAddresses(statement, clause, key: key) }
            if family == .date,
                clause.values.contains(where: { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
            {
                add(
                    .invalidDateValue, statement, clause.path,
                    "epoch seconds may not resolve as expected; write the date as YYYY-MM-DD or ISO 8601",
                    clause: clause)
            }
            if family == .numeric, clause.values.count > 1, op.base.comparison != nil,
                op.base != .numericEquals, op.base != .numericNotEquals
            {
                let less = op.base == .numericLessThan || op.base == .numericLessThanEquals
                add(
                    .redundantConditionValueNum, statement, clause.path,
                    "several values in \(op.base.rawValue) are redundant; keep the \(less ? "greatest" : "least") for \(clause.key)",
                    clause: clause)
            }
            if key == "aws:vpcsourceip", !keys.contains("aws:sourcevpc") {
                add(
                    .missingPairedConditionKeys, statement, clause.path,
                    "aws:VpcSourceIp matches the address in any VPC; pair it with aws:SourceVpc in the same condition block",
                    clause: clause)
            }
        }
    }

    /// `aws:SourceVpc` and `aws:SourceVpce` values: `vpc-` or `vpce-` and 8 or 17 letters and digits.
    private mutating func checkIdentifiers(
        _ statement: PolicyStatement, _ clause: ConditionClause, key: String, values: [String]
    ) {
        let rules: [String: (String, IssueCode)] = [
            "aws:sourcevpc": ("vpc-", .invalidVPCFormat), "aws:sourcevpce": ("vpce-", .invalidVPCEFormat),
        ]
        guard let (prefix, code) = rules[key] else { return }
        for value in values where !value.contains("*") && !value.contains("?") {
            let id = value.hasPrefix(prefix) ? value.dropFirst(prefix.count) : nil
            let valid =
                id.map {
                    ($0.count == 8 || $0.count == 17)
                        && $0.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
                } ?? false
            if !valid {
                add(
                    code, statement, clause.path,
                    "\"\(value)\" is not \(prefix) followed by 8 or 17 letters and digits", clause: clause)
            }
        }
    }

    /// Private and public addresses in `aws:SourceIp`, and CIDR blocks with bits set after the mask.
    private mutating func checkAddresses(_ statement: PolicyStatement, _ clause: ConditionClause, key: String) {
        let ranges = clause.values.compactMap { value in IPAddressRange(value).map { (value, $0) } }
        for (value, range) in ranges {
            let address = value.split(separator: "/").first.flatMap { IPAddressRange(String($0)) }
            if let address, address.low != range.low || address.high != range.high {
                add(
                    .improveIPRange, statement, clause.path,
                    "the bits of \"\(value)\" after the mask are ignored; write \(range)", clause: clause)
            }
        }
        guard key == "aws:sourceip", !ranges.isEmpty else { return }
        let isPrivate = ranges.map { _, range in
            Self.privateNetworks.contains { network in
                network.isIPv6 == range.isIPv6 && network.prefixLength <= range.prefixLength
                    && network.contains(isIPv6: range.isIPv6, high: range.high, low: range.low)
            }
        }
        let negated = clause.conditionOperator.base == .notIpAddress
        if isPrivate.allSatisfy({ $0 }) {
            add(
                negated ? .privateNotIPAddress : .privateIPAddress, statement, clause.path,
                "aws:SourceIp holds only public addresses, so these private ones \(negated ? "never exclude a request" : "never match"); use aws:VpcSourceIp",
                clause: clause)
        } else if isPrivate.contains(true) {
            add(
                negated ? .privateNotIPAddressSubset : .privateIPAddressSubset, statement, clause.path,
                "aws:SourceIp holds only public addresses; its private values have no effect (use aws:VpcSourceIp)",
                clause: clause)
        }
    }

    /// Values an operator cannot read ("Type mismatch Boolean", "... date", "... IP range", "... number",
    /// "... string" for base64), replacing the reader's INVALID_CONDITION_DATA_TYPE, which the reference keeps
    /// for values of different JSON types.
    private mutating func checkValueTypes(_ statement: PolicyStatement, _ clause: ConditionClause) {
        let family = clause.conditionOperator.base.family
        for value in clause.values where !(document.version.supportsVariables && PolicyVariables.mentions(value)) {
            let bytes = Array(value.utf8)
            let code: IssueCode?
            switch family {
            case .numeric: code = ScalarParsing.number(bytes) == nil ? .typeMismatchNumber : nil
            case .date: code = ScalarParsing.date(bytes) == nil ? .typeMismatchDate : nil
            case .bool, .null: code = ScalarParsing.bool(bytes) == nil ? .typeMismatchBoolean : nil
            case .ipAddress: code = IPAddressRange(bytes: bytes) == nil ? .typeMismatchIPRange : nil
            case .binary: code = Base64Check.isValid(bytes) ? nil : .typeMismatchString
            case .string, .stringIgnoreCase, .stringLike, .arn: code = nil
            }
            if let code {
                superseded.insert(Superseded(code: .invalidConditionDataType, path: clause.path))
                add(
                    code, statement, clause.path, "\(clause.conditionOperator.base.rawValue) cannot read \"\(value)\"",
                    clause: clause)
            }
        }
    }

    /// "Invalid condition data type": the values of one key written as different JSON types
    /// (`["true", 1]`), read from the parsed tree since the document holds them as text.
    mutating func checkValueKinds(_ root: JSONNode) {
        let nodes = PolicyLocator(root: root, lines: nil).statements
        for statement in document.statements where statement.index < nodes.count {
            guard case .object(let members) = nodes[statement.index].value,
                case .object(let operators)? = members.first(where: { $0.key == "Condition" })?.value.value
            else { continue }
            for operatorMember in operators {
                guard case .object(let keys) = operatorMember.value.value else { continue }
                for keyMember in keys {
                    guard case .array(let elements) = keyMember.value.value else { continue }
                    let kinds = Set(elements.map(\.value.typeName))
                    guard kinds.count > 1,
                        let clause = statement.conditions.first(where: {
                            $0.key == keyMember.key
                                && ConditionOperator(parsing: operatorMember.key) == $0.conditionOperator
                        })
                    else { continue }
                    add(
                        .invalidConditionDataType, statement, clause.path,
                        "the values of \(clause.key) mix \(kinds.sorted().joined(separator: " and ")); use one JSON type"
                    )
                }
            }
        }
    }
}
