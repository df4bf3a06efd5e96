import Foundation

/// What the signer reads from a request: the wire path and query apart from the URL, and the `Host` value the
/// URL implies.
///
/// Tests build it directly for the AWS test suite's requests, whose paths (`/example space/`, raw UTF-8)
/// cannot be held in a `URL`.
struct RequestParts: Sendable {
    var method: String
    /// The path as sent, percent-encoded once; empty means `/`.
    var path: String
    /// The query string as sent, without `?`; `nil` when absent.
    var query: String?
    /// The value for a `Host` header when the request has none.
    var host: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(
        method: String, path: String, query: String?, host: String, headers: [(name: String, value: String)],
        body: [UInt8]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.host = host
        self.headers = headers
        self.body = body
    }

    init(_ request: SignableRequest) {
        self.init(
            method: request.method, path: request.url.path(percentEncoded: true),
            query: request.url.query(percentEncoded: true), host: Self.host(of: request.url),
            headers: request.headers, body: request.body)
    }

    /// The `Host` header for a URL: the host in lower case (IPv6 in brackets), with the port unless it is the
    /// scheme's default (RFC 9110 §7.2).
    static func host(of url: URL) -> String {
        guard var host = url.host(percentEncoded: true)?.lowercased() else { return "" }
        if host.contains(":") && !host.hasPrefix("[") {
            host = "[\(host)]"
        }
        if let port = url.port {
            let defaultPort: Int? =
                switch url.scheme?.lowercased() {
                case "http": 80
                case "https": 443
                default: nil
                }
            if port != defaultPort {
                host += ":\(port)"
            }
        }
        return host
    }
}
