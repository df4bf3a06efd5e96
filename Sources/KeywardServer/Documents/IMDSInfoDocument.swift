/// What IMDS answers at `/latest/meta-data/iam/info`.
struct IMDSInfoDocument: Encodable, Equatable, Sendable {
    /// Always `Success`.
    let code: String
    let lastUpdated: String
    let instanceProfileARN: String
    let instanceProfileID: String

    enum CodingKeys: String, CodingKey {
        case code = "Code"
        case lastUpdated = "LastUpdated"
        case instanceProfileARN = "InstanceProfileArn"
        case instanceProfileID = "InstanceProfileId"
    }

    init(_ served: ServedCredentials, role: ServedRole) {
        self.code = "Success"
        self.lastUpdated = Timestamp.format(served.lastUpdated)
        self.instanceProfileARN = role.instanceProfileARN
        self.instanceProfileID = role.instanceProfileID
    }
}
