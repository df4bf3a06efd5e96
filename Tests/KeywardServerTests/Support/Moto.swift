import Foundation

/// moto_server (PyPI `moto[server]`) on 127.0.0.1 with a free port, with signatures and IAM policies enforced
/// after three bootstrap calls (`INITIAL_NO_AUTH_ACTION_COUNT=3`, which `sts_fixture.py` relies on).
enum Moto {
    struct DidNotStart: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `body` with moto's endpoint URL, then stops moto, also when `body` throws.
    static func with<T>(_ body: (String) async throws -> T) async throws -> T {
        let port = try Loopback.freePort()
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "3"
        environment["MOTO_ALLOW_NONEXISTENT_REGION"] = "true"
        let process = try RunningProcess(
            ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "\(port)"], environment: environment)
        do {
            try await waitUntilAccepting(port: port, process: process)
            let result = try await body("http://127.0.0.1:\(port)")
            await process.stop(grace: .milliseconds(200))
            return result
        } catch {
            await process.stop(grace: .milliseconds(200))
            throw error
        }
    }

    private static func waitUntilAccepting(port: Int, process: RunningProcess) async throws {
        for _ in 0..<600 {
            guard process.isRunning else {
                throw DidNotStart(description: "moto_server exited: \(process.stderrSoFar.suffix(500))")
            }
            if Loopback.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DidNotStart(description: "moto_server did not listen on \(port) within 30 s")
    }
}
