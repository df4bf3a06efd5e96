import Hummingbird

/// Refuses (403) requests whose `Host` is not `127.0.0.1:PORT` or `localhost:PORT`, PORT being the port the
/// connection came in on.
///
/// This stops DNS rebinding: a web page from `evil.example` whose name the attacker re-points at 127.0.0.1 can
/// make the browser send requests here, but the browser still sends `Host: evil.example:PORT`
/// (aws-vault issue 578, fixed in `server/ec2server.go`). A request without `Host` (HTTP/1.0) is refused too.
struct HostHeaderMiddleware: RouterMiddleware {
    typealias Context = CredentialRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let port = context.localPort, let host = request.head.authority, Self.isAllowed(host, port: port)
        else {
            throw HTTPError(.forbidden, message: "host not allowed")
        }
        return try await next(request, context)
    }

    /// Whether a `Host` value names this server: `127.0.0.1:PORT` or `localhost:PORT` (any letter case).
    static func isAllowed(_ host: String, port: Int) -> Bool {
        let suffix = ":\(port)"
        guard host.hasSuffix(suffix) else { return false }
        let name = host.dropLast(suffix.count)
        return name == "127.0.0.1" || name.lowercased() == "localhost"
    }
}
