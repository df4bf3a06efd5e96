/// Which credential endpoint a ``CredentialServer`` imitates.
public enum ServerKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The EC2 instance metadata service, version 2 only (session tokens from `PUT /latest/api/token`); the
    /// child finds it through `AWS_EC2_METADATA_SERVICE_ENDPOINT`.
    case ec2
    /// The ECS container credentials endpoint; the child finds it through `AWS_CONTAINER_CREDENTIALS_FULL_URI`
    /// and authenticates with `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
    case ecs

    /// `ec2` or `ecs`, as the `--server` option spells it.
    public var description: String { rawValue }
}
