import ArgumentParser
import KeywardPolicy

/// The exit status of `policy simulate` and `policy can`, so scripts can branch on a decision: 0 allowed,
/// 1 denied (implicitly or explicitly), 2 the question could not be answered. Usage errors keep
/// argument-parser's own status.
enum PolicyExitStatus {
    /// Runs a command's work and ends with the status of its decision.
    ///
    /// - Parameter body: prints its answer and returns the decision, or `nil` when there is no single
    ///   decision (a batch reports one per line and exits 0).
    /// - Throws: `CommandError.policyDenied` after a deny (status 1), `.policyUnanswered` wrapping any
    ///   error of `body` (status 2); argument-parser's errors as they are.
    static func run(_ body: () async throws -> Decision?) async throws {
        let decision: Decision?
        do {
            decision = try await body()
        } catch let error where error is ValidationError || error is CleanExit || error is ExitCode {
            throw error
        } catch {
            throw CommandError.policyUnanswered(error)
        }
        guard let decision, decision.kind != .allowed else { return }
        throw CommandError.policyDenied(decision)
    }
}
