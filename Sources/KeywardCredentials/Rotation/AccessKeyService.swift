import KeywardAWS

/// The IAM and STS calls a `KeyRotation` makes, behind a protocol so tests can make any of them fail.
///
/// `AWSAccessKeyService` is the real one; a test double records calls and throws where told.
public protocol AccessKeyService: Sendable {
    /// `sts:GetCallerIdentity` signed with `credentials`.
    /// - Parameter credentials: the key to ask with.
    /// - Returns: who the key belongs to.
    /// - Throws: `AWSClientError`.
    func callerIdentity(_ credentials: AWSCredentials) async throws(AWSClientError) -> CallerIdentity

    /// A short MFA session (GetSessionToken with the device's code) to sign the IAM calls with, for users
    /// whose policy (seed 002's `BlockMostAccessUnlessSignedInWithMFA`) denies key management without MFA.
    /// - Parameters:
    ///   - serial: the MFA device.
    ///   - code: its current code.
    ///   - credentials: the long-lived key.
    func mfaSession(
        serial: String, code: String, credentials: AWSCredentials
    ) async throws(AWSClientError) -> AWSCredentials

    func listAccessKeys(
        userName: String, credentials: AWSCredentials
    ) async throws(AWSClientError)
        -> [AccessKeyMetadata]

    /// `iam:CreateAccessKey` for a user.
    /// - Parameters:
    ///   - userName: the IAM user.
    ///   - credentials: the key to sign with.
    /// - Returns: the new key pair.
    /// - Throws: `AWSClientError`.
    func createAccessKey(
        userName: String, credentials: AWSCredentials
    ) async throws(AWSClientError)
        -> AWSCredentials

    /// `iam:DeleteAccessKey`.
    /// - Parameters:
    ///   - accessKeyID: the key to delete.
    ///   - userName: its owner.
    ///   - credentials: the key to sign with (it may be the one being deleted).
    /// - Throws: `AWSClientError`.
    func deleteAccessKey(
        _ accessKeyID: String, userName: String, credentials: AWSCredentials)
        async throws(AWSClientError)
}

/// The real `AccessKeyService`: `STSClient` and `IAMClient` over the Query protocol.
///
/// ```swift
/// let service = AWSAccessKeyService(
///     sts: QueryClient(endpoint: try .sts(region: region)), iam: QueryClient(endpoint: try .iam(region: region)))
/// ```
public struct AWSAccessKeyService: AccessKeyService {
    /// The STS endpoint's client.
    public var sts: QueryClient
    /// The IAM endpoint's client.
    public var iam: QueryClient

    /// A service over two clients.
    /// - Parameters:
    ///   - sts: the client for STS.
    ///   - iam: the client for IAM.
    public init(sts: QueryClient, iam: QueryClient) {
        self.sts = sts
        self.iam = iam
    }

    /// `sts:GetCallerIdentity` (see `AccessKeyService`).
    public func callerIdentity(_ credentials: AWSCredentials) async throws(AWSClientError) -> CallerIdentity {
        try await STSClient(client: sts).getCallerIdentity(credentials: credentials)
    }

    /// `iam:ListAccessKeys` (see `AccessKeyService`).
    /// GetSessionToken with MFA for 15 minutes, STS's shortest.
    public func mfaSession(
        serial: String, code: String, credentials: AWSCredentials
    ) async throws(AWSClientError) -> AWSCredentials {
        try await STSClient(client: sts).getSessionToken(
            credentials: credentials, durationSeconds: 900, serialNumber: serial, tokenCode: code)
    }

    public func listAccessKeys(
        userName: String, credentials: AWSCredentials
    ) async throws(AWSClientError)
        -> [AccessKeyMetadata]
    {
        try await IAMClient(client: iam, credentials: credentials).listAccessKeys(userName: userName)
    }

    /// `iam:CreateAccessKey` (see `AccessKeyService`).
    public func createAccessKey(
        userName: String, credentials: AWSCredentials
    ) async throws(AWSClientError)
        -> AWSCredentials
    {
        try await IAMClient(client: iam, credentials: credentials).createAccessKey(userName: userName)
    }

    /// `iam:DeleteAccessKey` (see `AccessKeyService`).
    public func deleteAccessKey(
        _ accessKeyID: String, userName: String, credentials: AWSCredentials
    )
        async throws(AWSClientError)
    {
        try await IAMClient(client: iam, credentials: credentials).deleteAccessKey(
            accessKeyID: accessKeyID, userName: userName)
    }
}
