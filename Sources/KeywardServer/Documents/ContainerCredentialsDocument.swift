import Foundation

/// The container credentials JSON the SDKs parse (`AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`, and
/// `RoleArn` when known), as the ECS agent serves it.
struct ContainerCredentialsDocument: Encodable, Equatable, Sendable {
    let accessKeyID: String
    let secretAccessKey: String
    let token: String
    let expiration: String
    let roleARN: String?

    enum CodingKeys: String, CodingKey {
        case accessKeyID = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case expiration = "Expiration"
        case roleARN = "RoleArn"
    }

    /// - Parameter expiration: What to report as `Expiration` (see ``ServedCredentials/reportedExpiration(now:)``).
    init(_ served: ServedCredentials, roleARN: String?, expiration: Date) {
        self.accessKeyID = served.credentials.accessKeyID
        self.secretAccessKey = served.credentials.secretAccessKey.unredacted
        self.token = served.credentials.sessionToken?.unredacted ?? ""
        self.expiration = Timestamp.format(expiration)
        self.roleARN = roleARN
    }
}

extension ServedCredentials {
    /// The expiry clients are told: the real one, or an hour from now for credentials that never expire, because
    /// every SDK requires the field and will then simply ask again in under an hour.
    func reportedExpiration(now: Date) -> Date {
        credentials.expiration ?? now.addingTimeInterval(3600)
    }
}
