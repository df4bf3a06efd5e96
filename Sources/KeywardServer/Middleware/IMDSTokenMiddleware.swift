import Hummingbird

/// Requires a valid, unexpired `X-aws-ec2-metadata-token` (401 otherwise) on every request it wraps: all of
/// the EC2 endpoint but `PUT /latest/api/token`. IMDSv1, which needs no token, is therefore off.
struct IMDSTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: IMDSTokens

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let token = request.headers[.imdsToken], tokens.isValid(token) else {
            throw HTTPError(.unauthorized, message: "missing, invalid or expired metadata token")
        }
        return try await next(request, context)
    }
}
