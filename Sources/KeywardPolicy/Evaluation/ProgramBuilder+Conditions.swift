extension ProgramBuilder {
    /// Compiles one condition clause, typing each policy value for its operator.
    mutating func addCondition(_ clause: ConditionClause) {
        let op = clause.conditionOperator
        let family = op.base.family
        let loweredKey = ASCII.lowered(clause.key)
        let valueStart = Int32(values.count)
        for text in clause.values {
            values.append(compileValue(text, family: family))
        }
        let setOperator: UInt8
        switch op.setOperator {
        case .forAllValues?: setOperator = ConditionCode.forAll
        case .forAnyValue?: setOperator = ConditionCode.forAny
        case nil: setOperator = ConditionCode.noSet
        }
        conditions.append(
            ConditionCode(
                family: family, comparison: op.base.comparison, negated: op.base.isNegated, ifExists: op.ifExists,
                setOperator: setOperator, keyHash: KeyHash.of(loweredKey), key: store(loweredKey),
                valueStart: valueStart, valueCount: Int32(values.count) - valueStart))
    }

    private mutating func compileValue(_ text: String, family: ConditionOperator.Family) -> ValueCode {
        var value = ValueCode(
            valid: true, number: .nan, ipHigh: 0, ipLow: 0, prefixLength: 0, isIPv6: false, flag: false, pattern: -1)
        let bytes = Array(text.utf8)
        switch family {
        case .string, .binary:
            let vars = family == .string && variables
            value.pattern = addPattern(PatternTemplate(text, variables: vars, wildcards: false).pieces, folded: false)
        case .stringIgnoreCase:
            value.pattern = addPattern(
                PatternTemplate(text, variables: variables, wildcards: false).pieces, folded: true)
        case .stringLike:
            value.pattern = addPattern(
                PatternTemplate(text, variables: variables, wildcards: true).pieces, folded: false)
        case .arn:
            value.pattern = addResource(text)
        case .numeric:
            if let number = ScalarParsing.number(bytes) { value.number = number } else { value.valid = false }
        case .date:
            if let date = ScalarParsing.date(bytes) { value.number = date } else { value.valid = false }
        case .bool, .null:
            if let flag = ScalarParsing.bool(bytes) { value.flag = flag } else { value.valid = false }
        case .ipAddress:
            if let range = IPAddressRange(bytes: bytes) {
                value.ipHigh = range.high
                value.ipLow = range.low
                value.prefixLength = UInt8(range.prefixLength)
                value.isIPv6 = range.isIPv6
            } else {
                value.valid = false
            }
        }
        return value
    }
}
