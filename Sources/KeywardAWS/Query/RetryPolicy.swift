/// When and how long to wait before calling AWS again: capped exponential backoff with full jitter,
/// as in the AWS SDKs' standard retry mode.
public struct RetryPolicy: Sendable, Equatable {
    /// Total attempts, the first included.
    public var maxAttempts: Int
    /// The backoff base in seconds: attempt `n` waits up to `base * 2^(n-1)`.
    public var baseDelay: Double
    /// The cap on any one wait, in seconds.
    public var maxDelay: Double

    /// Creates a policy.
    /// - Parameters:
    ///   - maxAttempts: at least 1.
    ///   - baseDelay: seconds, at least 0.
    ///   - maxDelay: seconds, at least `baseDelay`.
    public init(maxAttempts: Int = 3, baseDelay: Double = 0.1, maxDelay: Double = 20) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
    }

    /// The standard mode: three attempts, 100 ms base, 20 s cap.
    public static let standard = RetryPolicy()

    /// One attempt only.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1`, given a random number in `0..<1`.
    /// - Parameters:
    ///   - attempt: the attempt that just failed, from 1.
    ///   - random: a uniform value in `0..<1` (injected so tests are exact).
    public func delay(afterAttempt attempt: Int, random: Double) -> Double {
        let exponent = Double(1 << min(max(attempt - 1, 0), 30))
        let ceiling = min(maxDelay, baseDelay * exponent)
        return ceiling * min(max(random, 0), 1)
    }
}
