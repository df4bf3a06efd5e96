import KeywardSystem

extension CredentialServer {
    /// Where a running server listens, and what a child needs to find it.
    public struct Endpoint: Sendable, Equatable {
        /// The endpoint kind.
        public let kind: ServerKind
        /// The bound TCP port on 127.0.0.1.
        public let port: Int
        /// ECS: the full credentials URI (`http://127.0.0.1:PORT/credentials`); EC2: the metadata service's base
        /// URL (`http://127.0.0.1:PORT`).
        public let url: String
        /// ECS only: the bearer token clients must send. A secret: it is in ``environment``, never logged.
        let authorizationToken: String?

        init(kind: ServerKind, port: Int, authorizationToken: String?) {
            self.kind = kind
            self.port = port
            self.authorizationToken = authorizationToken
            switch kind {
            case .ecs: self.url = "http://127.0.0.1:\(port)\(ContainerCredentialsHandler.path)"
            case .ec2: self.url = "http://127.0.0.1:\(port)"
            }
        }

        /// The variables that point a child's SDK at this server: `AWS_CONTAINER_CREDENTIALS_FULL_URI` and
        /// `AWS_CONTAINER_AUTHORIZATION_TOKEN` (ECS), or `AWS_EC2_METADATA_SERVICE_ENDPOINT` and
        /// `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv4` (EC2).
        /// - Warning: Holds the ECS bearer token; print it only where the user asked for it (`keyward serve`).
        public var environment: [String: String] {
            switch kind {
            case .ecs:
                return [
                    "AWS_CONTAINER_CREDENTIALS_FULL_URI": url,
                    "AWS_CONTAINER_AUTHORIZATION_TOKEN": authorizationToken ?? "",
                ]
            case .ec2:
                return [
                    "AWS_EC2_METADATA_SERVICE_ENDPOINT": url,
                    "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv4",
                ]
            }
        }

        /// `parent` without the variables the SDKs would prefer to this server (static keys and profiles
        /// come first in every SDK's chain, a relative container URI or a token file beats the full URI and
        /// token, web identity and container settings beat IMDS) and without Keyward's withheld ones, plus
        /// ``environment``: what the child should run with (`ChildEnvironment`, the one rule).
        /// - Parameter parent: The environment the child would otherwise get (the CLI's `Environment`).
        /// - Returns: The child's environment.
        public func childEnvironment(from parent: [String: String]) -> [String: String] {
            ChildEnvironment.forChild(of: parent, setting: environment)
        }
    }
}
