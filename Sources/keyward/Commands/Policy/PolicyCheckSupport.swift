import ArgumentParser
import Foundation
import KeywardAnalysis
import KeywardPolicy

/// What the access checks share: reading the analysed policies and ending with the answer's status
/// (0 `PASS` or no finding, 1 `FAIL`, `UNKNOWN` or findings, 2 when the question could not be read, as
/// ``PolicyExitStatus`` does for decisions).
enum PolicyCheckSupport {
    /// The help text naming what answers `UNKNOWN` (the DocC page of KeywardAnalysis says the same).
    static let unknownHelp = """
        Decided exactly for the language Keyward evaluates, by request classes cut from the policies' own \
        literals and decided by the evaluator; a FAIL prints a request line `policy simulate --requests` \
        replays (resource policies: with an identity policy allowing * on *, the caller's own side). \
        UNKNOWN, never a guess, for: a policy variable in a resource or condition value; a condition key \
        compared as two kinds of value (text and number, date or address); in a resource-based policy, a \
        wildcard or an ...IgnoreCase operator on a key derived from the caller (aws:PrincipalArn, \
        aws:PrincipalAccount, aws:PrincipalType, aws:username, aws:PrincipalServiceName); a multivalued \
        key with more than six value classes; more than 20,000 pattern states or two million request classes.
        """

    /// Reads a policy as `kind`; a resource policy is told apart from a trust or key policy by its content.
    static func document(_ path: String, kind: PolicyKind) throws -> PolicyDocument {
        let bytes = try PolicyFiles.read(path)
        switch kind {
        case .scp, .rcp:
            throw ValidationError("--kind \(kind.rawValue) is not analysed; use identity or resource")
        case .resource:
            let document = try PolicyDocument.parse(bytes, source: path, kind: .resource)
            let inferred = document.inferredResourceKind
            return inferred == .resource ? document : try PolicyDocument.parse(bytes, source: path, kind: inferred)
        default:
            return try PolicyDocument.parse(bytes, source: path, kind: kind)
        }
    }

    /// Runs a check's work and ends with the status of its answer.
    ///
    /// - Parameter body: prints the answer and returns whether it passed, and the one line for stderr
    ///   when it did not.
    static func run(_ body: () throws -> (passed: Bool, summary: String)) throws {
        let outcome: (passed: Bool, summary: String)
        do {
            outcome = try body()
        } catch let error where error is ValidationError || error is CleanExit || error is ExitCode {
            throw error
        } catch {
            throw CommandError.policyUnanswered(error)
        }
        if !outcome.passed { throw CommandError.accessCheckNotPassed(outcome.summary) }
    }

    /// Prints a check's answer as text or JSON and returns the status for ``run(_:)``.
    static func report(_ result: CheckResult, json: Bool) -> (passed: Bool, summary: String) {
        CommandOutput.process.write(json ? result.json + "\n" : result.text)
        return (result.result == .pass, "\(result.result.rawValue): \(result.reason)")
    }
}

extension AnalysedResourceType: ExpressibleByArgument {}
