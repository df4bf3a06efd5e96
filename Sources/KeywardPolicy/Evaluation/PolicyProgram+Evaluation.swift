/// Receives the statements that matched while a policy set is evaluated.
protocol EvaluationRecorder {
    /// Whether evaluation must visit every statement (to report them all) rather than stop at a deny.
    static var collectsAll: Bool { get }
    /// Called for each statement that applies to the request.
    mutating func record(policy: Int, statement: Int, isDeny: Bool)
}

/// Records nothing: the fast path.
struct DiscardingRecorder: EvaluationRecorder {
    static var collectsAll: Bool { false }
    @inline(__always)
    mutating func record(policy: Int, statement: Int, isDeny: Bool) {}
}

/// What one policy said about a request.
struct PolicyOutcome {
    var denied = false
    /// The strongest principal match among matching `Allow` statements (`.none`: no allow).
    var allow = PrincipalMatch.none
}

extension PolicyProgram {
    /// Evaluates every statement that can match the request's action.
    ///
    /// Only statements whose actions name the request's service, or use a wildcard service or `NotAction`,
    /// are visited (for the first 64 statements, through a bitmask index built at compile time).
    @inline(__always)
    func evaluate<R: EvaluationRecorder>(
        _ view: RequestView, policy: Int, boundedPrincipal: Bool, recorder: inout R
    ) -> PolicyOutcome {
        let matcher = Matcher(self, view)
        var outcome = PolicyOutcome()
        var mask = alwaysMask | serviceMask(view.serviceHash)
        if statementCount < 64 { mask &= (UInt64(1) << UInt64(statementCount)) &- 1 }
        while mask != 0 {
            let index = mask.trailingZeroBitCount
            mask &= mask &- 1
            if visit(index, matcher, &outcome, policy: policy, boundedPrincipal: boundedPrincipal, recorder: &recorder)
            {
                return outcome
            }
        }
        if statementCount > 64 {
            for index in 64..<statementCount
            where visit(
                index, matcher, &outcome, policy: policy, boundedPrincipal: boundedPrincipal, recorder: &recorder)
            {
                return outcome
            }
        }
        return outcome
    }

    /// Returns `true` when evaluation can stop (a deny, and nobody wants the full list).
    @inline(__always)
    private func visit<R: EvaluationRecorder>(
        _ index: Int, _ matcher: Matcher, _ outcome: inout PolicyOutcome, policy: Int, boundedPrincipal: Bool,
        recorder: inout R
    ) -> Bool {
        let statement = statements[index]
        let kind = matcher.applies(statement, boundedPrincipal: boundedPrincipal)
        if kind == .none { return false }
        recorder.record(policy: policy, statement: index, isDeny: statement.isDeny)
        if statement.isDeny {
            outcome.denied = true
            return !R.collectsAll
        }
        if kind > outcome.allow { outcome.allow = kind }
        return false
    }

    @inline(__always)
    private func serviceMask(_ hash: UInt64) -> UInt64 {
        var low = 0
        var high = serviceIndexCount
        while low < high {
            let middle = (low + high) >> 1
            let entry = serviceIndex[middle]
            if entry.hash == hash { return entry.mask }
            if entry.hash < hash { low = middle + 1 } else { high = middle }
        }
        return 0
    }
}
