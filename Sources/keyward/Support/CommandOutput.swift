import Foundation

/// Where a command's text goes: the process's standard output and error in the binary, buffers when a test
/// runs the command in-process.
///
/// stdout is data only (env lines, JSON, INI); messages go to stderr (STYLE.md §6). Every write reaches the
/// stream at once, unbuffered, so a process killed part-way (`import`) or replaced (`exec`) has shown what it
/// did, and stdout and stderr lines keep their order.
struct CommandOutput: Sendable {
    /// Writes text to standard output as it is.
    let standardOutput: @Sendable (String) -> Void
    /// Writes text to standard error as it is.
    let standardError: @Sendable (String) -> Void

    /// The process's own streams.
    static let process = CommandOutput(
        standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        standardError: { FileHandle.standardError.write(Data($0.utf8)) })

    /// Data on stdout, as it is.
    func write(_ text: String) {
        standardOutput(text)
    }

    /// One line of data on stdout.
    func line(_ text: String) {
        standardOutput(text + "\n")
    }

    /// A message on stderr, as it is (a command's own result line, such as `clear`'s).
    func message(_ text: String) {
        standardError(text + "\n")
    }

    /// A notice on stderr in the one shape `ErrorPresenter` gives every message (`keyward: <text>`).
    func notice(_ text: String) {
        standardError(ErrorPresenter.line(text))
    }
}
