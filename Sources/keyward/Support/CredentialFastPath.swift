import Glibc
import KeywardConfig
import KeywardCredentials
import Logging

/// The cached path of `keyward export PROFILE [--format F]`, answered before the argument parser runs.
///
/// `credential_process` runs `keyward export` for every SDK client that starts, so this path must stay near
/// a bare process start (issue 5's benchmark: under 10 ms). Building the argument parser's command tree
/// reflects over every command's properties and costs more than everything else here together, so the
/// plainest spelling is recognised by hand: exactly `export`, one profile and at most `--format F`. Anything
/// else, and any cache miss or error, falls through to the full parser and `ExportCommand`, which does the
/// same work properly (and reports errors); the output is identical either way.
enum CredentialFastPath {
    /// Prints the cached credentials and exits with their status, or returns to let the parser take over.
    static func answerIfCached(_ arguments: [String]) async {
        if let status = await answer(arguments) { exit(status) }
    }

    /// Prints the cached credentials and returns 0 (1 when stdout fails), or returns `nil` on a miss.
    static func answer(_ arguments: [String]) async -> Int32? {
        guard let (profile, format) = parse(Array(arguments.dropFirst())) else { return nil }
        let variables = ProcessEnvironment.current()
        let context = CommandContext(
            fastPathEnvironment: variables,
            requestedBackend: variables["KEYWARD_BACKEND"].flatMap { $0.isEmpty ? nil : $0 })
        guard let resolver = try? context.credentialResolver(mfaToken: nil, options: CredentialOptions()),
            let result = try? await resolver.cachedCredentials(for: profile)
        else { return nil }
        let text = CredentialOutput.render(result, format: format)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return 1
            }
            offset += written
        }
        return 0
    }

    /// `export PROFILE`, `export PROFILE --format F`, `export --format F PROFILE`, `--format=F` too.
    static func parse(_ arguments: [String]) -> (String, ExportCommand.Format)? {
        guard arguments.first == "export", arguments.count >= 2, arguments.count <= 4 else { return nil }
        var profile: String?
        var format = ExportCommand.Format.env
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--format", index + 1 < arguments.count,
                let chosen = ExportCommand.Format(rawValue: arguments[index + 1])
            {
                format = chosen
                index += 2
            } else if argument.hasPrefix("--format="),
                let chosen = ExportCommand.Format(rawValue: String(argument.dropFirst(9)))
            {
                format = chosen
                index += 1
            } else if !argument.hasPrefix("-"), profile == nil {
                profile = argument
                index += 1
            } else {
                return nil
            }
        }
        guard let profile else { return nil }
        return (profile, format)
    }
}

extension CommandContext {
    /// A context built without the argument parser (`--debug` and `--backend` are not on the fast path).
    init(fastPathEnvironment variables: [String: String], requestedBackend: String?) {
        self.init(
            environment: Environment(variables),
            logger: Logger(label: "keyward", factory: { _ in SwiftLogNoOpLogHandler() }),
            requestedBackend: requestedBackend)
    }
}
