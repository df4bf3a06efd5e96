import ArgumentParser
import Foundation
import KeywardSystem

/// Turns any error into one stderr line and an exit code; the only place that does.
///
/// Output is `keyward: <description>` where the description is the module error's one-line text, which
/// never holds a secret. Usage errors keep argument-parser's own message and exit 64.
enum ErrorPresenter {
    /// Prints the error and exits with its code.
    static func exit(with error: Error) -> Never {
        if isArgumentParserOutcome(error) {
            Keyward.exit(withError: error)
        }
        CommandOutput.process.standardError(line(message(for: error)))
        Foundation.exit(exitCode(for: error))
    }

    /// The one shape of every message Keyward writes on stderr: `keyward: <text>` and a newline (errors,
    /// warnings, progress a person waiting should see).
    static func line(_ text: String) -> String {
        "keyward: " + text + "\n"
    }

    /// The one-line message for an error.
    static func message(for error: Error) -> String {
        let text = String(describing: error)
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }

    /// The process exit code for an error: the shell's 127 and 126 when a program cannot be found or
    /// run, `policy`'s 2 when a question has no answer, else 1.
    static func exitCode(for error: Error) -> Int32 {
        switch error {
        case SystemError.commandNotFound, SystemError.shellUnavailable: return 127
        case SystemError.cannotExecute, CommandError.childNotStarted: return 126
        case CommandError.policyUnanswered: return 2
        default: return 1
        }
    }

    private static func isArgumentParserOutcome(_ error: Error) -> Bool {
        error is ValidationError || error is CleanExit || error is ExitCode
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}
