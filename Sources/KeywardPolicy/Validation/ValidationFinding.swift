/// One finding about a policy document, in the style of IAM Access Analyzer's policy validation.
///
/// `issueCode` uses Access Analyzer's check names where one exists (see the IAM User Guide, "IAM policy
/// validation check reference"); Keyward's own checks are marked in ``IssueCode``.
public struct ValidationFinding: Sendable, Equatable, CustomStringConvertible {
    /// How serious the finding is.
    public var severity: Severity
    /// The check that produced it.
    public var issueCode: IssueCode
    /// The JSON path of the problem, e.g. `Statement[2].Condition`; empty for the whole document.
    public var path: String
    /// One line saying what is wrong.
    public var message: String
    /// Where in the file, when known.
    public var location: SourceLocation?

    /// Creates a finding whose severity is the issue code's.
    public init(_ issueCode: IssueCode, path: String, message: String, location: SourceLocation? = nil) {
        self.severity = issueCode.severity
        self.issueCode = issueCode
        self.path = path
        self.message = message
        self.location = location
    }

    /// `Statement[2].Condition: unknown operator "StringEqualz"`.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }

    /// Finding severities, as Access Analyzer names them.
    public enum Severity: String, Sendable, Equatable, Comparable, CaseIterable {
        case error = "ERROR"
        case securityWarning = "SECURITY_WARNING"
        case warning = "WARNING"
        case suggestion = "SUGGESTION"

        private var rank: Int {
            switch self {
            case .error: return 0
            case .securityWarning: return 1
            case .warning: return 2
            case .suggestion: return 3
            }
        }

        /// Errors sort first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }
}
