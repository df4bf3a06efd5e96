/// Everything `keyward doctor` found, with the count per severity.
public struct DoctorReport: Sendable, Equatable, Codable {
    /// How many findings of each severity.
    public struct Summary: Sendable, Equatable, Codable {
        /// High findings.
        public var high: Int
        /// Medium findings.
        public var medium: Int
        /// Low findings.
        public var low: Int

        /// The counts.
        public init(high: Int, medium: Int, low: Int) {
            self.high = high
            self.medium = medium
            self.low = low
        }
    }

    /// The findings, in the order the checks ran (and file order within a check).
    public var findings: [Finding]
    /// The counts.
    public var summary: Summary

    /// A report of these findings.
    /// - Parameter findings: the findings.
    public init(findings: [Finding]) {
        self.findings = findings
        summary = Summary(
            high: findings.count { $0.severity == .high }, medium: findings.count { $0.severity == .medium },
            low: findings.count { $0.severity == .low })
    }

    /// Whether any finding is high: `keyward doctor` exits 1 then.
    public var hasHighFindings: Bool { summary.high > 0 }
}
