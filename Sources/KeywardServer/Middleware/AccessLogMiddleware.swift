import HTTPTypes
import Hummingbird
import Logging

/// Logs every request at debug level once it is answered: method, path (without the query), status, and the
/// headers with every credential-bearing one shown as `***`.
///
/// It is the outermost middleware, so refusals by the checks after it are logged with their status too.
/// Hummingbird's `LogRequestsMiddleware` logs before the response exists, so it cannot give the status.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Headers whose values never reach a log line.
    static var redactedHeaders: [HTTPField.Name] {
        [.authorization, .proxyAuthorization, .cookie, .imdsToken]
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            log(request, status: response.status, context: context)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            log(request, status: status, context: context)
            throw error
        }
    }

    private func log(_ request: Request, status: HTTPResponse.Status, context: Context) {
        context.logger.debug(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(status.code),
                "headers": .dictionary(Self.redacted(request.headers)),
            ])
    }

    /// The headers as log metadata, credential-bearing values replaced by `***`.
    static func redacted(_ headers: HTTPFields) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        for field in headers {
            let value = redactedHeaders.contains(field.name) ? "***" : field.value
            metadata[field.name.canonicalName] = .string(value)
        }
        return metadata
    }
}
