/// Comparison of secrets in time that depends on their length only, so a client cannot guess a token byte by
/// byte from how long a refusal takes.
enum ConstantTime {
    /// Whether `candidate` equals `secret`; every byte is compared whatever the first difference.
    static func equals(_ candidate: some Collection<UInt8>, _ secret: [UInt8]) -> Bool {
        // The length of our tokens is public (fixed by the format), so returning early on it leaks nothing.
        guard candidate.count == secret.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(candidate, secret) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
