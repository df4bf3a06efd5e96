extension PolicyReader {
    /// Reads `Condition`: `{"Operator": {"key": value-or-values}}`, checking operators, keys and value types.
    mutating func readConditions(_ node: JSONNode, path: String) -> [ConditionClause] {
        guard case .object(let operators) = node.value else {
            report(
                .dataTypeMismatch, path, "Condition must be an object, found \(node.value.typeName)", at: node.offset)
            return []
        }
        checkDuplicates(operators, path: path)
        if operators.isEmpty { report(.emptyObjectCondition, path, "empty Condition", at: node.offset) }
        var clauses: [ConditionClause] = []
        for operatorMember in operators {
            guard let conditionOperator = ConditionOperator(parsing: operatorMember.key) else {
                report(
                    .invalidConditionOperator, path, "unknown operator \"\(operatorMember.key)\"",
                    at: operatorMember.keyOffset)
                continue
            }
            let operatorPath = PolicyReader.join(path, operatorMember.key)
            if conditionOperator.base == .null, conditionOperator.ifExists {
                report(
                    .nullWithIfExists, operatorPath, "Null cannot be combined with IfExists",
                    at: operatorMember.keyOffset)
            }
            guard case .object(let keys) = operatorMember.value.value else {
                report(
                    .dataTypeMismatch, operatorPath,
                    "an operator takes an object of condition keys, found \(operatorMember.value.value.typeName)",
                    at: operatorMember.value.offset)
                continue
            }
            checkDuplicates(keys, path: operatorPath, caseInsensitive: true)
            if keys.isEmpty {
                report(.emptyObjectCondition, operatorPath, "no condition keys", at: operatorMember.value.offset)
            }
            for keyMember in keys {
                let keyPath = operatorPath + "." + keyMember.key
                checkConditionKey(keyMember.key, operator: conditionOperator, path: keyPath, at: keyMember.keyOffset)
                guard let values = readConditionValues(keyMember.value, path: keyPath) else { continue }
                checkConditionValues(values, operator: conditionOperator, path: keyPath, at: keyMember.value.offset)
                clauses.append(
                    ConditionClause(
                        path: keyPath, conditionOperator: conditionOperator, key: keyMember.key, values: values))
            }
        }
        return clauses
    }

    private mutating func readConditionValues(_ node: JSONNode, path: String) -> [String]? {
        if let scalar = node.value.scalarText { return [scalar] }
        guard case .array(let elements) = node.value else {
            report(
                .dataTypeMismatch, path, "a condition value must be a string, number, boolean or array of them",
                at: node.offset)
            return nil
        }
        if elements.isEmpty { report(.emptyArrayCondition, path, "empty array of values", at: node.offset) }
        var values: [String] = []
        for (index, element) in elements.enumerated() {
            guard let scalar = element.value.scalarText else {
                report(
                    .dataTypeMismatch, path + "[\(index)]",
                    "a condition value must be a string, number or boolean, found \(element.value.typeName)",
                    at: element.offset)
                continue
            }
            values.append(scalar)
        }
        return values
    }

    private mutating func checkConditionKey(
        _ key: String, operator conditionOperator: ConditionOperator, path: String, at offset: Int
    ) {
        let parts = key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            report(.invalidConditionKeyFormat, path, "condition key \"\(key)\" must be \"prefix:name\"", at: offset)
            return
        }
        let lowered = key.lowercased()
        if parts[0].lowercased() == "aws", !GlobalConditionKeys.isKnown(lowered) {
            report(.invalidGlobalConditionKey, path, "unknown global condition key \"\(key)\"", at: offset)
        }
        switch conditionOperator.setOperator {
        case .forAllValues? where GlobalConditionKeys.isSingleValued(lowered):
            report(
                .forAllValuesWithSingleValuedKey, path,
                "ForAllValues with single-valued key \"\(key)\" is true when the key is absent", at: offset)
        case nil where GlobalConditionKeys.multivalued.contains(lowered):
            report(
                .singleValuedOperatorOnMultivaluedKey, path,
                "\"\(key)\" is multivalued; without ForAllValues/ForAnyValue a request with several values never matches",
                at: offset)
        default:
            break
        }
    }

    private mutating func checkConditionValues(
        _ values: [String], operator conditionOperator: ConditionOperator, path: String, at offset: Int
    ) {
        let family = conditionOperator.base.family
        for value in values {
            let usesVariable = version.supportsVariables && value.contains("${")
            if usesVariable, !family.acceptsVariables {
                report(
                    .invalidVariableForOperator, path,
                    "policy variables cannot be used with \(conditionOperator.base.rawValue)", at: offset)
                continue
            }
            if usesVariable {
                let template = PatternTemplate(value, variables: true, wildcards: false)
                for problem in template.problems { report(.unresolvableVariable, path, problem, at: offset) }
                continue
            }
            let bytes = Array(value.utf8)
            let valid: Bool
            let expected: String
            switch family {
            case .numeric:
                valid = ScalarParsing.number(bytes) != nil
                expected = "a number"
            case .date:
                valid = ScalarParsing.date(bytes) != nil
                expected = "an ISO 8601 date or epoch seconds"
            case .bool, .null:
                valid = ScalarParsing.bool(bytes) != nil
                expected = "true or false"
            case .ipAddress:
                valid = IPAddressRange(bytes: bytes) != nil
                expected = "an IPv4 or IPv6 address or CIDR block"
            case .binary:
                valid = Base64Check.isValid(bytes)
                expected = "base64 text"
            case .string, .stringIgnoreCase, .stringLike, .arn:
                valid = true
                expected = ""
            }
            if !valid {
                report(
                    .invalidConditionDataType, path,
                    "\(conditionOperator.base.rawValue) value \"\(value)\" is not \(expected)", at: offset)
            }
        }
        if family == .bool, values.count > 1 {
            report(
                .invalidConditionMultipleBoolean, path, "Bool takes one value, found \(values.count)", at: offset)
        }
    }
}

/// Whether text is well-formed base64 (for `BinaryEquals`).
enum Base64Check {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count % 4 == 0 else { return false }
        var padding = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "=") {
                padding += 1
                guard index >= bytes.count - 2 else { return false }
                continue
            }
            guard padding == 0 else { return false }
            let ok =
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
            guard ok else { return false }
        }
        return true
    }
}
