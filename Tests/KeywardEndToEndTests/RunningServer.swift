import Foundation
import KeywardTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A `keyward serve` process for one test: started, its `export` lines read, stopped with SIGTERM when the
/// value goes away (also when the test fails).
///
/// Never under `setsid`: it would fork, and SIGTERM would stop setsid instead of the server. Profiles that
/// need MFA get their codes from `mfa_process`.
final class RunningServer {
    let process: TestProcess
    /// The `export NAME=VALUE` lines it printed.
    let exports: [String: String]

    /// Starts `keyward ARGUMENTS`, or `sh -c "PREFIX; exec keyward ARGUMENTS"` when a shell prefix is given.
    init(_ arguments: [String], environment: [String: String], shellPrefix: String? = nil) throws {
        if let shellPrefix {
            process = try TestProcess(
                URL(fileURLWithPath: "/bin/sh"),
                ["-c", shellPrefix + "; exec " + ([KeywardCLI.binary.path] + arguments).joined(separator: " ")],
                environment: environment)
        } else {
            process = try TestProcess(KeywardCLI.binary, arguments, environment: environment)
        }
        exports = Self.waitForExports(of: process, count: 2)
    }

    deinit {
        process.stopWaiting(grace: .seconds(10))
    }

    /// The `export NAME=VALUE` lines a server printed, once `count` are there (the server prints them when
    /// it listens), or what there is when it exits or after 30 s.
    static func exports(of process: TestProcess, count: Int) async throws -> [String: String] {
        let deadline = Date().addingTimeInterval(30)
        while true {
            let exports = parse(process.stdoutSoFar)
            if exports.count >= count || !process.isRunning || Date() >= deadline { return exports }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The same, for the synchronous initialiser.
    private static func waitForExports(of process: TestProcess, count: Int) -> [String: String] {
        let deadline = Date().addingTimeInterval(30)
        while true {
            let exports = parse(process.stdoutSoFar)
            if exports.count >= count || !process.isRunning || Date() >= deadline { return exports }
            usleep(20_000)
        }
    }

    /// The complete lines only: a line still being written may hold half a value.
    private static func parse(_ text: String) -> [String: String] {
        var exports: [String: String] = [:]
        let complete = text.lastIndex(of: "\n").map { text[...$0] } ?? ""
        for line in complete.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            if pair.count == 2 { exports[String(pair[0])] = String(pair[1]) }
        }
        return exports
    }
}
