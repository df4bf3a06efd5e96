import Dispatch
import Foundation
import Glibc
import KeywardCredentials
import KeywardServer

extension ExecCommand {
    /// `exec --server ec2|ecs`: Keyward stays alive to serve credentials on 127.0.0.1, so the program runs as a
    /// child; signals Keyward receives are forwarded to it, and Keyward exits with its status.
    func runWithServer(
        _ kind: ServerKind, resolver: CredentialResolver, context: CommandContext, executable: String,
        arguments: [String]
    ) async throws -> Never {
        let roleARN = try? resolver.plan(for: profile).0.roles.last?.roleARN
        let server = CredentialServer(
            kind: kind, source: ProfileCredentialSource(resolver: resolver, profile: profile), roleARN: roleARN,
            logger: context.logger)
        let status: Int32 = try await server.withRunningServer { endpoint in
            var environment = endpoint.childEnvironment(from: context.environment.variables)
            environment["KEYWARD_PROFILE"] = profile
            return try await Self.runChild(executable: executable, arguments: arguments, environment: environment)
        }
        Glibc.exit(status)
    }

    static func runChild(
        executable: String, arguments: [String], environment: [String: String]
    ) async throws
        -> Int32
    {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = Array(arguments.dropFirst())
        child.environment = environment
        let forwarded = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        var sources: [DispatchSourceSignal] = []
        for signalNumber in forwarded {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { if child.isRunning { kill(child.processIdentifier, signalNumber) } }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }
        // The process's own exit ends the wait (no polling): the handler runs once the child is reaped.
        let exited = AsyncStream<Void> { continuation in
            child.terminationHandler = { _ in
                continuation.yield()
                continuation.finish()
            }
        }
        do {
            try child.run()
        } catch {
            throw CommandError.childNotStarted(program: arguments[0], reason: error.localizedDescription)
        }
        for await _ in exited { break }
        return child.terminationReason == .uncaughtSignal ? 128 + child.terminationStatus : child.terminationStatus
    }
}
