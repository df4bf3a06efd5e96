import Foundation
import KeywardAWS

/// The AWS console's federation sign-in, as the IAM User Guide's "custom identity broker" describes it:
/// temporary role credentials are traded at the federation endpoint for a sign-in token, and the token goes
/// into a URL that opens the console as that role session.
///
/// The credentials travel only in the token request (over HTTPS, to the partition's sign-in endpoint); the
/// URL holds the token, which AWS accepts for 15 minutes.
///
/// ```swift
/// let signIn = ConsoleSignIn(region: "eu-west-1")
/// let answer = try await transport.send(try signIn.tokenRequest(for: session), timeout: 10)
/// let url = try signIn.loginURL(token: ConsoleSignIn.signInToken(from: answer))
/// ```
public struct ConsoleSignIn: Sendable {
    /// The federation endpoint, `https://signin.aws.amazon.com/federation` in the `aws` partition.
    public var endpoint: URL
    /// Where the console opens, `https://console.aws.amazon.com/console/home?region=…` unless told.
    public var destination: String
    /// The name the console shows as the sign-in's issuer.
    public var issuer: String
    /// The console session's length in seconds (900 to 43,200), when asked for; AWS's default otherwise.
    public var sessionDuration: Int?

    /// Sign-in for the partition of `region`, opening the console home page in that region.
    /// - Parameters:
    ///   - region: the profile's region (`us-gov-*` and `cn-*` choose those partitions).
    ///   - destination: a console URL or a path on the console (`/s3/home`), the home page when `nil`.
    ///   - endpoint: another federation endpoint (a test server); https, or http on a loopback address.
    ///   - issuer: shown by the console, `keyward` unless told.
    ///   - sessionDuration: the console session's length in seconds, AWS's default when `nil`.
    /// - Throws: `FederationError.insecureSignInEndpoint` for a plain-http endpoint off loopback.
    public init(
        region: String?, destination: String? = nil, endpoint: String? = nil, issuer: String = "keyward",
        sessionDuration: Int? = nil
    ) throws(FederationError) {
        let (signInHost, consoleHost) = Self.hosts(forRegion: region)
        let endpointText = endpoint ?? "https://\(signInHost)/federation"
        guard let url = URL(string: endpointText), let scheme = url.scheme?.lowercased(),
            scheme == "https" || (scheme == "http" && Self.isLoopback(url.host))
        else { throw .insecureSignInEndpoint(endpointText) }
        self.endpoint = url
        let console = "https://\(consoleHost)"
        let home = "\(console)/console/home" + (region.map { "?region=\($0)" } ?? "")
        switch destination {
        case nil: self.destination = home
        case let path? where path.hasPrefix("/"): self.destination = console + path
        case let url?: self.destination = url
        }
        self.issuer = issuer
        self.sessionDuration = sessionDuration
    }

    /// The sign-in and console hosts of the partition `region` belongs to.
    static func hosts(forRegion region: String?) -> (signIn: String, console: String) {
        if let region, region.hasPrefix("us-gov-") {
            return ("signin.amazonaws-us-gov.com", "console.amazonaws-us-gov.com")
        }
        if let region, region.hasPrefix("cn-") { return ("signin.amazonaws.cn", "console.amazonaws.cn") }
        return ("signin.aws.amazon.com", "console.aws.amazon.com")
    }

    /// Whether `host` is a loopback address: an IPv4 literal in 127.0.0.0/8, `::1`, or `localhost`. The
    /// host is parsed, never prefix-matched: `127.attacker.example` is a name anyone can register.
    static func isLoopback(_ host: String?) -> Bool {
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        let values = octets.compactMap { part -> Int? in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(part).flatMap { $0 <= 255 ? $0 : nil }
        }
        return values.count == 4 && values[0] == 127
    }

    /// The `getSigninToken` request for a role session: a GET whose `Session` parameter holds the session as
    /// JSON (`sessionId`, `sessionKey`, `sessionToken`).
    /// - Parameter credentials: temporary credentials with a session token.
    /// - Throws: `FederationError.consoleSignIn` for credentials without a session token.
    public func tokenRequest(for credentials: AWSCredentials) throws(FederationError) -> SignableRequest {
        guard let token = credentials.sessionToken else {
            throw .consoleSignIn(reason: "long-lived keys cannot sign in to the console; use a role profile")
        }
        let session = SessionJSON(
            sessionId: credentials.accessKeyID, sessionKey: credentials.secretAccessKey.unredacted,
            sessionToken: token.unredacted)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(session) else {
            throw .consoleSignIn(reason: "cannot encode the session")
        }
        var parameters = [("Action", "getSigninToken")]
        if let sessionDuration { parameters.append(("SessionDuration", String(sessionDuration))) }
        parameters.append(("Session", String(decoding: json, as: UTF8.self)))
        return SignableRequest(method: "GET", url: Self.url(endpoint, parameters))
    }

    /// The `SigninToken` of the federation endpoint's answer.
    /// - Throws: `FederationError.consoleSignIn` naming the status when the endpoint refused the session.
    public static func signInToken(from answer: HTTPAnswer) throws(FederationError) -> String {
        guard answer.status == 200 else {
            throw .consoleSignIn(
                reason: "the federation endpoint answered HTTP \(answer.status); AWS refuses sessions from "
                    + "GetSessionToken, chained sessions asking for a SessionDuration, and expired sessions")
        }
        guard let body = try? JSONDecoder().decode(TokenAnswer.self, from: Data(answer.body)),
            !body.SigninToken.isEmpty
        else { throw .consoleSignIn(reason: "the federation endpoint's answer holds no SigninToken") }
        return body.SigninToken
    }

    /// The URL that signs in to the console with `token` and opens `destination`.
    public func loginURL(token: String) -> String {
        Self.url(
            endpoint, [("Action", "login"), ("Issuer", issuer), ("Destination", destination), ("SigninToken", token)]
        )
        .absoluteString
    }

    private static func url(_ base: URL, _ parameters: [(String, String)]) -> URL {
        let query = parameters.map { "\($0.0)=\(formEncoded($0.1))" }.joined(separator: "&")
        return URL(string: base.absoluteString + "?" + query) ?? base
    }

    /// Every byte but RFC 3986's unreserved characters percent-encoded, so JSON and URLs survive as values.
    static func formEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private struct SessionJSON: Encodable {
        var sessionId: String
        var sessionKey: String
        var sessionToken: String
    }

    private struct TokenAnswer: Decodable {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var SigninToken: String
    }
}
