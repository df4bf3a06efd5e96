import Foundation
import KeywardSystem

/// AWS Identity and Access Management over the Query protocol (API version 2010-05-08).
public struct IAMClient: Sendable {
    /// The IAM API version.
    public static let apiVersion = "2010-05-08"

    /// The underlying Query client.
    public var client: QueryClient
    /// The credentials every call is signed with.
    public var credentials: AWSCredentials

    /// Creates an IAM client.
    public init(client: QueryClient, credentials: AWSCredentials) {
        self.client = client
        self.credentials = credentials
    }

    /// `ListRoles`, all pages.
    /// - Parameters:
    ///   - pathPrefix: only roles under this path.
    ///   - pageSize: `MaxItems` per page (1...1000); `nil` lets IAM choose.
    /// - Throws: `AWSClientError`.
    public func listRoles(pathPrefix: String? = nil, pageSize: Int? = nil) async throws(AWSClientError) -> [IAMRole] {
        var roles: [IAMRole] = []
        var parameters: [(String, String)] = []
        if let pathPrefix { parameters.append(("PathPrefix", pathPrefix)) }
        if let pageSize { parameters.append(("MaxItems", String(pageSize))) }
        try await paginate("ListRoles", parameters: parameters) { result in
            roles += result.members(of: "Roles").map(Self.role)
        }
        return roles
    }

    /// `GetRole`.
    /// - Throws: `AWSClientError`.
    public func getRole(name: String) async throws(AWSClientError) -> IAMRole {
        let result = try await send("GetRole", [("RoleName", name)])
        guard let role = result.child("Role") else {
            throw .malformedResponse(operation: "iam:GetRole", reason: "no Role element")
        }
        return Self.role(role)
    }

    /// `ListMFADevices` for a user (the caller when `userName` is nil), all pages.
    /// - Throws: `AWSClientError`.
    public func listMFADevices(userName: String? = nil) async throws(AWSClientError) -> [MFADevice] {
        var devices: [MFADevice] = []
        try await paginate("ListMFADevices", parameters: userName.map { [("UserName", $0)] } ?? []) { result in
            devices += result.members(of: "MFADevices").map {
                MFADevice(
                    userName: $0.string("UserName") ?? "", serialNumber: $0.string("SerialNumber") ?? "",
                    enableDate: $0.string("EnableDate").flatMap(ISO8601Timestamp.parse))
            }
        }
        return devices
    }

    /// `ListAccessKeys` for a user (the caller when `userName` is nil), all pages.
    /// - Throws: `AWSClientError`.
    public func listAccessKeys(userName: String? = nil) async throws(AWSClientError) -> [AccessKeyMetadata] {
        var keys: [AccessKeyMetadata] = []
        try await paginate("ListAccessKeys", parameters: userName.map { [("UserName", $0)] } ?? []) { result in
            keys += result.members(of: "AccessKeyMetadata").map(Self.accessKey)
        }
        return keys
    }

    /// `CreateAccessKey`: a new long-lived key for the user (the caller when `userName` is nil).
    /// - Throws: `AWSClientError`.
    public func createAccessKey(userName: String? = nil) async throws(AWSClientError) -> AWSCredentials {
        let result = try await send("CreateAccessKey", userName.map { [("UserName", $0)] } ?? [])
        let operation = "iam:CreateAccessKey"
        guard let key = result.child("AccessKey"), let id = key.string("AccessKeyId"),
            let secret = key.string("SecretAccessKey")
        else { throw .malformedResponse(operation: operation, reason: "no AccessKey element") }
        return AWSCredentials(accessKeyID: id, secretAccessKey: SecretString(secret))
    }

    /// `DeleteAccessKey`.
    /// - Throws: `AWSClientError`.
    public func deleteAccessKey(accessKeyID: String, userName: String? = nil) async throws(AWSClientError) {
        var parameters = [("AccessKeyId", accessKeyID)]
        if let userName { parameters.append(("UserName", userName)) }
        _ = try await send("DeleteAccessKey", parameters)
    }

    /// `GetAccountAuthorizationDetails`, all pages merged, policy documents URL-decoded.
    /// - Parameters:
    ///   - filter: entity types (`User`, `Role`, `Group`, `LocalManagedPolicy`, `AWSManagedPolicy`); empty for all.
    /// - Throws: `AWSClientError`.
    public func getAccountAuthorizationDetails(
        filter: [String] = []
    ) async throws(AWSClientError)
        -> AccountAuthorizationDetails
    {
        var details = AccountAuthorizationDetails()
        var parameters: [(String, String)] = []
        for (index, entity) in filter.enumerated() { parameters.append(("Filter.member.\(index + 1)", entity)) }
        try await paginate("GetAccountAuthorizationDetails", parameters: parameters) { result in
            IAMClient.merge(result, into: &details)
        }
        return details
    }

    func send(_ action: String, _ parameters: [(String, String)]) async throws(AWSClientError) -> XMLElementTree {
        try await client.send(
            QueryRequest(action: action, version: Self.apiVersion, parameters: parameters), credentials: credentials)
    }

    /// Follows `Marker` / `IsTruncated` until the last page; bounded so a misbehaving server cannot loop us.
    func paginate(
        _ action: String, parameters: [(String, String)], page: (XMLElementTree) -> Void
    ) async throws(AWSClientError) {
        var marker: String?
        for _ in 0..<10_000 {
            var all = parameters
            if let marker { all.append(("Marker", marker)) }
            let result = try await send(action, all)
            page(result)
            guard result.string("IsTruncated") == "true", let next = result.string("Marker"), !next.isEmpty else {
                return
            }
            marker = next
        }
        throw .malformedResponse(operation: "iam:\(action)", reason: "more than 10000 pages")
    }

    static func decodePolicy(_ text: String?) -> String? {
        guard let text else { return nil }
        return text.removingPercentEncoding ?? text
    }

    static func role(_ node: XMLElementTree) -> IAMRole {
        IAMRole(
            name: node.string("RoleName") ?? "", arn: node.string("Arn") ?? "", path: node.string("Path") ?? "/",
            trustPolicy: decodePolicy(node.string("AssumeRolePolicyDocument")),
            maxSessionDuration: node.string("MaxSessionDuration").flatMap { Int($0) },
            roleDescription: node.string("Description"))
    }

    static func accessKey(_ node: XMLElementTree) -> AccessKeyMetadata {
        AccessKeyMetadata(
            userName: node.string("UserName") ?? "", accessKeyID: node.string("AccessKeyId") ?? "",
            status: node.string("Status") ?? "", createDate: node.string("CreateDate").flatMap(ISO8601Timestamp.parse))
    }
}
