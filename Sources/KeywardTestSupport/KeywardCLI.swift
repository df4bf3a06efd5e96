import Foundation

/// Runs the built `keyward` binary the way a user would, with an exact environment, and captures its output.
///
/// ```swift
/// let result = try KeywardCLI.run(["whoami"], environment: ["HOME": home, "AWS_ENDPOINT_URL": url])
/// #expect(result.status == 0)
/// ```
public enum KeywardCLI {
    /// What a run printed and how it ended.
    public struct Result: Sendable, Equatable {
        /// The exit status (or 128 + signal).
        public var status: Int32
        /// Everything written to stdout.
        public var stdout: String
        /// Everything written to stderr.
        public var stderr: String
    }

    /// The `keyward` binary next to the test bundle (SwiftPM puts both in the same build folder).
    public static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("keyward")
    }

    /// Runs `keyward` with `arguments`.
    /// - Parameters:
    ///   - arguments: the command line after `keyward`.
    ///   - environment: the whole environment of the child (PATH is added when missing).
    ///   - stdin: bytes written to its standard input, then closed.
    ///   - timeout: seconds before the child is killed.
    public static func run(
        _ arguments: [String], environment: [String: String], stdin: String = "", timeout: Double = 120
    ) throws -> Result {
        try run(executable: binary, arguments, environment: environment, stdin: stdin, timeout: timeout)
    }

    /// Runs any program the same way (the AWS CLI, python).
    public static func run(
        executable: URL, _ arguments: [String], environment: [String: String], stdin: String = "",
        timeout: Double = 120
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = environment
        if environment["PATH"] == nil { environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        let collected = CollectedOutput()
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (errors, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                group.leave()
            }
        }
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        if !process.waitForExit(seconds: timeout) {
            process.terminate()
            _ = process.waitForExit(seconds: 5)
        }
        group.wait()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, stdout: collected.stdout, stderr: collected.stderr)
    }
}

/// Output gathered from two reader threads.
private final class CollectedOutput: @unchecked Sendable {
    // Invariant: every access holds `lock`.
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    func set(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { err = data } else { out = data }
    }

    var stdout: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: out, as: UTF8.self)
    }

    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: err, as: UTF8.self)
    }
}
