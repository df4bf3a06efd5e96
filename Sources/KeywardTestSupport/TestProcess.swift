import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The one way tests start a program: the built `keyward`, the AWS CLI, python, a helper the tests kill.
///
/// Output goes to temporary files, so a child that writes more than a pipe holds never blocks (and never
/// deadlocks the test); standard input is a file too, written before the start. The exit is awaited through
/// the process's termination handler, never by polling, so a test on the cooperative pool waits without
/// holding a thread, and a synchronous wait blocks only its caller. A timeout kills the child (SIGKILL).
///
/// ```swift
/// let result = try TestProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", code],
///                                  environment: ["PATH": "/usr/bin:/bin"])
/// let server = try TestProcess(URL(fileURLWithPath: "/usr/bin/env"), ["keyward", "serve", ...], environment: env)
/// let outcome = await server.stop()
/// ```
public final class TestProcess: Sendable {
    /// What a finished process left behind.
    public struct Result: Sendable, Equatable {
        /// The exit status, or 128 + the signal that ended it (as a shell reports it).
        public var status: Int32
        /// Everything it wrote to stdout.
        public var stdout: String
        /// Everything it wrote to stderr.
        public var stderr: String
        /// Whether a timeout or ``TestProcess/stop(grace:)`` ended it rather than its own exit.
        public var stopped: Bool

        /// A result as a test expects it (`stopped` false unless told).
        public init(status: Int32, stdout: String, stderr: String, stopped: Bool = false) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.stopped = stopped
        }
    }

    // `Process` is not Sendable. After `run()` it is only read (`isRunning`, the pid, the termination status
    // once the handler has run) and signalled with kill(2) on its pid, which Foundation and the kernel make
    // safe from any thread; the box only hides the type from the checker.
    private struct ProcessBox: @unchecked Sendable { let process: Process }

    /// The child's exit as an event both kinds of waiter can wait for, set by the termination handler.
    private final class ExitEvent: Sendable {
        private let state = Mutex<(exited: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))
        private let semaphore = DispatchSemaphore(value: 0)

        func signal() {
            let waiters = state.withLock { state in
                state.exited = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
            semaphore.signal()
        }

        /// Blocks until the exit, or `timeout`; returns whether it exited.
        func wait(timeout: DispatchTime) -> Bool {
            guard semaphore.wait(timeout: timeout) == .success else { return false }
            semaphore.signal()  // the exit stays observable for every later wait
            return true
        }

        func wait() async {
            await withCheckedContinuation { continuation in
                let exited = state.withLock { state in
                    if !state.exited { state.waiters.append(continuation) }
                    return state.exited
                }
                if exited { continuation.resume() }
            }
        }
    }

    private let box: ProcessBox
    private let directory: URL
    private let stdoutFile: URL
    private let stderrFile: URL
    private let exit = ExitEvent()
    private let stoppedByTest = Mutex(false)

    /// Starts `executable` with `arguments` and exactly `environment` (PATH added when missing).
    /// - Parameters:
    ///   - executable: the program's path.
    ///   - arguments: its arguments, without the program name.
    ///   - environment: its whole environment.
    ///   - stdin: bytes on its standard input, then end of file.
    ///   - currentDirectory: where it starts, if not here.
    ///   - log: a file that gets both stdout and stderr instead (a server's log a test reads as it grows);
    ///     the result's `stdout` is then that file and `stderr` is empty.
    /// - Throws: when the program cannot be started.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String], stdin: String = "",
        currentDirectory: URL? = nil, log: URL? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-process-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutFile = log ?? directory.appendingPathComponent("stdout")
        stderrFile = directory.appendingPathComponent("stderr")
        for file in [stdoutFile, stderrFile] {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        }
        let input = directory.appendingPathComponent("stdin")
        try Data(stdin.utf8).write(to: input)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = environment
        if environment["PATH"] == nil { environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] }
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = try FileHandle(forWritingTo: stdoutFile)
        process.standardOutput = output
        process.standardError = log == nil ? try FileHandle(forWritingTo: stderrFile) : output
        box = ProcessBox(process: process)
        process.terminationHandler = { [exit] _ in exit.signal() }
        try process.run()
    }

    deinit {
        if box.process.isRunning { kill(box.process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a program to its end, blocking the calling thread (at most `timeout`, then it is killed).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String], stdin: String = "",
        currentDirectory: URL? = nil, timeout: Duration = .seconds(120)
    ) throws -> Result {
        try TestProcess(
            executable, arguments, environment: environment, stdin: stdin, currentDirectory: currentDirectory
        ).wait(timeout: timeout)
    }

    /// Whether it still runs.
    public var isRunning: Bool { box.process.isRunning }

    /// Its process id.
    public var processIdentifier: Int32 { box.process.processIdentifier }

    /// Sends `signal` to it, if it still runs.
    public func send(_ number: Int32) {
        if box.process.isRunning { kill(box.process.processIdentifier, number) }
    }

    /// Waits for its exit, blocking the calling thread; after `timeout` it is killed.
    public func wait(timeout: Duration = .seconds(120)) -> Result {
        if !exit.wait(timeout: .now() + Self.interval(timeout)) {
            stoppedByTest.withLock { $0 = true }
            send(SIGKILL)
            _ = exit.wait(timeout: .distantFuture)
        }
        return result()
    }

    /// Waits for its exit without holding a thread; after `timeout` it is killed.
    public func outcome(timeout: Duration = .seconds(120)) async -> Result {
        if await !exited(within: timeout) { stoppedByTest.withLock { $0 = true } }
        return result()
    }

    /// Sends SIGTERM, then SIGKILL if it is still there after `grace` (moto_server's SIGTERM handler does not
    /// always end it), and waits for the exit.
    @discardableResult
    public func stop(grace: Duration = .seconds(3)) async -> Result {
        stoppedByTest.withLock { $0 = true }
        send(SIGTERM)
        await exited(within: grace)
        return result()
    }

    /// The same, blocking the calling thread.
    @discardableResult
    public func stopWaiting(grace: Duration = .seconds(5)) -> Result {
        stoppedByTest.withLock { $0 = true }
        send(SIGTERM)
        return wait(timeout: grace)
    }

    /// What it wrote to stdout so far.
    public var stdoutSoFar: String { read(stdoutFile) }

    /// What it wrote to stderr so far.
    public var stderrSoFar: String { read(stderrFile) }

    /// Waits for the exit; after `timeout` kills the child (SIGKILL) and waits for that exit. Returns whether
    /// it exited in time.
    @discardableResult
    private func exited(within timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { [exit] in
                await exit.wait()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            // The exit waiter cannot be cancelled: the kill is what ends it.
            if !first { send(SIGKILL) }
            group.cancelAll()
            return first
        }
    }

    private func result() -> Result {
        let process = box.process
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(
            status: status, stdout: read(stdoutFile), stderr: read(stderrFile),
            stopped: stoppedByTest.withLock { $0 })
    }

    private func read(_ file: URL) -> String {
        (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }

    private static func interval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
