import Glibc

/// Becoming another program (`execve`), as `exec`, `assume --exec` and `saml --exec` do: signals from the
/// terminal or a supervisor then reach the program directly, and its exit status is the command's.
public enum ProcessReplacement {
    /// Replaces this process with `executable`.
    ///
    /// The calling thread may be a worker with signals blocked, and the Swift runtime ignores SIGPIPE: both
    /// survive `execve`, so the mask is cleared and the dispositions reset first. Core dumps, turned off for
    /// Keyward itself, are the child's own business again.
    /// - Parameters:
    ///   - executable: the program's path.
    ///   - arguments: its argv, the program's name first.
    ///   - environment: its whole environment.
    /// - Returns: only the `errno` of a failed `execve`.
    public static func replace(executable: String, arguments: [String], environment: [String: String]) -> Int32 {
        var empty = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, nil)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] {
            Glibc.signal(signal, SIG_DFL)
        }
        ProcessHardening.restoreForChild()
        fflush(nil)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        execve(executable, argv, envp)
        return errno
    }
}
