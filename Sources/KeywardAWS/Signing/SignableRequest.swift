import Foundation

/// An HTTP request as it will be sent, ready to be signed by ``SigV4Signer``.
///
/// Headers keep their order and duplicates: SigV4 joins the values of a repeated header with commas in the
/// order they appear, so the order is part of the signature.
/// ```swift
/// let request = SignableRequest(
///     method: "POST", url: endpointURL,
///     headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")],
///     body: Array("Action=GetCallerIdentity&Version=2011-06-15".utf8))
/// let signed = SigV4Signer(credentials: credentials, region: "us-east-1", service: "sts")
///     .sign(request, date: Date())
/// ```
public struct SignableRequest: Sendable, Equatable {
    /// The HTTP method, as sent (`GET`, `POST`, ...).
    public var method: String
    /// The absolute URL as it will be sent: scheme, host and optional port, the path percent-encoded once, and
    /// the query string.
    public var url: URL
    /// The headers, in order, duplicates kept.
    public var headers: [(name: String, value: String)]
    /// The body bytes; empty for none.
    public var body: [UInt8]

    /// Creates a request.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - url: The absolute URL, percent-encoded as it goes on the wire.
    ///   - headers: The headers, in order.
    ///   - body: The body bytes.
    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The values of every header called `name` (compared ignoring ASCII case), in order.
    /// - Parameter name: The header name.
    /// - Returns: The values, empty when the header is absent.
    public func headerValues(named name: String) -> [String] {
        headers.filter { SigV4Header.namesEqual($0.name, name) }.map(\.value)
    }

    /// Two requests are equal when method, URL, body and the ordered headers are equal.
    public static func == (lhs: SignableRequest, rhs: SignableRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }
}
