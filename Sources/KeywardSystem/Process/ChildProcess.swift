import Glibc

/// A program to run to completion with exactly the environment given, input on its standard input and
/// its output collected.
///
/// Nothing is inherited implicitly: the child's environment is `environment` and nothing else, so a secret
/// in the parent's environment never leaks into it, and a secret meant for the child goes in `input`, never
/// in `arguments` (which every user can read in `/proc`).
///
/// ```swift
/// let pass = ChildProcess(
///     executable: "/usr/bin/pass", arguments: ["insert", "-m", "-f", "keyward/access-key/dev"],
///     environment: ["PATH": "/usr/bin:/bin", "PASSWORD_STORE_DIR": store])
/// let result = try pass.run(input: Array(secret.unredacted.utf8), timeout: .seconds(60))
/// ```
public struct ChildProcess: Sendable {
    /// How the child ended.
    public enum Termination: Sendable, Equatable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)

        /// `exit status 1` or `killed by signal 9`.
        public var description: String {
            switch self {
            case .exited(let status): return "exit status \(status)"
            case .signaled(let signal): return "killed by signal \(signal)"
            }
        }
    }

    /// What the child left behind.
    public struct Output: Sendable, Equatable {
        /// How it ended.
        public var termination: Termination
        /// Everything it wrote to standard output.
        public var standardOutput: [UInt8]
        /// Everything it wrote to standard error.
        public var standardError: [UInt8]

        /// Whether it exited with status 0.
        public var succeeded: Bool { termination == .exited(0) }
    }

    /// The absolute path of the program.
    public let executable: String
    /// Its arguments, without the program name.
    public let arguments: [String]
    /// Its complete environment.
    public let environment: [String: String]

    /// Describes a run; nothing starts until `run`.
    /// - Parameters:
    ///   - executable: the program's absolute path (use `ExecutableSearch` to find one by name).
    ///   - arguments: its arguments; never put a secret here.
    ///   - environment: its whole environment; never put a secret here either.
    public init(executable: String, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }

    /// Starts the program, writes `input` to its standard input, closes it, collects its output and waits.
    ///
    /// Input and output are interleaved with `poll`, so a child that writes a lot before reading cannot
    /// deadlock the parent; standard input is a socket written with `MSG_NOSIGNAL`, so a child that exits
    /// without reading cannot kill the parent with SIGPIPE.
    /// - Warning: Blocks the calling thread until the child ends.
    /// - Parameters:
    ///   - input: bytes for the child's standard input.
    ///   - timeout: how long the child may run; after that it is killed (SIGKILL). `nil` waits forever.
    /// - Returns: how it ended and what it wrote.
    /// - Throws: `SystemError.spawnFailed` when it cannot start, `SystemError.childTimedOut`,
    ///   `SystemError.childIO` when waiting or talking to it fails.
    public func run(input: [UInt8] = [], timeout: Duration? = nil) throws(SystemError) -> Output {
        let pipes = try ChildPipes(executable: executable)
        defer { pipes.closeParentEnds() }
        let spawned = Result { () throws(SystemError) in try spawn(pipes) }
        pipes.closeChildEnds()
        let pid = try spawned.get()
        let deadline = timeout.map { ContinuousClock.now.advanced(by: $0) }
        var output = Output(termination: .exited(0), standardOutput: [], standardError: [])
        do throws(SystemError) {
            try pump(input: input, pipes: pipes, output: &output, deadline: deadline)
            output.termination = try wait(for: pid, deadline: deadline)
        } catch {
            kill(pid, SIGKILL)
            _ = try? wait(for: pid, deadline: nil)
            throw error
        }
        return output
    }

    private func spawn(_ pipes: ChildPipes) throws(SystemError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes.stdinChild, 0)
        posix_spawn_file_actions_adddup2(&actions, pipes.stdoutChild, 1)
        posix_spawn_file_actions_adddup2(&actions, pipes.stderrChild, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no blocked signals and default dispositions, whatever the parent set.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        argv.free()
        envp.free()
        if code != 0 { throw .spawnFailed(executable: executable, code: code) }
        return pid
    }

    private func pump(
        input: [UInt8], pipes: ChildPipes, output: inout Output, deadline: ContinuousClock.Instant?
    ) throws(SystemError) {
        var written = 0
        var stdinOpen = true
        if input.isEmpty {
            shutdown(pipes.stdinParent, Int32(SHUT_RDWR))
            stdinOpen = false
        }
        var stdoutOpen = true
        var stderrOpen = true
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while stdoutOpen || stderrOpen {
            var fds: [pollfd] = []
            if stdinOpen { fds.append(pollfd(fd: pipes.stdinParent, events: Int16(POLLOUT), revents: 0)) }
            if stdoutOpen { fds.append(pollfd(fd: pipes.stdoutParent, events: Int16(POLLIN), revents: 0)) }
            if stderrOpen { fds.append(pollfd(fd: pipes.stderrParent, events: Int16(POLLIN), revents: 0)) }
            let wait = try remainingMilliseconds(until: deadline)
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                throw .childIO(executable: executable, code: errno)
            }
            if ready == 0 { continue }  // the deadline is checked at the top of the next round
            for entry in fds where entry.revents != 0 {
                if entry.fd == pipes.stdinParent {
                    let sent = input.withUnsafeBytes { raw in
                        send(entry.fd, raw.baseAddress! + written, raw.count - written, Int32(MSG_NOSIGNAL))
                    }
                    if sent > 0 { written += sent }
                    if sent < 0, errno != EINTR, errno != EAGAIN { written = input.count }  // child stopped reading
                    if written >= input.count {
                        shutdown(entry.fd, Int32(SHUT_RDWR))
                        stdinOpen = false
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { Glibc.read(entry.fd, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 {
                    if entry.fd == pipes.stdoutParent { stdoutOpen = false } else { stderrOpen = false }
                } else if entry.fd == pipes.stdoutParent {
                    output.standardOutput.append(contentsOf: buffer[0..<count])
                } else {
                    output.standardError.append(contentsOf: buffer[0..<count])
                }
            }
        }
    }

    private func wait(for pid: pid_t, deadline: ContinuousClock.Instant?) throws(SystemError) -> Termination {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if result == pid { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw .childIO(executable: executable, code: errno)
            }
            _ = try remainingMilliseconds(until: deadline)
            usleep(1000)
        }
        // The <sys/wait.h> macros are not imported; these are their definitions.
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(signal)
    }

    private func remainingMilliseconds(until deadline: ContinuousClock.Instant?) throws(SystemError) -> Int32 {
        guard let deadline else { return -1 }
        let left = ContinuousClock.now.duration(to: deadline)
        if left <= .zero { throw .childTimedOut(executable: executable) }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }
}

/// The three channels between parent and child, each with a parent end and a child end.
private struct ChildPipes {
    let stdinParent: Int32
    let stdinChild: Int32
    let stdoutParent: Int32
    let stdoutChild: Int32
    let stderrParent: Int32
    let stderrChild: Int32

    init(executable: String) throws(SystemError) {
        // Socket pairs rather than pipes: they can be created close-on-exec in one call (no window in
        // which another thread's child inherits them), and `send` can refuse SIGPIPE.
        var opened: [Int32] = []
        for _ in 0..<3 {
            var pair: [Int32] = [-1, -1]
            if socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) != 0 {
                let code = errno
                opened.forEach { close($0) }
                throw .spawnFailed(executable: executable, code: code)
            }
            opened += pair
        }
        stdinParent = opened[0]
        stdinChild = opened[1]
        stdoutParent = opened[2]
        stdoutChild = opened[3]
        stderrParent = opened[4]
        stderrChild = opened[5]
        _ = fcntl(stdinParent, F_SETFL, fcntl(stdinParent, F_GETFL) | O_NONBLOCK)
    }

    func closeChildEnds() {
        close(stdinChild)
        close(stdoutChild)
        close(stderrChild)
    }

    func closeParentEnds() {
        close(stdinParent)
        close(stdoutParent)
        close(stderrParent)
    }
}

/// A NUL-terminated array of C strings for `posix_spawn`, freed explicitly.
private struct CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    func free() {
        for pointer in pointers { Glibc.free(pointer) }
    }
}
