import Foundation
import KeywardConfig
import KeywardTestSupport
import Logging
import Synchronization

@testable import keyward

/// One test's surroundings for running commands in-process: its own HOME and `KEYWARD_HOME` (a cheap file
/// vault in it), an environment dictionary pointing at the emulator, and the stdout and stderr every run
/// writes, captured. Nothing is read from, or written to, the test process's own environment or streams.
///
/// ```swift
/// let harness = try CommandHarness(endpoint: moto.endpoint)
/// let run = await harness.run { context in try await ExportCommand.parse(["jo"]).run(in: context) }
/// #expect(run.status == 0)
/// ```
final class CommandHarness: Sendable {
    /// How one in-process run ended, as the binary would have ended it.
    struct Outcome: Sendable, Equatable {
        /// 0, or the code `ErrorPresenter` gives the error thrown.
        var status: Int32
        /// What the run wrote to stdout.
        var stdout: String
        /// What the run wrote to stderr, the error's one line included.
        var stderr: String
    }

    /// The passphrase of the test's file vault.
    static let passphrase = "in-process passphrase"

    let home: TemporaryHome
    /// The environment every run gets, before a run's own additions.
    let environment: [String: String]
    private let captured = Mutex(Outcome(status: 0, stdout: "", stderr: ""))

    /// A HOME with an empty cheap vault, the emulator at `endpoint` for every service.
    /// - Parameter endpoint: a loopback URL (checked: tests never point anything elsewhere).
    init(endpoint: URL) throws {
        guard endpoint.host == "127.0.0.1" else {
            throw TestSupportError.fixtureFailed("\(endpoint) is not a loopback endpoint")
        }
        home = try TemporaryHome()
        environment = [
            "HOME": home.url.path, "PATH": "/usr/bin:/bin",
            "KEYWARD_HOME": home.url.path + "/.local/share/keyward", "KEYWARD_BACKEND": "file",
            "KEYWARD_FILE_PASSPHRASE": Self.passphrase,
            "AWS_ENDPOINT_URL": endpoint.absoluteString, "AWS_REGION": "us-east-1",
        ]
        try CheapVault.create(keywardHome: environment["KEYWARD_HOME"] ?? "", passphrase: Self.passphrase)
    }

    /// A context like the binary's, with the harness's environment plus `extra` and captured output.
    func context(_ extra: [String: String] = [:]) -> CommandContext {
        let output = CommandOutput(
            standardOutput: { [self] text in self.captured.withLock { $0.stdout += text } },
            standardError: { [self] text in self.captured.withLock { $0.stderr += text } })
        return CommandContext(
            environment: Environment(environment.merging(extra) { _, new in new }),
            logger: Logger(label: "keyward-test", factory: { _ in SwiftLogNoOpLogHandler() }),
            requestedBackend: environment["KEYWARD_BACKEND"], output: output)
    }

    /// Runs `body` (a command's `run(in:)`) and reports what it printed and how it ended; an error is
    /// rendered as `ErrorPresenter` renders it for the binary.
    func run(_ extra: [String: String] = [:], _ body: (CommandContext) async throws -> Void) async -> Outcome {
        captured.withLock { $0 = Outcome(status: 0, stdout: "", stderr: "") }
        let context = context(extra)
        do {
            try await body(context)
        } catch {
            context.output.standardError(ErrorPresenter.line(ErrorPresenter.message(for: error)))
            captured.withLock { $0.status = ErrorPresenter.exitCode(for: error) }
        }
        return captured.withLock { $0 }
    }

    /// Stores `key` for `profile` as `keyward add PROFILE --env` does, in-process.
    func add(_ profile: String, accessKeyID: String, secret: String) async throws {
        let added = await run(["AWS_ACCESS_KEY_ID": accessKeyID, "AWS_SECRET_ACCESS_KEY": secret]) { context in
            try await AddCommand.parse([profile, "--env"]).run(in: context)
        }
        guard added.status == 0 else { throw TestSupportError.fixtureFailed("add \(profile): \(added.stderr)") }
    }

    /// Files under HOME whose bytes contain `secret`.
    func filesContaining(_ secret: String) -> [String] {
        home.allFiles().filter { $0.contents.range(of: Data(secret.utf8)) != nil }.map(\.path)
    }
}
