import Foundation
import Hummingbird
import KeywardAWS
import Logging
import ServiceLifecycle
import UnixSignals

/// A local credential endpoint on 127.0.0.1: an IMDSv2-compatible metadata service (`.ec2`) or an ECS container
/// credentials endpoint (`.ecs`), serving what a ``CredentialSource`` hands out and refreshing it before it
/// expires, so that a long-running child never sees an expired key (issue 7).
///
/// `keyward exec --server` runs it around the child:
/// ```swift
/// let server = CredentialServer(kind: .ecs, source: chain, roleARN: profile.roleARN, logger: logger)
/// let status = try await server.withRunningServer { endpoint in
///     try await runChild(command, environment: endpoint.childEnvironment(from: environment))
/// }
/// ```
/// and `keyward serve` in the foreground, until SIGINT or SIGTERM:
/// ```swift
/// try await server.run { endpoint in printExports(endpoint.environment) }
/// ```
/// Every run draws a new bearer token (ECS) and a new key for IMDS session tokens, both of 256 bits.
public struct CredentialServer: Sendable {
    /// The endpoint it imitates.
    public let kind: ServerKind
    /// The TCP port asked for; 0 lets the system choose (see ``Endpoint/port``).
    public let port: Int
    /// The role name IMDS lists.
    public let roleName: String
    /// The role's ARN, reported as `RoleArn` by the ECS endpoint and used for the IMDS instance profile ARN.
    public let roleARN: String?
    /// Limits and refresh timing.
    public let options: Options
    let source: any CredentialSource
    let logger: Logger
    let now: @Sendable () -> Date

    /// Describes a server; nothing starts until ``withRunningServer(_:)`` or ``run(onListening:)``.
    /// - Parameters:
    ///   - kind: `.ec2` or `.ecs`.
    ///   - source: Where credentials come from; asked at start-up and whenever they near expiry.
    ///   - port: 0...65535 on 127.0.0.1; 0 (the default) picks a free port.
    ///   - roleName: The role name IMDS lists; by default the last part of `roleARN`, else `keyward`. Must be a
    ///     valid IAM role name (letters, digits, `+=,.@_-`, at most 64).
    ///   - roleARN: The role's ARN when known (`nil` for a user's session).
    ///   - options: Limits and refresh timing.
    ///   - logger: Receives a debug line per request, refreshes, and source failures; never a secret.
    public init(
        kind: ServerKind, source: any CredentialSource, port: Int = 0, roleName: String? = nil,
        roleARN: String? = nil, options: Options = Options(), logger: Logger
    ) {
        self.init(
            kind: kind, source: source, port: port, roleName: roleName, roleARN: roleARN, options: options,
            logger: logger, now: { Date() })
    }

    /// As the public initializer, with the clock injected (tests).
    init(
        kind: ServerKind, source: any CredentialSource, port: Int, roleName: String?, roleARN: String?,
        options: Options, logger: Logger, now: @escaping @Sendable () -> Date
    ) {
        self.kind = kind
        self.source = source
        self.port = port
        self.roleName = roleName ?? roleARN.flatMap(ServedRole.name(fromARN:)) ?? "keyward"
        self.roleARN = roleARN
        self.options = options
        self.logger = logger
        self.now = now
    }

    /// Fetches credentials, starts listening, runs `body` with the endpoint, then shuts the server down
    /// gracefully (also when `body` throws) and returns what `body` returned.
    /// - Parameter body: Runs while the server listens; typically starts the child and waits for it.
    /// - Returns: `body`'s result.
    /// - Throws: ``ServerError`` for a bad port or role name, a failed bind, or credentials that had expired when
    ///   fetched at start-up; the ``CredentialSource``'s own error if that fetch fails; otherwise whatever `body`
    ///   throws.
    public func withRunningServer<Result>(_ body: (Endpoint) async throws -> Result) async throws -> Result {
        let run = try await prepare()
        let group = serviceGroup(for: run, signals: [])
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { run.listening.finish() }
                try await group.run()
            }
            let endpoint = try await run.waitUntilListening(tasks: &tasks)
            let result: Result
            do {
                result = try await body(endpoint)
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        }
    }

    /// Fetches credentials, starts listening, calls `onListening` once with the endpoint, and serves until
    /// SIGINT or SIGTERM, then shuts down gracefully and returns.
    /// - Parameter onListening: Called once the port is known, e.g. to print the variables to export.
    /// - Throws: As ``withRunningServer(_:)``.
    /// - Warning: Installs handlers for SIGINT and SIGTERM for the duration of the call.
    public func run(onListening: @Sendable (Endpoint) async -> Void = { _ in }) async throws {
        let run = try await prepare()
        let group = serviceGroup(for: run, signals: [.sigint, .sigterm])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { run.listening.finish() }
                try await group.run()
            }
            let endpoint = try await run.waitUntilListening(tasks: &tasks)
            await onListening(endpoint)
            try await tasks.waitForAll()
        }
    }

    private func serviceGroup(for run: PreparedRun, signals: [UnixSignal]) -> ServiceGroup {
        var configuration = ServiceGroupConfiguration(
            services: [run.application], gracefulShutdownSignals: signals, logger: logger)
        // Requests in flight get this long to finish; a client stalled mid-request does not hold shutdown up.
        configuration.maximumGracefulShutdownDuration = .seconds(10)
        return ServiceGroup(configuration: configuration)
    }
}
