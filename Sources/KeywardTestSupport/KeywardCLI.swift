import Foundation

/// Runs the built `keyward` binary the way a user would, with an exact environment, and captures its output
/// (through ``TestProcess``, the one process runner of the tests).
///
/// ```swift
/// let result = try KeywardCLI.run(["whoami"], environment: ["HOME": home, "AWS_ENDPOINT_URL": url])
/// #expect(result.status == 0)
/// ```
public enum KeywardCLI {
    /// What a run printed and how it ended.
    public typealias Result = TestProcess.Result

    /// The `keyward` binary next to the test bundle (SwiftPM puts both in the same build folder).
    public static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("keyward")
    }

    /// Whether the binary was built (`swift build` before `swift test`).
    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// Runs `keyward` with `arguments`.
    /// - Parameters:
    ///   - arguments: the command line after `keyward`.
    ///   - environment: the whole environment of the child (PATH is added when missing).
    ///   - stdin: bytes written to its standard input, then closed.
    ///   - currentDirectory: where it runs, if not here.
    ///   - timeout: seconds before the child is killed.
    public static func run(
        _ arguments: [String], environment: [String: String], stdin: String = "", currentDirectory: URL? = nil,
        timeout: Double = 120
    ) throws -> Result {
        try run(
            executable: binary, arguments, environment: environment, stdin: stdin,
            currentDirectory: currentDirectory, timeout: timeout)
    }

    /// Runs any program the same way (the AWS CLI, python).
    public static func run(
        executable: URL, _ arguments: [String], environment: [String: String], stdin: String = "",
        currentDirectory: URL? = nil, timeout: Double = 120
    ) throws -> Result {
        try TestProcess.run(
            executable, arguments, environment: environment, stdin: stdin, currentDirectory: currentDirectory,
            timeout: .milliseconds(Int(timeout * 1000)))
    }
}
