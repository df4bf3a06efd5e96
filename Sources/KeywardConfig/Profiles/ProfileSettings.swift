extension Profile {
    /// `credential_source`: where a role profile takes its source credentials from instead of a profile.
    ///
    /// The raw values are botocore's canonical provider names, matched exactly as botocore does.
    public enum CredentialSource: String, Sendable, CaseIterable {
        /// `AWS_ACCESS_KEY_ID` and friends in the environment.
        case environment = "Environment"
        /// The EC2 instance metadata service.
        case ec2InstanceMetadata = "Ec2InstanceMetadata"
        /// The ECS / container credentials endpoint.
        case ecsContainer = "EcsContainer"
    }

    /// `sts_regional_endpoints`: whether STS calls go to the region's endpoint or, for the regions that
    /// used it before, the global `sts.amazonaws.com`. botocore's default is `regional`.
    public enum STSRegionalEndpoints: String, Sendable, CaseIterable {
        /// The global endpoint for the legacy regions.
        case legacy
        /// Always the region's endpoint.
        case regional
    }

    /// One tag of aws-vault's `session_tags = key1=value1,key2=value2`.
    public struct SessionTag: Sendable, Hashable {
        /// The tag key.
        public var key: String
        /// The tag value.
        public var value: String

        /// Creates a tag.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }
}
