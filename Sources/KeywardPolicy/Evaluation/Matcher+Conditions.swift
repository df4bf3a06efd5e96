extension Matcher {
    /// Whether condition `index` holds for the request.
    ///
    /// IAM User Guide, "Condition operators" and "Single-valued vs. multivalued context keys": values of one
    /// key are ORed (NOR for negated operators); an absent key makes a condition false, except negated
    /// operators (true), `...IfExists` (true), `ForAllValues` (true) and `Null`; a single-valued operator on
    /// a key with several values does not match.
    @inline(__always)
    func holds(condition index: Int) -> Bool {
        let condition = conditions[index]
        guard let entry = request.entry(hash: condition.keyHash, key: condition.key, keyBytes: code),
            entry.valueCount > 0
        else {
            if condition.family == .null { return nullHolds(condition, absent: true) }
            if condition.ifExists { return true }
            switch condition.setOperator {
            case ConditionCode.forAll: return true
            case ConditionCode.forAny: return false
            default: return condition.negated
            }
        }
        if condition.family == .null { return nullHolds(condition, absent: false) }
        let first = Int(entry.valueStart)
        switch condition.setOperator {
        case ConditionCode.noSet:
            guard entry.valueCount == 1 else { return false }
            let matched = anyPolicyValueMatches(condition, request.values[first])
            return condition.negated ? !matched : matched
        case ConditionCode.forAny:
            for offset in 0..<Int(entry.valueCount) {
                let matched = anyPolicyValueMatches(condition, request.values[first + offset])
                if matched != condition.negated { return true }
            }
            return false
        default:
            for offset in 0..<Int(entry.valueCount) {
                let matched = anyPolicyValueMatches(condition, request.values[first + offset])
                if matched == condition.negated { return false }
            }
            return true
        }
    }

    /// `Null`: a value `true` expects the key absent, `false` expects it present.
    @inline(__always)
    private func nullHolds(_ condition: ConditionCode, absent: Bool) -> Bool {
        for offset in 0..<Int(condition.valueCount) {
            let value = values[Int(condition.valueStart) + offset]
            if value.valid, value.flag == absent { return true }
        }
        return false
    }

    /// Whether any policy value of the condition matches one request value (before negation).
    @inline(__always)
    func anyPolicyValueMatches(_ condition: ConditionCode, _ value: ContextValue) -> Bool {
        for offset in 0..<Int(condition.valueCount) {
            let policyValue = values[Int(condition.valueStart) + offset]
            if policyValue.valid, matches(condition, policyValue, value) { return true }
        }
        return false
    }

    @inline(__always)
    private func matches(_ condition: ConditionCode, _ policyValue: ValueCode, _ value: ContextValue) -> Bool {
        switch condition.family {
        case .string, .stringLike, .binary:
            return match(pattern: policyValue.pattern, request.bytes + Int(value.text.start), Int(value.text.count))
        case .stringIgnoreCase:
            return match(
                pattern: policyValue.pattern, request.bytes + Int(value.lowered.start), Int(value.lowered.count))
        case .numeric:
            return Matcher.compare(value.number, policyValue.number, condition.comparison)
        case .date:
            return Matcher.compare(value.date, policyValue.number, condition.comparison)
        case .bool:
            return value.bool >= 0 && (value.bool == 1) == policyValue.flag
        case .ipAddress:
            guard value.ipVersion != 0, (value.ipVersion == 6) == policyValue.isIPv6 else { return false }
            if policyValue.isIPv6 {
                let (maskHigh, maskLow) = IPAddressRange.mask128(Int(policyValue.prefixLength))
                return value.ipHigh & maskHigh == policyValue.ipHigh && value.ipLow & maskLow == policyValue.ipLow
            }
            return value.ipLow & IPAddressRange.mask32(Int(policyValue.prefixLength)) == policyValue.ipLow
        case .arn:
            let fields = ARNFieldSpans.split(request.bytes, value.text)
            return match(resource: policyValue.pattern, value.text, fields)
        case .null:
            return false
        }
    }

    @inline(__always)
    static func compare(_ lhs: Double, _ rhs: Double, _ comparison: ConditionOperator.Comparison) -> Bool {
        switch comparison {
        case .equal: return lhs == rhs
        case .less: return lhs < rhs
        case .lessOrEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterOrEqual: return lhs >= rhs
        }
    }

    // MARK: Statements

    /// Whether statement `statement` applies to the request, and how its principal matched.
    ///
    /// - Parameter boundedPrincipal: the caller has a permissions boundary, which makes any `Deny` with
    ///   `NotPrincipal` apply to it (IAM User Guide, "Permissions boundaries for IAM entities").
    @inline(__always)
    func applies(_ statement: StatementCode, boundedPrincipal: Bool) -> PrincipalMatch {
        let action = request.action
        var actionHit = false
        let actionBytes = request.bytes + Int(action.start)
        for index in statement.actionStart..<(statement.actionStart + statement.actionCount)
        where match(pattern: index, actionBytes, Int(action.count)) {
            actionHit = true
            break
        }
        if actionHit == statement.actionNegated { return .none }
        if statement.resourceMode != StatementCode.absent {
            var resourceHit = false
            for index in statement.resourceStart..<(statement.resourceStart + statement.resourceCount)
            where match(resource: index, request.resource, request.resourceFields) {
                resourceHit = true
                break
            }
            if resourceHit == (statement.resourceMode == StatementCode.negated) { return .none }
        }
        var kind = PrincipalMatch.direct
        if statement.principalMode == StatementCode.nobody { return .none }
        if statement.principalMode != StatementCode.absent {
            kind = principalApplies(statement, boundedPrincipal: boundedPrincipal)
            if kind == .none { return .none }
        }
        for index in Int(statement.conditionStart)..<Int(statement.conditionStart + statement.conditionCount)
        where !holds(condition: index) {
            return .none
        }
        return kind
    }

    /// `Principal` matches by its strongest entry. `NotPrincipal` with `Allow` applies to anyone not listed;
    /// with `Deny` it exempts a caller only when every identity AWS validates is listed (IAM User Guide,
    /// "AWS JSON policy elements: NotPrincipal"): "AWS might validate the account first and then the
    /// user"; "If an assumed-role user (someone who is using a role) is being evaluated, AWS might validate
    /// the account first, then the role, and then the assumed-role user." So a user needs its ARN and its
    /// account listed, and a role session its session ARN, its role's ARN and its account: "When you
    /// specify an assumed-role session in a NotPrincipal element, you cannot use a wildcard (*) to mean
    /// "all sessions". Principals must always name a specific session." A caller given only as a role (a
    /// session of unknown name) is therefore never exempt.
    @inline(__always)
    func principalApplies(_ statement: StatementCode, boundedPrincipal: Bool) -> PrincipalMatch {
        let listing = principalMatch(statement.principalStart, statement.principalCount)
        guard statement.principalMode == StatementCode.negated else { return listing.best }
        if !statement.isDeny { return listing.best == .none ? .direct : .none }
        if boundedPrincipal { return .direct }
        let accountListed = listing.account || request.account.count == 0
        let exempt: Bool
        switch request.principalKind {
        case .assumedRole: exempt = listing.caller && listing.entity && accountListed
        // Only `*` lists every session of a role.
        case .role: exempt = listing.best == .direct
        default: exempt = listing.caller && accountListed
        }
        return exempt ? .none : .direct
    }
}
