import FoundationEssentials
import KeywardAWS
import KeywardConfig

/// `credential_source = Ec2InstanceMetadata`: the instance role's credentials from the EC2 instance metadata
/// service, fetched as botocore's `InstanceMetadataFetcher` does (`botocore/utils.py`):
///
/// 1. `PUT /latest/api/token` with `X-aws-ec2-metadata-token-ttl-seconds: 21600`, for an IMDSv2 token;
/// 2. `GET /latest/meta-data/iam/security-credentials/` with `X-aws-ec2-metadata-token`: the role's name;
/// 3. `GET /latest/meta-data/iam/security-credentials/ROLE`: its credentials document.
///
/// Each request waits at most `settings.timeout` seconds and is tried `settings.attempts` times, with no
/// pause, as botocore's loops do. A GET is tried again on a non-200 status, an empty body, a document that
/// is not JSON, or no answer.
///
/// IMDSv1: Keyward falls back exactly when botocore does, so a profile that works with the AWS CLI on an
/// instance works with Keyward there. The token request is "refused" when IMDS answers 403, 404 or 405, when
/// it times out (the answer of an instance whose hop limit is too low for a container never arrives: IMDSv2
/// answers are sent with that hop limit, IMDSv1 answers are not), or when every attempt fails otherwise; then
/// the GETs are sent without a token, unless `ec2_metadata_v1_disabled` / `AWS_EC2_METADATA_V1_DISABLED` is
/// true, which is an error. A `400` to the token request is an error, as botocore's `BadIMDSRequestError`.
/// The fallback adds no exposure beyond the AWS CLI's on the same host, and the SDKs' own switch turns it off.
///
/// ```swift
/// let settings = try InstanceMetadataSource.Settings(
///     environment: env, configuration: .init(profile), profile: "build")
/// let credentials = try await InstanceMetadataSource(profile: "build", settings: settings).credentials()
/// ```
public struct InstanceMetadataSource: Sendable {
    /// The profile the credentials are for (named in errors).
    public var profile: String
    /// Where IMDS is and how patiently it is asked.
    public var settings: Settings
    /// The network seam.
    public var transport: any HTTPTransport

    /// The IMDSv2 token's lifetime asked for, botocore's `IMDSFetcher._TOKEN_TTL`.
    public static let tokenTTL = "21600"
    /// The path that lists the instance's role, then holds its document.
    public static let credentialsPath = "latest/meta-data/iam/security-credentials/"
    static let tokenPath = "latest/api/token"

    /// Creates a source; nothing is sent until `credentials()`.
    /// - Parameters:
    ///   - profile: the profile whose `credential_source` this is.
    ///   - settings: the endpoint, timeout, attempts and IMDSv1 rule.
    ///   - transport: the network seam.
    public init(profile: String, settings: Settings, transport: any HTTPTransport = AsyncHTTPTransport()) {
        self.profile = profile
        self.settings = settings
        self.transport = transport
    }

    /// The instance role's credentials.
    /// - Returns: the credentials; a document with an empty `Token` gives credentials without a session token.
    /// - Throws: `CredentialsError.metadataService` naming the profile and the endpoint.
    public func credentials() async throws(CredentialsError) -> AWSCredentials {
        let (token, unanswered) = try await sessionToken()
        if token == nil, settings.v1Disabled { throw failure(unanswered ?? .tokenUnavailable) }
        let list = try await get(Self.credentialsPath, token: token) { _ in true }
        let role = String(decoding: list, as: UTF8.self).split(whereSeparator: \.isNewline).first
            .map { String($0).trimmingSpaces() }
        guard let role, !role.isEmpty else { throw failure(.noRole) }
        // IAM role names are [\w+=,.@-]; anything else would change the path asked for.
        guard role.unicodeScalars.allSatisfy(Self.isRoleNameCharacter) else {
            throw failure(.notCredentials(code: nil))
        }
        let body = try await get(Self.credentialsPath + role, token: token) {
            MetadataCredentialsDocument.decode($0) != nil
        }
        guard let document = MetadataCredentialsDocument.decode(body), let credentials = document.credentials else {
            throw failure(.notCredentials(code: MetadataCredentialsDocument.decode(body)?.safeCode))
        }
        return credentials
    }

    /// The IMDSv2 token, or `nil` when the request is refused and IMDSv1 should be tried (botocore's
    /// `_fetch_metadata_token`), with the last "no answer" when that was why (shown when IMDSv1 is off).
    func sessionToken() async throws(CredentialsError) -> (String?, CredentialsError.MetadataFailure?) {
        var unanswered: CredentialsError.MetadataFailure?
        let request = SignableRequest(
            method: "PUT", url: try url(Self.tokenPath),
            headers: [(name: "X-aws-ec2-metadata-token-ttl-seconds", value: Self.tokenTTL)])
        for _ in 0..<settings.attempts {
            let answer: HTTPAnswer
            do {
                answer = try await transport.send(request, timeout: settings.timeout)
            } catch {
                // botocore returns at once on a read timeout and tries again after a connection error.
                unanswered = .noAnswer(
                    error, attempts: error == .timeout ? 1 : settings.attempts, timeout: settings.timeout)
                if error == .timeout { return (nil, unanswered) }
                continue
            }
            switch answer.status {
            case 200:
                let token = String(decoding: answer.body, as: UTF8.self)
                return (token.isEmpty ? nil : token, nil)
            case 403, 404, 405:
                return (nil, nil)
            case 400:
                throw failure(.tokenRequestRejected)
            default:
                unanswered = nil
                continue
            }
        }
        return (nil, unanswered)
    }

    /// A GET, tried `settings.attempts` times until a 200 with a body that `accepts` (botocore's `_get_request`).
    private func get(
        _ path: String, token: String?, accepts: ([UInt8]) -> Bool
    ) async throws(CredentialsError) -> [UInt8] {
        let headers = token.map { [(name: "X-aws-ec2-metadata-token", value: $0)] } ?? []
        let request = SignableRequest(method: "GET", url: try url(path), headers: headers)
        var last: CredentialsError.MetadataFailure = .noAnswer(.timeout, attempts: 0, timeout: settings.timeout)
        for _ in 0..<settings.attempts {
            do {
                let answer = try await transport.send(request, timeout: settings.timeout)
                if answer.status == 200, !answer.body.isEmpty, accepts(answer.body) { return answer.body }
                last =
                    answer.status == 200
                    ? .notCredentials(code: nil)
                    : .status(answer.status, method: "GET", path: "/" + path, attempts: settings.attempts)
            } catch {
                last = .noAnswer(error, attempts: settings.attempts, timeout: settings.timeout)
            }
        }
        throw failure(last)
    }

    private static func isRoleNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "_+=,.@-".unicodeScalars.contains(scalar)
    }

    private func url(_ path: String) throws(CredentialsError) -> URL {
        let base = settings.endpoint.hasSuffix("/") ? settings.endpoint : settings.endpoint + "/"
        guard let url = URL(string: base + path) else {
            throw failure(.invalidSetting(setting: "ec2_metadata_service_endpoint", reason: "not a URL"))
        }
        return url
    }

    private func failure(_ reason: CredentialsError.MetadataFailure) -> CredentialsError {
        .metadataService(
            profile: profile, source: .ec2InstanceMetadata, endpoint: settings.displayEndpoint, reason)
    }
}
