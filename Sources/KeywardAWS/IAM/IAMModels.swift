import Foundation

/// An IAM role as `ListRoles` / `GetRole` describe it.
public struct IAMRole: Sendable, Equatable {
    /// The role name.
    public var name: String
    /// The role ARN.
    public var arn: String
    /// The role's path, e.g. `/`.
    public var path: String
    /// The trust policy (JSON, already URL-decoded).
    public var trustPolicy: String?
    /// The maximum session length in seconds.
    public var maxSessionDuration: Int?
    /// The role's description.
    public var roleDescription: String?

    /// Creates a role.
    public init(
        name: String, arn: String, path: String = "/", trustPolicy: String? = nil, maxSessionDuration: Int? = nil,
        roleDescription: String? = nil
    ) {
        self.name = name
        self.arn = arn
        self.path = path
        self.trustPolicy = trustPolicy
        self.maxSessionDuration = maxSessionDuration
        self.roleDescription = roleDescription
    }
}

/// An MFA device of an IAM user (`ListMFADevices`).
public struct MFADevice: Sendable, Equatable {
    /// The user that owns it.
    public var userName: String
    /// The serial number: an ARN for virtual devices.
    public var serialNumber: String
    /// When it was enabled.
    public var enableDate: Date?

    /// Creates a device.
    public init(userName: String, serialNumber: String, enableDate: Date? = nil) {
        self.userName = userName
        self.serialNumber = serialNumber
        self.enableDate = enableDate
    }
}

/// An access key's metadata (`ListAccessKeys`); never the secret.
public struct AccessKeyMetadata: Sendable, Equatable {
    /// The user that owns it.
    public var userName: String
    /// The access key id.
    public var accessKeyID: String
    /// `Active` or `Inactive`.
    public var status: String
    /// When it was created.
    public var createDate: Date?

    /// Creates metadata.
    public init(userName: String, accessKeyID: String, status: String, createDate: Date? = nil) {
        self.userName = userName
        self.accessKeyID = accessKeyID
        self.status = status
        self.createDate = createDate
    }
}

/// A named policy document, inline or one version of a managed policy.
public struct NamedPolicy: Sendable, Equatable {
    /// The policy name (inline) or ARN (managed).
    public var name: String
    /// The JSON document, URL-decoded.
    public var document: String

    /// Creates a named policy.
    public init(name: String, document: String) {
        self.name = name
        self.document = document
    }
}

/// What `GetAccountAuthorizationDetails` returns, all pages merged.
public struct AccountAuthorizationDetails: Sendable, Equatable {
    /// One IAM user with its policies.
    public struct User: Sendable, Equatable {
        public var name: String
        public var arn: String
        public var groups: [String]
        public var inlinePolicies: [NamedPolicy]
        public var attachedPolicyARNs: [String]
        public var permissionsBoundaryARN: String?
        public var tags: [SessionTag]
    }

    /// One IAM group with its policies.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var arn: String
        public var inlinePolicies: [NamedPolicy]
        public var attachedPolicyARNs: [String]
    }

    /// One IAM role with its policies.
    public struct Role: Sendable, Equatable {
        public var name: String
        public var arn: String
        public var trustPolicy: String?
        public var inlinePolicies: [NamedPolicy]
        public var attachedPolicyARNs: [String]
        public var permissionsBoundaryARN: String?
        public var tags: [SessionTag]
    }

    /// One managed policy: its ARN and the default version's document.
    public struct ManagedPolicy: Sendable, Equatable {
        public var name: String
        public var arn: String
        public var defaultDocument: String?
    }

    public var users: [User] = []
    public var groups: [Group] = []
    public var roles: [Role] = []
    public var policies: [ManagedPolicy] = []

    /// Creates an empty result.
    public init() {}

    /// The default-version document of a managed policy by ARN.
    public func managedPolicyDocument(arn: String) -> String? {
        policies.first { $0.arn == arn }?.defaultDocument
    }
}
