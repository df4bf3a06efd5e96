import Hummingbird

/// Refuses (403) every request carrying `X-Forwarded-For` or `Forwarded`, in both modes.
///
/// IMDSv2 refuses `PUT /latest/api/token` with `X-Forwarded-For` so that an open reverse proxy or an SSRF-prone
/// web app on the instance cannot fetch a token for a remote attacker (seed 003); GETs then need that token.
/// We refuse on every request, because our clients are processes on this machine talking to it directly:
/// a forwarding header means a proxy relayed the request, and the ECS endpoint has no token step at which to
/// catch it.
struct ForwardedRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.headers[.xForwardedFor] != nil || request.headers[.forwarded] != nil {
            throw HTTPError(.forbidden, message: "forwarded requests are refused")
        }
        return try await next(request, context)
    }
}
