import Foundation

/// Runs Python scripts against the installed botocore and AWS CLI, the reference Keyward must agree with.
enum PythonHarness {
    /// A `python3` on `PATH` that imports `botocore` and `awscli`, or `nil` (tests needing it are skipped).
    static let interpreter: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            let probe = try? run(candidate, ["-c", "import botocore, awscli"], environment: [:])
            if probe?.status == 0 { return candidate }
        }
        return nil
    }()

    /// The AWS CLI executable on `PATH`, or `nil`.
    static let awsCLI: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/aws" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs a script with one JSON input file and returns the JSON it writes.
    /// - Parameters:
    ///   - script: Python source; it gets the input path as `sys.argv[1]`, the output path as `sys.argv[2]`.
    ///   - input: the JSON to hand it.
    static func runScript(_ script: String, input: Data) throws -> Data {
        guard let interpreter else { throw HarnessError.unavailable }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("script.py")
        let inputURL = directory.appendingPathComponent("input.json")
        let outputURL = directory.appendingPathComponent("output.json")
        try Data(script.utf8).write(to: scriptURL)
        try input.write(to: inputURL)
        let result = try run(
            interpreter, [scriptURL.path, inputURL.path, outputURL.path], environment: ["HOME": directory.path])
        guard result.status == 0 else { throw HarnessError.failed(result.stderr) }
        return try Data(contentsOf: outputURL)
    }

    /// Runs a program with a clean environment (`PATH`, `PYTHONUTF8=1` and the given variables).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]
    ) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var clean = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PYTHONUTF8": "1"]
        clean.merge(environment) { _, new in new }
        process.environment = clean
        // Output goes to files, so a chatty child can never block on a full pipe.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "keyward-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stdout = try Data(contentsOf: outURL)
        let stderr = try Data(contentsOf: errURL)
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }

    enum HarnessError: Error {
        case unavailable
        case failed(String)
    }
}
