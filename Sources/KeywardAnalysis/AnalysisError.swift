/// Everything that can go wrong in `KeywardAnalysis` before an answer exists. A construct the decision
/// procedure cannot decide exactly is not an error: it is an `UNKNOWN` ``CheckResult`` with its reason.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An argument of a check is unusable (an empty action list, an action matching nothing).
    case invalidArgument(name: String, reason: String)

    /// One line naming the argument.
    public var description: String {
        switch self {
        case .invalidArgument(let name, let reason): return "\(name): \(reason)"
        }
    }
}

/// Why a question is outside what the decision procedure decides exactly: the answer is `UNKNOWN`.
struct Undecidable: Error, Sendable, Equatable {
    /// One line naming the construct and where it is.
    var reason: String
}
