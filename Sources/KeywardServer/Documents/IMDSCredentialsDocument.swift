import Foundation

/// What IMDS answers at `/latest/meta-data/iam/security-credentials/ROLE`.
struct IMDSCredentialsDocument: Encodable, Equatable, Sendable {
    /// Always `Success`: failures are answered with a 5xx instead.
    let code: String
    let lastUpdated: String
    /// Always `AWS-HMAC`.
    let type: String
    let accessKeyID: String
    let secretAccessKey: String
    let token: String
    let expiration: String

    enum CodingKeys: String, CodingKey {
        case code = "Code"
        case lastUpdated = "LastUpdated"
        case type = "Type"
        case accessKeyID = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case expiration = "Expiration"
    }

    /// - Parameter expiration: What to report as `Expiration` (see ``ServedCredentials/reportedExpiration(now:)``).
    init(_ served: ServedCredentials, expiration: Date) {
        self.code = "Success"
        self.lastUpdated = Timestamp.format(served.lastUpdated)
        self.type = "AWS-HMAC"
        self.accessKeyID = served.credentials.accessKeyID
        self.secretAccessKey = served.credentials.secretAccessKey.unredacted
        self.token = served.credentials.sessionToken?.unredacted ?? ""
        self.expiration = Timestamp.format(expiration)
    }
}
