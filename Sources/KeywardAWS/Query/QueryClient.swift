import Foundation
import Logging

/// Calls one Query-protocol service (STS or IAM): signs each attempt with SigV4, retries throttling,
/// server errors and broken connections with capped backoff, and decodes the XML answer or error.
///
/// ```swift
/// let client = QueryClient(endpoint: try .sts(region: "eu-west-1"), version: "2011-06-15")
/// let result = try await client.send(QueryRequest(action: "GetCallerIdentity", version: "2011-06-15"),
///                                    credentials: creds)
/// ```
public struct QueryClient: Sendable {
    /// Where the service is.
    public var endpoint: ServiceEndpoint
    /// Seconds one attempt may take.
    public var timeout: Double
    /// When to try again.
    public var retryPolicy: RetryPolicy
    /// The network seam (real by default, a fake in tests).
    public var transport: any HTTPTransport
    /// Debug logging (request ids, status, attempts; never bodies or headers).
    public var logger: Logger
    /// The clock used for signing dates.
    public var now: @Sendable () -> Date
    /// How the client waits between attempts.
    public var sleep: @Sendable (Double) async -> Void
    /// A uniform random number in `0..<1` for jitter.
    public var random: @Sendable () -> Double

    /// Creates a client.
    public init(
        endpoint: ServiceEndpoint,
        timeout: Double = 10,
        retryPolicy: RetryPolicy = .standard,
        transport: any HTTPTransport = AsyncHTTPTransport(),
        logger: Logger = Logger(label: "keyward.aws", factory: { _ in SwiftLogNoOpLogHandler() }),
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Double) async -> Void = { seconds in
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
        },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.endpoint = endpoint
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.transport = transport
        self.logger = logger
        self.now = now
        self.sleep = sleep
        self.random = random
    }

    /// Sends the request and returns the `<ActionResult>` element of the answer.
    /// - Parameters:
    ///   - request: the action and its parameters.
    ///   - credentials: the signing credentials; `nil` sends the request unsigned (as
    ///     `AssumeRoleWithSAML` and `AssumeRoleWithWebIdentity` are).
    /// - Throws: `AWSClientError`.
    public func send(
        _ request: QueryRequest, credentials: AWSCredentials?
    ) async throws(AWSClientError)
        -> XMLElementTree
    {
        let operation = "\(endpoint.signingName):\(request.action)"
        let body = request.formBody
        var attempt = 1
        while true {
            let outcome = await attemptOnce(request, body: body, credentials: credentials, operation: operation)
            switch outcome {
            case .success(let tree):
                return tree
            case .failure(let error):
                // Every failed attempt gets a --debug line, the last one too: a person waiting sees why.
                let attempts = "\(attempt)/\(retryPolicy.maxAttempts)"
                guard attempt < retryPolicy.maxAttempts, Self.isRetryable(error) else {
                    logger.debug(
                        "attempt failed, giving up",
                        metadata: ["operation": "\(operation)", "attempt": "\(attempts)", "error": "\(error)"])
                    throw error
                }
                let wait = retryPolicy.delay(afterAttempt: attempt, random: random())
                logger.debug(
                    "attempt failed, retrying",
                    metadata: [
                        "operation": "\(operation)", "attempt": "\(attempts)", "error": "\(error)",
                        "wait": "\(Int((wait * 1000).rounded())) ms",
                    ])
                await sleep(wait)
                attempt += 1
            }
        }
    }

    static func isRetryable(_ error: AWSClientError) -> Bool {
        switch error {
        case .service(let serviceError): return serviceError.isRetryable
        case .transport, .timeout: return true
        case .malformedResponse, .invalidEndpoint, .refusedLocally: return false
        }
    }

    private func attemptOnce(
        _ request: QueryRequest, body: [UInt8], credentials: AWSCredentials?, operation: String
    ) async -> Result<XMLElementTree, AWSClientError> {
        var signable = SignableRequest(
            method: "POST", url: endpoint.url,
            headers: [
                (name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
            ],
            body: body)
        if let credentials {
            signable = SigV4Signer(
                credentials: credentials, region: endpoint.signingRegion, service: endpoint.signingName
            ).sign(signable, date: now())
        }
        let answer: HTTPAnswer
        do {
            answer = try await transport.send(signable, timeout: timeout)
        } catch {
            switch error {
            case .timeout:
                return .failure(.timeout(operation: operation, endpoint: endpoint.description, seconds: timeout))
            case .connection(let reason):
                return .failure(.transport(operation: operation, endpoint: endpoint.description, reason: reason))
            }
        }
        logger.debug("answered", metadata: ["operation": "\(operation)", "status": "\(answer.status)"])
        return Self.decode(answer, action: request.action, operation: operation)
    }

    static func decode(
        _ answer: HTTPAnswer, action: String, operation: String
    ) -> Result<
        XMLElementTree, AWSClientError
    > {
        let tree: XMLElementTree
        do {
            tree = try XMLElementTree.parse(answer.body)
        } catch {
            if answer.status >= 400 {
                return .failure(
                    .service(
                        AWSServiceError(
                            code: "HTTP\(answer.status)", message: "", requestID: nil, httpStatus: answer.status,
                            operation: operation)))
            }
            return .failure(.malformedResponse(operation: operation, reason: "\(error)"))
        }
        if answer.status >= 300 || tree.name == "ErrorResponse" || tree.name == "Response" {
            // Query errors: <ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse>;
            // some emulators and old endpoints use <Response><Errors><Error>.
            let error = tree.child("Error") ?? tree.descendant("Errors", "Error") ?? tree
            return .failure(
                .service(
                    AWSServiceError(
                        code: error.string("Code") ?? "HTTP\(answer.status)",
                        message: error.string("Message") ?? "",
                        requestID: tree.string("RequestId") ?? tree.string("RequestID"),
                        httpStatus: answer.status, operation: operation)))
        }
        guard let result = tree.child("\(action)Result") else {
            if tree.name == "\(action)Response" { return .success(XMLElementTree(name: "\(action)Result")) }
            return .failure(.malformedResponse(operation: operation, reason: "no \(action)Result element"))
        }
        return .success(result)
    }
}
