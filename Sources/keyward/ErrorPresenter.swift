import ArgumentParser
import Foundation

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
        FileHandle.standardError.write(Data(("keyward: " + message(for: error) + "\n").utf8))
        Foundation.exit(exitCode(for: error))
    }

    /// Prints a one-line notice on stderr (`keyward: <text>`): progress a person waiting should see.
    static func notice(_ text: String) {
        FileHandle.standardError.write(Data(("keyward: " + text + "\n").utf8))
    }

    /// The one-line message for an error.
    static func message(for error: Error) -> String {
        let text = String(describing: error)
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }

    /// The process exit code for an error.
    static func exitCode(for error: Error) -> Int32 {
        if let exit = error as? CommandExit { return exit.code }
        return 1
    }

    private static func isArgumentParserOutcome(_ error: Error) -> Bool {
        error is ValidationError || error is CleanExit || error is ExitCode
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }
}

/// An error a command throws to end with a specific status after it has already reported what happened.
struct CommandExit: Error, CustomStringConvertible {
    var code: Int32
    var description: String
}
