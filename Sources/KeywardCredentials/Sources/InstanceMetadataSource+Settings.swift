import FoundationEssentials
import KeywardConfig

extension InstanceMetadataSource {
    /// The profile's IMDS keys as read from the files; the environment's variables win over them when the
    /// source is loaded (`Settings(environment:configuration:profile:)`). botocore reads them from the profile
    /// asked for (the session's profile), not from the one holding `credential_source`.
    public struct Configuration: Sendable, Equatable {
        /// `ec2_metadata_service_endpoint`.
        public var endpoint: ConfigValue?
        /// `ec2_metadata_service_endpoint_mode`: `ipv4` or `ipv6`.
        public var endpointMode: ConfigValue?
        /// `imds_use_ipv6`, the older spelling of `ipv6` mode.
        public var useIPv6: ConfigValue?
        /// `ec2_metadata_v1_disabled`.
        public var v1Disabled: ConfigValue?
        /// `metadata_service_timeout`, whole seconds.
        public var timeout: ConfigValue?
        /// `metadata_service_num_attempts`.
        public var attempts: ConfigValue?

        /// The keys of `profile`.
        /// - Parameter profile: the profile asked for.
        public init(_ profile: Profile) {
            endpoint = profile.value(forKey: "ec2_metadata_service_endpoint")
            endpointMode = profile.value(forKey: "ec2_metadata_service_endpoint_mode")
            useIPv6 = profile.value(forKey: "imds_use_ipv6")
            v1Disabled = profile.value(forKey: "ec2_metadata_v1_disabled")
            timeout = profile.value(forKey: "metadata_service_timeout")
            attempts = profile.value(forKey: "metadata_service_num_attempts")
        }

        /// No keys set.
        public init() {}
    }

    /// Where IMDS is and how it is asked, worked out as botocore does.
    public struct Settings: Sendable, Equatable {
        /// The base URL requests are made under, e.g. `http://169.254.169.254/`.
        public var endpoint: String
        /// Whether IMDSv1 (no token) is refused.
        public var v1Disabled: Bool
        /// Seconds each request may take (botocore's default: 1).
        public var timeout: Double
        /// Tries of each request.
        public var attempts: Int

        /// IMDS on IPv4.
        public static let ipv4Endpoint = "http://169.254.169.254/"
        /// IMDS on IPv6 (Nitro instances).
        public static let ipv6Endpoint = "http://[fd00:ec2::254]/"
        /// Each request once and then once more. botocore's own default is one attempt; the other SDKs retry
        /// (aws-sdk-go-v2 three times), and one retry stays well inside an SDK caller's patience.
        public static let defaultAttempts = 2
        /// One second per request, botocore's `DEFAULT_METADATA_SERVICE_TIMEOUT`.
        public static let defaultTimeout = 1.0

        /// Creates settings.
        public init(
            endpoint: String = ipv4Endpoint, v1Disabled: Bool = false, timeout: Double = defaultTimeout,
            attempts: Int = defaultAttempts
        ) {
            self.endpoint = endpoint
            self.v1Disabled = v1Disabled
            self.timeout = timeout
            self.attempts = attempts
        }

        /// The settings botocore would use (`IMDSFetcher._select_base_url`, `resolve_imds_endpoint_mode`): each
        /// value from its variable, else the profile's key. An endpoint wins over the mode; the mode wins over
        /// `imds_use_ipv6`.
        /// - Parameters:
        ///   - environment: the caller's environment (`AWS_EC2_METADATA_*`, `AWS_METADATA_SERVICE_*`).
        ///   - configuration: the profile's keys.
        ///   - profile: the profile named in errors.
        /// - Throws: `CredentialsError.metadataService` when `AWS_EC2_METADATA_DISABLED` is true or a value is
        ///   unusable.
        public init(
            environment: Environment, configuration: Configuration, profile: String
        ) throws(CredentialsError) {
            func fail(_ reason: CredentialsError.MetadataFailure, endpoint: String? = nil) -> CredentialsError {
                .metadataService(profile: profile, source: .ec2InstanceMetadata, endpoint: endpoint, reason)
            }
            // botocore checks this one variable alone, before every request.
            if environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" { throw fail(.disabled) }
            func pick(_ variable: String, _ value: ConfigValue?, key: String) -> (text: String, setting: String)? {
                if let text = environment[variable] { return (text, variable) }
                return value.map { ($0.text, "\($0.origin): \(key)") }
            }

            if let (text, setting) = pick(
                "AWS_EC2_METADATA_SERVICE_ENDPOINT", configuration.endpoint, key: "ec2_metadata_service_endpoint")
            {
                guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                    scheme == "http" || scheme == "https", url.host?.isEmpty == false
                else {
                    throw fail(.invalidSetting(setting: setting, reason: "not an absolute http(s) URL"), endpoint: text)
                }
                endpoint = text
            } else if let (text, setting) = pick(
                "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", configuration.endpointMode,
                key: "ec2_metadata_service_endpoint_mode")
            {
                switch text.lowercased() {
                case "ipv4": endpoint = Self.ipv4Endpoint
                case "ipv6": endpoint = Self.ipv6Endpoint
                default: throw fail(.invalidSetting(setting: setting, reason: "\(text) is not ipv4 or ipv6"))
                }
            } else if let (text, _) = pick("AWS_IMDS_USE_IPV6", configuration.useIPv6, key: "imds_use_ipv6"),
                text.lowercased() == "true"
            {
                endpoint = Self.ipv6Endpoint
            } else {
                endpoint = Self.ipv4Endpoint
            }
            v1Disabled =
                pick("AWS_EC2_METADATA_V1_DISABLED", configuration.v1Disabled, key: "ec2_metadata_v1_disabled")?
                .text.lowercased() == "true"

            timeout = Self.defaultTimeout
            if let (text, setting) = pick(
                "AWS_METADATA_SERVICE_TIMEOUT", configuration.timeout, key: "metadata_service_timeout")
            {
                guard let seconds = Int(text), (1...3600).contains(seconds) else {
                    throw fail(.invalidSetting(setting: setting, reason: "\(text) is not a whole number of seconds"))
                }
                timeout = Double(seconds)
            }
            attempts = Self.defaultAttempts
            if let (text, setting) = pick(
                "AWS_METADATA_SERVICE_NUM_ATTEMPTS", configuration.attempts, key: "metadata_service_num_attempts")
            {
                guard let count = Int(text), (1...10).contains(count) else {
                    throw fail(.invalidSetting(setting: setting, reason: "\(text) is not a count from 1 to 10"))
                }
                attempts = count
            }
        }

        /// The endpoint as errors show it: scheme, host and port.
        var displayEndpoint: String {
            guard let url = URL(string: endpoint), let scheme = url.scheme, let host = url.host else { return endpoint }
            let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            return "\(scheme)://\(bracketed)" + (url.port.map { ":\($0)" } ?? "")
        }
    }
}
