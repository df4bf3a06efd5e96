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
    let process: Process
    /// The `export NAME=VALUE` lines it printed.
    let exports: [String: String]

    /// Starts `keyward ARGUMENTS`, or `sh -c "PREFIX; exec keyward ARGUMENTS"` when a shell prefix is given.
    init(_ arguments: [String], environment: [String: String], shellPrefix: String? = nil) throws {
        process = Process()
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [
                "-c", shellPrefix + "; exec " + ([KeywardCLI.binary.path] + arguments).joined(separator: " "),
            ]
        } else {
            process.executableURL = KeywardCLI.binary
            process.arguments = arguments
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        exports = try ServeTests.readExports(output.fileHandleForReading, count: 2)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        _ = process.waitForExit(seconds: 10)
    }
}
