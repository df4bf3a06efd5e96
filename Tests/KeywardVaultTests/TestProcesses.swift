import Foundation

/// The test process's own environment: tests may read it (library code never does).
let testEnvironment = ProcessInfo.processInfo.environment

/// The helper executable built next to the test bundle.
let helperExecutable: String = {
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("KeywardVaultTestHelper").path
}()

/// Runs a program to completion with the test's environment plus `extra`, returning its output.
@discardableResult
func runProgram(
    _ executable: String, _ arguments: [String], input: String = "", extraEnvironment: [String: String] = [:]
) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = testEnvironment.merging(extraEnvironment) { $1 }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let error = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
}

/// Runs a program without blocking the caller's thread.
func runProgramAsync(
    _ executable: String, _ arguments: [String], input: String = ""
) async throws -> (status: Int32, output: String, error: String) {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try runProgram(executable, arguments, input: input) })
        }
    }
}
