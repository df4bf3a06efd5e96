import Foundation
import Logging

@testable import KeywardServer

/// Runs a real server (socket, limits, every check) over `source` for the length of `body`.
func withLiveServer<T>(
    _ kind: ServerKind, source: some CredentialSource = CountingSource(lifetime: 3600, now: { Date() }),
    options: CredentialServer.Options = .init(), logger: Logger = Logger(label: "test"),
    _ body: (CredentialServer.Endpoint) async throws -> T
) async throws -> T {
    let server = CredentialServer(
        kind: kind, source: source, roleARN: "arn:aws:iam::123456789012:role/served", options: options, logger: logger)
    return try await server.withRunningServer(body)
}

/// An HTTP/1.1 request as bytes, closing the connection after the response unless `keepAlive`.
func rawRequest(
    _ method: String, _ path: String, host: String?, headers: [(String, String)] = [], body: String = "",
    version: String = "HTTP/1.1", keepAlive: Bool = false
) -> String {
    var lines = ["\(method) \(path) \(version)"]
    if let host { lines.append("Host: \(host)") }
    lines += headers.map { "\($0.0): \($0.1)" }
    if !keepAlive { lines.append("Connection: close") }
    if !body.isEmpty { lines.append("Content-Length: \(body.utf8.count)") }
    return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
}

extension CredentialServer.Endpoint {
    /// `127.0.0.1:PORT`, the Host value clients send.
    var host: String { "127.0.0.1:\(port)" }

    /// A well-formed credentials request for this endpoint (ECS: with the token; EC2: with `imdsToken`).
    func credentialsRequest(imdsToken: String? = nil) -> String {
        switch kind {
        case .ecs:
            return rawRequest("GET", "/credentials", host: host, headers: [("Authorization", authorizationToken ?? "")])
        case .ec2:
            return rawRequest(
                "GET", "/latest/meta-data/iam/security-credentials/served", host: host,
                headers: [("X-aws-ec2-metadata-token", imdsToken ?? "")])
        }
    }

    /// A fresh IMDS session token from the live server.
    func imdsToken(ttl: Int = 21_600) async throws -> String {
        let reply = try await RawConnection.exchange(
            port: port,
            rawRequest(
                "PUT", "/latest/api/token", host: host, headers: [("X-aws-ec2-metadata-token-ttl-seconds", "\(ttl)")]))
        return reply.body
    }
}
