import KeywardPolicy

/// The ways a command fails by its own rules rather than a library's: refusing to nest `exec`, a prompt
/// not answered, a policy decision that sets the exit status. Library failures keep their own module's
/// error type; both are turned into text and a status by `ErrorPresenter` alone.
enum CommandError: Error, CustomStringConvertible {
    /// `exec` inside another `keyward exec` (`KEYWARD_PROFILE` is set) without `--allow-nested`.
    case nestedExec(outerProfile: String)
    /// `add --env`: the variable holding part of the key is unset or empty.
    case keyVariableMissing(profile: String, variable: String)
    /// `add`: the key could not be prompted for.
    case keyPromptFailed(profile: String, reason: String)
    /// A destructive step was not confirmed at the terminal (`reason`: no terminal and the flag to pass,
    /// the terminal's failure, or "not confirmed"); `outcome` says what was kept.
    case notConfirmed(profile: String, reason: String, outcome: String)
    /// `exec --server`: the program could not be started as a child.
    case childNotStarted(program: String, reason: String)
    /// `policy can` / `policy simulate`: the request is denied (status 1).
    case policyDenied(Decision)
    /// `policy can` / `policy simulate`: the question could not be answered (status 2); the cause's line.
    case policyUnanswered(any Error)
    /// An access check answered `FAIL` or `UNKNOWN`, or `policy access` found external access (status 1);
    /// the answer's one line (`FAIL: new.json allows it; ...`).
    case accessCheckNotPassed(String)

    /// One line of fact.
    var description: String {
        switch self {
        case .nestedExec(let outer):
            return "already inside keyward exec for profile \(outer); exit that shell first or pass --allow-nested"
        case .keyVariableMissing(let profile, let variable):
            return "profile \(profile): --env: \(variable) is not set"
        case .keyPromptFailed(let profile, let reason):
            return "profile \(profile): cannot prompt for the key (\(reason)); use --env to read it from "
                + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        case .notConfirmed(let profile, let reason, let outcome):
            return "profile \(profile): \(reason); \(outcome)"
        case .childNotStarted(let program, let reason):
            return "\(program): \(reason)"
        case .policyDenied(let decision):
            return decision.description
        case .policyUnanswered(let error):
            return ErrorPresenter.message(for: error)
        case .accessCheckNotPassed(let summary):
            return summary
        }
    }
}
