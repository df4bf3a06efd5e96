import Glibc

/// The ways the operating-system plumbing in `KeywardSystem` can fail.
///
/// Every case names the path, device or program involved, and `description` is one line of fact,
/// for example `cannot rename /home/jo/.local/share/keyward/.vault.tmp-Ab12Cd: No space left on device`.
/// No case ever holds file contents or typed input.
public enum SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call on a file or directory failed; `code` is the `errno` it set.
    case fileOperation(FileOperation, path: String, code: Int32)
    /// Keyward will not rewrite this file (not a regular file, or another user's).
    case refusedTarget(path: String, reason: String)
    /// A file is larger than the caller allows it to be read (`limit` in bytes).
    case fileTooLarge(path: String, limit: Int)
    /// Waiting for a file lock took longer than the caller allowed; `holder` is the process id the holder
    /// recorded in the lock file, when it did.
    case lockTimedOut(path: String, holder: Int32?, waited: Duration)
    /// The task waiting for a file lock was cancelled.
    case lockWaitCancelled(path: String)
    /// There is no controlling terminal to prompt on (`code` is the `errno` of opening or querying it).
    case noTerminal(device: String, code: Int32)
    /// Reading from or writing to the terminal failed.
    case terminalIO(device: String, code: Int32)
    /// The person at the terminal cancelled the prompt (Ctrl-C, or Ctrl-D on an empty line).
    case promptCancelled(device: String)
    /// The answer typed at the terminal was longer than `limit` bytes.
    case promptInputTooLong(device: String, limit: Int)
    /// The answer typed at the terminal was not valid UTF-8.
    case promptInputNotUTF8(device: String)
    /// A program could not be started; `code` is the error `posix_spawn` or pipe creation returned.
    case spawnFailed(executable: String, code: Int32)
    /// A program ran longer than the caller allowed and was killed.
    case childTimedOut(executable: String)
    /// Waiting for or talking to a started program failed.
    case childIO(executable: String, code: Int32)
    /// No program of this name is on `PATH` (the shell's status for it is 127).
    case commandNotFound(String)
    /// The program was found but could not replace this process or be started (the shell's status: 126);
    /// `reason` is the C library's or Foundation's message.
    case cannotExecute(program: String, reason: String)
    /// The shell that runs a command line (`/bin/sh`) could not be started (status 127, as for a missing
    /// command: the command itself never ran).
    case shellUnavailable(shell: String, code: Int32)

    /// The system call behind a `fileOperation` error.
    public enum FileOperation: String, Sendable, Equatable {
        case open
        case read
        case write
        case fsync
        case close
        case rename
        case link
        case unlink
        case stat
        case chmod
        case mkdir
        case lock
        case temporaryFile = "create temporary file"
        case listDirectory = "list directory"
    }

    /// The C library's message for an `errno` value, e.g. `No such file or directory`.
    /// - Parameter code: the `errno` value.
    /// - Returns: the message.
    public static func message(forErrno code: Int32) -> String {
        Errno.message(code)
    }

    /// One line of fact, naming the path, device or program.
    public var description: String {
        switch self {
        case .fileOperation(let operation, let path, let code):
            return "cannot \(operation.rawValue) \(path): \(Errno.message(code))"
        case .refusedTarget(let path, let reason):
            return "refusing to rewrite \(path): \(reason)"
        case .fileTooLarge(let path, let limit):
            return "\(path) is larger than \(limit) bytes"
        case .lockTimedOut(let path, let holder, let waited):
            let seconds = waited.components.seconds
            let whom = holder.map { "process \($0), which holds the lock on \(path)" } ?? "the lock on \(path)"
            return "gave up after \(seconds) s waiting for \(whom)"
        case .lockWaitCancelled(let path):
            return "cancelled while waiting for the lock on \(path)"
        case .noTerminal(let device, let code):
            return "no terminal to prompt on (\(device): \(Errno.message(code)))"
        case .terminalIO(let device, let code):
            return "terminal \(device): \(Errno.message(code))"
        case .promptCancelled(let device):
            return "prompt on \(device) cancelled"
        case .promptInputTooLong(let device, let limit):
            return "input on \(device) is longer than \(limit) bytes"
        case .promptInputNotUTF8(let device):
            return "input on \(device) is not valid UTF-8"
        case .spawnFailed(let executable, let code):
            return "cannot start \(executable): \(Errno.message(code))"
        case .childTimedOut(let executable):
            return "\(executable) did not finish in time and was stopped"
        case .childIO(let executable, let code):
            return "talking to \(executable) failed: \(Errno.message(code))"
        case .commandNotFound(let name):
            return "\(name): command not found"
        case .cannotExecute(let program, let reason):
            return "\(program): \(reason)"
        case .shellUnavailable(let shell, let code):
            return "cannot run \(shell): \(Errno.message(code))"
        }
    }
}

/// Renders `errno` values as the C library's message.
enum Errno {
    /// The C library's message for `code`, e.g. `No such file or directory`.
    static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
