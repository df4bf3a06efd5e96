import KeywardAWS

extension CredentialsError {
    /// Why the EC2 instance metadata service or the container credentials endpoint gave no credentials.
    ///
    /// Each `description` is one line of fact; none holds a token, a credential or a response body.
    public enum MetadataFailure: Error, Equatable, Sendable, CustomStringConvertible {
        /// `AWS_EC2_METADATA_DISABLED` is `true`.
        case disabled
        /// A setting holds a value that cannot be used; `setting` names the variable, or the file, line and key.
        case invalidSetting(setting: String, reason: String)
        /// Neither `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` nor `AWS_CONTAINER_CREDENTIALS_FULL_URI` is set.
        case containerEndpointUnset
        /// `AWS_CONTAINER_CREDENTIALS_FULL_URI` names, over plain http, a host that is not loopback and not one of
        /// the container agents' addresses.
        case hostNotAllowed(host: String)
        /// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` cannot be read.
        case authorizationTokenUnreadable(file: String)
        /// The container authorization token holds a line break, which cannot go in a header.
        case authorizationTokenInvalid
        /// No HTTP answer after `attempts` tries of `timeout` seconds each.
        case noAnswer(HTTPTransportFailure, attempts: Int, timeout: Double)
        /// An HTTP status other than 200 (or an empty body) to the last of `attempts` tries.
        case status(Int, method: String, path: String, attempts: Int)
        /// IMDS answered `400 Bad Request` to the token request (botocore's `BadIMDSRequestError`).
        case tokenRequestRejected
        /// No IMDSv2 token could be had and IMDSv1 is disabled (`ec2_metadata_v1_disabled`).
        case tokenUnavailable
        /// The instance lists no IAM role.
        case noRole
        /// The answer is not a credentials document; `code` is the `Code` IMDS sent, if any.
        case notCredentials(code: String?)

        public var description: String {
            switch self {
            case .disabled:
                return "AWS_EC2_METADATA_DISABLED is true; unset it to use the instance's role"
            case .invalidSetting(let setting, let reason):
                return "\(setting): \(reason)"
            case .containerEndpointUnset:
                return
                    "neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set; "
                    + "run inside the container or set one of them"
            case .hostNotAllowed(let host):
                return
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI host \(host) is refused: only a loopback address, localhost, "
                    + "169.254.170.23 or fd00:ec2::23 (EKS Pod Identity) is allowed"
            case .authorizationTokenUnreadable(let file):
                return "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(file)"
            case .authorizationTokenInvalid:
                return "the container authorization token holds a line break"
            case .noAnswer(let failure, let attempts, let timeout):
                let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
                switch failure {
                case .timeout:
                    return "no answer within \(Self.seconds(timeout)) (\(tries))"
                case .connection(let reason):
                    let line = reason.split(whereSeparator: \.isNewline).first.map(String.init) ?? reason
                    return "no answer: \(line) (\(tries))"
                }
            case .status(let status, let method, let path, let attempts):
                return "HTTP \(status) to \(method) \(path)" + (attempts == 1 ? "" : " (\(attempts) attempts)")
            case .tokenRequestRejected:
                return "HTTP 400 to PUT /latest/api/token"
            case .tokenUnavailable:
                return
                    "no IMDSv2 token (PUT /latest/api/token refused or unanswered) and IMDSv1 is disabled "
                    + "(ec2_metadata_v1_disabled / AWS_EC2_METADATA_V1_DISABLED)"
            case .noRole:
                return "the instance has no IAM role"
            case .notCredentials(let code):
                return "the answer is not a credentials document" + (code.map { " (Code: \($0))" } ?? "")
            }
        }

        /// `1 s`, `0.5 s`.
        private static func seconds(_ value: Double) -> String {
            value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
        }
    }
}
