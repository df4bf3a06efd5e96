import Foundation

/// Finds and runs the built `keyward` executable for end-to-end CLI tests.
///
/// Lookup order: the `KEYWARD_BINARY` environment variable; then `keyward` in the directory of the running
/// test bundle (SwiftPM puts executables and `*.xctest` side by side in `.build/<triple>/<config>/`), or of
/// its parent. When none exists (e.g. `swift test` ran without building the executable first: run
/// `swift build` before `swift test`), the CLI tests are skipped with that reason.
enum KeywardBinary {
    static let url: URL? = {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["KEYWARD_BINARY"],
            fileManager.isExecutableFile(atPath: explicit)
        {
            return URL(fileURLWithPath: explicit)
        }
        var candidates: [URL] = []
        let running = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL
        var directory = running.deletingLastPathComponent()
        for _ in 0..<3 {
            candidates.append(directory.appendingPathComponent("keyward"))
            directory = directory.deletingLastPathComponent()
        }
        let bundle = Bundle.main.bundleURL.standardizedFileURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("keyward"))
        return candidates.first { fileManager.isExecutableFile(atPath: $0.path) }
    }()

    static var isAvailable: Bool { url != nil }

    struct Result: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `keyward ARGUMENTS` in `directory` with a minimal environment and optional standard input.
    static func run(_ arguments: [String], in directory: URL, stdin: String? = nil) throws -> Result {
        guard let url else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// A fresh temporary directory holding the given files.
    static func directory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "keyward-policy-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }
}
