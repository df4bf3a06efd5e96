import Hummingbird

/// Requires `Authorization` to be exactly the run's bearer token on the ECS endpoint: 401 without the header,
/// 403 with any other value. The comparison takes the same time whatever the value.
struct AuthorizationTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: BearerToken

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let presented = request.headers[.authorization] else {
            throw HTTPError(.unauthorized, message: "missing authorization token")
        }
        guard token.matches(presented) else {
            throw HTTPError(.forbidden, message: "invalid authorization token")
        }
        return try await next(request, context)
    }
}
