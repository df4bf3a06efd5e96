import Foundation
import KeywardTestSupport

/// The `policy` commands' tests: a directory of policy files, and `keyward` run in it with a minimal
/// environment (HOME is that directory).
enum PolicyFiles {
    /// The principal the simulations name.
    static let alice = "arn:aws:iam::111122223333:user/alice"

    /// A 2012-10-17 policy with these statements.
    static func policy(_ statements: String...) -> String {
        "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.joined(separator: ",") + "]}"
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

    /// Runs `keyward ARGUMENTS` in `directory`.
    static func run(_ arguments: [String], in directory: URL, stdin: String = "") throws -> KeywardCLI.Result {
        try KeywardCLI.run(
            arguments, environment: ["HOME": directory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], stdin: stdin,
            currentDirectory: directory)
    }
}
