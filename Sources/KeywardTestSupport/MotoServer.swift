import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A `moto_server` (the local AWS emulator, PyPI `moto[server]`) running on 127.0.0.1 for one test.
///
/// ```swift
/// try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
///     let account = try await moto.seedAccount()
///     // call moto.endpoint with account.jo's key ...
/// }
/// ```
/// The server listens on a free loopback port and is stopped when the closure returns or throws.
public final class MotoServer: Sendable {
    /// Whether moto checks signatures and IAM policies.
    public enum AccessControl: Sendable, Equatable {
        /// Every request is accepted (moto's default).
        case open
        /// moto verifies SigV4 signatures and evaluates IAM policies after the first `bootstrapActions`
        /// requests (`INITIAL_NO_AUTH_ACTION_COUNT`).
        case enforced(bootstrapActions: Int)
    }

    /// The base URL, e.g. `http://127.0.0.1:40123`.
    public let endpoint: URL
    /// The TCP port.
    public let port: Int
    /// The access-control mode it was started with.
    public let accessControl: AccessControl
    private let process: TestProcess

    private init(endpoint: URL, port: Int, accessControl: AccessControl, process: TestProcess) {
        self.endpoint = endpoint
        self.port = port
        self.accessControl = accessControl
        self.process = process
    }

    deinit {
        process.send(SIGTERM)
    }

    /// Starts a server, runs `body` with it, and stops it afterwards, also when `body` throws.
    public static func with<T>(
        accessControl: AccessControl = .open, _ body: (MotoServer) async throws -> T
    ) async throws -> T {
        // swift-testing runs suites in parallel; on two cores a dozen python servers starting at once starve
        // each other past any start-up deadline, so only a few run at a time.
        await MotoSlots.shared.acquire()
        do {
            let server = try await start(accessControl: accessControl)
            defer { server.stop() }
            let result = try await body(server)
            await MotoSlots.shared.release()
            return result
        } catch {
            await MotoSlots.shared.release()
            throw error
        }
    }

    /// Starts a server and waits until it accepts connections (30 s at most).
    /// - Throws: `TestSupportError` when python or moto is missing or the server does not come up.
    public static func start(accessControl: AccessControl = .open) async throws -> MotoServer {
        let port = try FreePort.find()
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("AWS_") { environment[key] = nil }
        environment["MOTO_ALLOW_NONEXISTENT_REGION"] = "true"
        if case .enforced(let count) = accessControl {
            environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "\(count)"
        }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(port).log")
        // The log is read by tests that count moto's requests (ExecFixture).
        let process = try TestProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", "\(port)"],
            environment: environment, log: log)
        let server = MotoServer(
            endpoint: URL(string: "http://127.0.0.1:\(port)")!, port: port, accessControl: accessControl,
            process: process)
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            if !process.isRunning {
                let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw TestSupportError.serverDidNotStart("moto_server exited: \(output.suffix(500))")
            }
            if FreePort.accepts(port: port) { return server }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        server.stop()
        throw TestSupportError.serverDidNotStart("moto_server did not answer on port \(port) within 90 s")
    }

    /// Stops the server and waits for it to exit (SIGKILL after 5 s).
    public func stop() {
        guard process.isRunning else { return }
        process.stopWaiting(grace: .seconds(5))
    }
}

/// Failures of the test harness itself.
public enum TestSupportError: Error, CustomStringConvertible {
    /// The emulator did not come up.
    case serverDidNotStart(String)
    /// A fixture script failed.
    case fixtureFailed(String)
    /// No free port could be found.
    case noFreePort

    public var description: String {
        switch self {
        case .serverDidNotStart(let reason): return "moto_server: \(reason)"
        case .fixtureFailed(let reason): return "fixture: \(reason)"
        case .noFreePort: return "no free loopback port"
        }
    }
}

/// A counting semaphore for concurrently running emulators in one test process.
actor MotoSlots {
    static let shared = MotoSlots(limit: 3)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        available = limit
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
