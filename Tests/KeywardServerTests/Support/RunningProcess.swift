import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process whose exit is awaited without blocking a thread of the cooperative pool (the server under
/// test answers the child on those same threads).
final class RunningProcess {
    /// What a finished process left behind.
    struct Outcome: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
        /// Whether it was stopped by ``RunningProcess/stop()`` or a timeout rather than exiting on its own.
        let stopped: Bool
    }

    private let process = Process()
    private let exited: AsyncStream<Void>
    private let directory: URL
    private var stopped = false

    /// Starts `/usr/bin/env ARGUMENTS...` with exactly `environment`, output going to temporary files.
    init(_ arguments: [String], environment: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-server-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stdout = directory.appendingPathComponent("stdout")
        let stderr = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        exited = stream
        process.terminationHandler = { _ in continuation.finish() }
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    var isRunning: Bool { process.isRunning }

    /// Waits for the process to exit; after `timeout`, stops it.
    func outcome(timeout: Duration = .seconds(120)) async -> Outcome {
        let exitedInTime = await withTaskGroup(of: Bool.self) { group in
            group.addTask { [exited] in
                for await _ in exited {}
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            if !first { kill(process.processIdentifier, SIGKILL) }
            group.cancelAll()
            return first
        }
        if !exitedInTime {
            stopped = true
            for await _ in exited {}
        }
        let read = { (name: String) in
            (try? String(contentsOf: self.directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        return Outcome(
            status: process.terminationStatus, stdout: read("stdout"), stderr: read("stderr"), stopped: stopped)
    }

    /// Sends SIGTERM, then SIGKILL if the process is still there after `grace` (moto_server's SIGTERM handler
    /// does not always end it), and waits for the exit.
    func stop(grace: Duration = .seconds(3)) async {
        stopped = true
        if process.isRunning { process.terminate() }
        let exitedInTime = await withTaskGroup(of: Bool.self) { group in
            group.addTask { [exited] in
                for await _ in exited {}
                return true
            }
            group.addTask {
                try? await Task.sleep(for: grace)
                return false
            }
            let first = await group.next() ?? false
            if !first { kill(process.processIdentifier, SIGKILL) }
            group.cancelAll()
            return first
        }
        if !exitedInTime {
            for await _ in exited {}
        }
    }

    /// What the process wrote to stderr so far.
    var stderrSoFar: String {
        (try? String(contentsOf: directory.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }
}
