import CProcessControl
import Glibc
import Synchronization

/// Keeps a Keyward process that holds a passphrase, a long-lived key or a session from leaving them in a
/// core file: the core size limit goes to 0 and the process is made non-dumpable (which also stops another
/// process of the same user from attaching with ptrace, unless it has CAP_SYS_PTRACE).
///
/// Called first thing in `main`, before any secret is read. Programs Keyward starts get the user's own
/// core limit back (`restoreForChild`); `execve` makes them dumpable again by itself.
public enum ProcessHardening {
    /// The core limit the process started with, restored for children.
    private static let original = Mutex<rlimit?>(nil)
    private static let coreResource = __rlimit_resource_t(RLIMIT_CORE.rawValue)

    /// Turns core dumps off for this process.
    /// - Returns: whether both settings took (a failure is not fatal: nothing is dumped unless it crashes).
    @discardableResult
    public static func disableCoreDumps() -> Bool {
        var limit = rlimit()
        let read = getrlimit(coreResource, &limit) == 0
        if read { original.withLock { $0 = limit } }
        var none = rlimit(rlim_cur: 0, rlim_max: read ? limit.rlim_max : 0)
        let limited = setrlimit(coreResource, &none) == 0
        return limited && keyward_set_dumpable(0) == 0
    }

    /// Whether core dumps are off for this process (the soft limit is 0 and it is not dumpable).
    public static var coreDumpsDisabled: Bool {
        var limit = rlimit()
        guard getrlimit(coreResource, &limit) == 0 else { return false }
        return limit.rlim_cur == 0 && keyward_get_dumpable() == 0
    }

    /// Gives a program about to be started the core limit Keyward itself started with.
    public static func restoreForChild() {
        guard var limit = original.withLock({ $0 }) else { return }
        _ = setrlimit(coreResource, &limit)
    }
}
