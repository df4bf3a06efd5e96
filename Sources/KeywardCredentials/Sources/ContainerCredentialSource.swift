import FoundationEssentials
import Glibc
import KeywardAWS
import KeywardConfig
import KeywardSystem

/// `credential_source = EcsContainer`: the task's or pod's credentials from the container credentials
/// endpoint, fetched as botocore's `ContainerProvider` and `ContainerMetadataFetcher` do (`botocore/utils.py`):
///
/// - `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is a path on the ECS agent, `http://169.254.170.2`; else
///   `AWS_CONTAINER_CREDENTIALS_FULL_URI` is the whole URL. The full URI may only name a loopback
///   address, `localhost` or the EKS Pod Identity agent (`169.254.170.23`, `fd00:ec2::23`), over http or
///   https. botocore also takes any https host; Keyward does not: a variable planted in the environment must
///   not send the authorization token (and take the credentials' role) to a host of the planter's choosing,
///   TLS or not.
/// - `Authorization` is the contents of `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`, read on every request
///   because EKS rotates the file, else `AWS_CONTAINER_AUTHORIZATION_TOKEN`. A trailing line break in the file
///   is dropped (botocore would refuse it).
/// - Each request waits 2 s and is tried 3 times, a second apart (`TIMEOUT_SECONDS`, `RETRY_ATTEMPTS`,
///   `SLEEP_TIME`).
///
/// ```swift
/// let source = ContainerCredentialSource(profile: "task", environment: env)
/// let credentials = try await source.credentials()
/// ```
public struct ContainerCredentialSource: Sendable {
    /// The profile the credentials are for (named in errors).
    public var profile: String
    /// The caller's environment, which holds the endpoint and the token.
    public var environment: Environment
    /// The network seam.
    public var transport: any HTTPTransport
    /// Seconds each request may take.
    public var timeout: Double
    /// Tries of the request.
    public var attempts: Int
    /// Waits between tries (tests pass one that returns at once).
    public var pause: @Sendable (Duration) async -> Void

    /// The ECS agent's address, which a relative URI is a path on.
    public static let agentAddress = "169.254.170.2"
    /// The hosts a full URI may name besides loopback addresses: `localhost` and the EKS Pod Identity agent.
    public static let allowedHosts: Set<String> = ["169.254.170.23", "fd00:ec2::23", "localhost"]

    /// Creates a source; nothing is read or sent until `credentials()`.
    /// - Parameters:
    ///   - profile: the profile whose `credential_source` this is.
    ///   - environment: the caller's environment.
    ///   - transport: the network seam.
    ///   - timeout: seconds per request, at least a fraction of one.
    ///   - attempts: tries, at least 1.
    ///   - pause: the wait between tries.
    public init(
        profile: String, environment: Environment, transport: any HTTPTransport = AsyncHTTPTransport(),
        timeout: Double = 2, attempts: Int = 3,
        pause: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.profile = profile
        self.environment = environment
        self.transport = transport
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.pause = pause
    }

    /// The container's credentials.
    /// - Returns: the credentials; a document with an empty `Token` gives credentials without a session token.
    /// - Throws: `CredentialsError.metadataService` naming the profile and the endpoint (never its path, which
    ///   names the task's credentials, nor the token).
    public func credentials() async throws(CredentialsError) -> AWSCredentials {
        let (url, shown) = try endpoint()
        func fail(_ reason: CredentialsError.MetadataFailure) -> CredentialsError {
            .metadataService(profile: profile, source: .ecsContainer, endpoint: shown, reason)
        }
        var last: CredentialsError.MetadataFailure = .noAnswer(.timeout, attempts: attempts, timeout: timeout)
        for attempt in 0..<attempts {
            if attempt > 0 { await pause(.seconds(1)) }
            var headers = [(name: "Accept", value: "application/json")]
            if let token = try authorizationToken(fail) { headers.append((name: "Authorization", value: token)) }
            let answer: HTTPAnswer
            do {
                answer = try await transport.send(
                    SignableRequest(method: "GET", url: url, headers: headers), timeout: timeout)
            } catch {
                last = .noAnswer(error, attempts: attempts, timeout: timeout)
                continue
            }
            guard answer.status == 200 else {
                last = .status(answer.status, method: "GET", path: "the credentials path", attempts: attempts)
                continue
            }
            guard let document = MetadataCredentialsDocument.decode(answer.body) else {
                last = .notCredentials(code: nil)
                continue
            }
            // botocore fails at once on a JSON document without the fields.
            guard let credentials = document.credentials else { throw fail(.notCredentials(code: nil)) }
            return credentials
        }
        throw fail(last)
    }

    /// The URL to ask and how errors show it (scheme, host and port).
    func endpoint() throws(CredentialsError) -> (URL, String) {
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            let shown = "http://\(Self.agentAddress)"
            let path = relative.hasPrefix("/") ? relative : "/" + relative
            guard let url = URL(string: shown + path) else {
                throw .metadataService(
                    profile: profile, source: .ecsContainer, endpoint: shown,
                    .invalidSetting(setting: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", reason: "not a URL path"))
            }
            return (url, shown)
        }
        guard let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] else {
            throw .metadataService(profile: profile, source: .ecsContainer, endpoint: nil, .containerEndpointUnset)
        }
        guard let url = URL(string: full), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let rawHost = url.host, !rawHost.isEmpty
        else {
            throw .metadataService(
                profile: profile, source: .ecsContainer, endpoint: nil,
                .invalidSetting(setting: "AWS_CONTAINER_CREDENTIALS_FULL_URI", reason: "not an absolute http(s) URL"))
        }
        let host = rawHost.hasPrefix("[") && rawHost.hasSuffix("]") ? String(rawHost.dropFirst().dropLast()) : rawHost
        let shown = "\(scheme)://" + (host.contains(":") ? "[\(host)]" : host) + (url.port.map { ":\($0)" } ?? "")
        guard Self.isLoopback(host) || Self.allowedHosts.contains(host.lowercased()) else {
            throw .metadataService(
                profile: profile, source: .ecsContainer, endpoint: shown, .hostNotAllowed(host: host))
        }
        return (url, shown)
    }

    /// The `Authorization` value: the token file's contents, else the variable; `nil` when neither is set.
    private func authorizationToken(
        _ fail: (CredentialsError.MetadataFailure) -> CredentialsError
    ) throws(CredentialsError) -> String? {
        var token: String
        if let file = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let bytes = try? SecureFile.read(at: file, limit: 64 << 10),
                let text = String(validating: bytes, as: UTF8.self)
            else { throw fail(.authorizationTokenUnreadable(file: file)) }
            token = text
            while token.hasSuffix("\n") || token.hasSuffix("\r") { token.removeLast() }
        } else if let value = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
            token = value
        } else {
            return nil
        }
        // botocore's `_validate_auth_token`: a line break would end the header and start another.
        if token.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            throw fail(.authorizationTokenInvalid)
        }
        return token
    }

    /// Whether `host` is an IPv4 address in 127.0.0.0/8 or the IPv6 loopback, as Python's `ip.is_loopback`
    /// decides it (names such as `localhost` are not addresses; botocore lists `localhost` separately).
    static func isLoopback(_ host: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
        return false
    }
}
