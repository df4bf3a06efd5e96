import Foundation
import KeywardSystem

/// The AWS Security Token Service over the Query protocol (API version 2011-06-15).
public struct STSClient: Sendable {
    /// The STS API version.
    public static let apiVersion = "2011-06-15"

    /// The underlying Query client (endpoint, retries, transport).
    public var client: QueryClient

    /// Creates an STS client.
    public init(client: QueryClient) {
        self.client = client
    }

    /// `GetCallerIdentity`: who the credentials belong to. Needs no permission.
    /// - Throws: `AWSClientError`.
    public func getCallerIdentity(credentials: AWSCredentials) async throws(AWSClientError) -> CallerIdentity {
        let request = QueryRequest(action: "GetCallerIdentity", version: Self.apiVersion)
        let result = try await client.send(request, credentials: credentials)
        let operation = "sts:GetCallerIdentity"
        return CallerIdentity(
            arn: try Self.required(result, "Arn", operation),
            account: try Self.required(result, "Account", operation),
            userID: try Self.required(result, "UserId", operation))
    }

    /// `GetSessionToken`: a session for an IAM user, optionally proving MFA.
    /// - Parameters:
    ///   - credentials: the IAM user's long-lived key.
    ///   - durationSeconds: 900...129600 (AWS's limits; the service checks).
    ///   - serialNumber: the MFA device ARN or hardware serial.
    ///   - tokenCode: the six-digit code, required with `serialNumber`.
    /// - Throws: `AWSClientError`.
    public func getSessionToken(
        credentials: AWSCredentials, durationSeconds: Int? = nil, serialNumber: String? = nil,
        tokenCode: String? = nil
    ) async throws(AWSClientError) -> AWSCredentials {
        try Self.checkLocally(
            "sts:GetSessionToken", durationSeconds.map { .duration(seconds: $0, call: .getSessionToken) },
            tokenCode.map { .mfaCode($0) })
        var request = QueryRequest(action: "GetSessionToken", version: Self.apiVersion)
        request.add("DurationSeconds", durationSeconds.map(String.init))
        request.add("SerialNumber", serialNumber)
        request.add("TokenCode", tokenCode)
        let result = try await client.send(request, credentials: credentials)
        return try Self.credentials(in: result, operation: "sts:GetSessionToken")
    }

    /// `AssumeRole` with every parameter the API accepts.
    /// - Throws: `AWSClientError`.
    public func assumeRole(
        _ input: AssumeRoleRequest, credentials: AWSCredentials
    ) async throws(AWSClientError)
        -> AssumedRoleSession
    {
        try Self.checkLocally(
            "sts:AssumeRole", .roleARN(input.roleARN),
            input.durationSeconds.map { .duration(seconds: $0, call: .assumeRole) },
            input.tokenCode.map { .mfaCode($0) })
        var request = QueryRequest(action: "AssumeRole", version: Self.apiVersion)
        request.add("RoleArn", input.roleARN)
        request.add("RoleSessionName", input.roleSessionName)
        request.add("DurationSeconds", input.durationSeconds.map(String.init))
        request.add("ExternalId", input.externalID)
        request.add("Policy", input.policy)
        for (index, arn) in input.policyARNs.enumerated() {
            request.add("PolicyArns.member.\(index + 1).arn", arn)
        }
        for (index, tag) in input.tags.enumerated() {
            request.add("Tags.member.\(index + 1).Key", tag.key)
            request.add("Tags.member.\(index + 1).Value", tag.value)
        }
        request.addList("TransitiveTagKeys", input.transitiveTagKeys)
        request.add("SourceIdentity", input.sourceIdentity)
        request.add("SerialNumber", input.serialNumber)
        request.add("TokenCode", input.tokenCode)
        let result = try await client.send(request, credentials: credentials)
        return try Self.session(in: result, operation: "sts:AssumeRole")
    }

    /// `AssumeRoleWithSAML`: unsigned; the assertion is the proof.
    /// - Parameters:
    ///   - roleARN: the role to assume.
    ///   - principalARN: the SAML provider's ARN.
    ///   - samlAssertion: the base64 SAML response as the IdP posted it.
    ///   - durationSeconds: the session's length, or `nil` for the assertion's or the role's default.
    ///   - policyARNs: managed session policies.
    ///   - policy: an inline session policy.
    /// - Throws: `AWSClientError`.
    public func assumeRoleWithSAML(
        roleARN: String, principalARN: String, samlAssertion: String, durationSeconds: Int? = nil,
        policy: String? = nil, policyARNs: [String] = []
    ) async throws(AWSClientError) -> AssumedRoleSession {
        try Self.checkLocally(
            "sts:AssumeRoleWithSAML", .roleARN(roleARN),
            durationSeconds.map { .duration(seconds: $0, call: .assumeRole) })
        var request = QueryRequest(action: "AssumeRoleWithSAML", version: Self.apiVersion)
        request.add("RoleArn", roleARN)
        request.add("PrincipalArn", principalARN)
        request.add("SAMLAssertion", samlAssertion)
        request.add("DurationSeconds", durationSeconds.map(String.init))
        request.add("Policy", policy)
        for (index, arn) in policyARNs.enumerated() {
            request.add("PolicyArns.member.\(index + 1).arn", arn)
        }
        let result = try await client.send(request, credentials: nil)
        return try Self.session(in: result, operation: "sts:AssumeRoleWithSAML")
    }

    /// `AssumeRoleWithWebIdentity`: unsigned; the OIDC token is the proof.
    /// - Throws: `AWSClientError`.
    public func assumeRoleWithWebIdentity(
        roleARN: String, roleSessionName: String, webIdentityToken: String, durationSeconds: Int? = nil,
        providerID: String? = nil, policy: String? = nil, policyARNs: [String] = []
    ) async throws(AWSClientError) -> AssumedRoleSession {
        try Self.checkLocally(
            "sts:AssumeRoleWithWebIdentity", .roleARN(roleARN),
            durationSeconds.map { .duration(seconds: $0, call: .assumeRole) })
        var request = QueryRequest(action: "AssumeRoleWithWebIdentity", version: Self.apiVersion)
        request.add("RoleArn", roleARN)
        request.add("RoleSessionName", roleSessionName)
        request.add("WebIdentityToken", webIdentityToken)
        request.add("DurationSeconds", durationSeconds.map(String.init))
        request.add("ProviderId", providerID)
        request.add("Policy", policy)
        for (index, arn) in policyARNs.enumerated() {
            request.add("PolicyArns.member.\(index + 1).arn", arn)
        }
        let result = try await client.send(request, credentials: nil)
        return try Self.session(in: result, operation: "sts:AssumeRoleWithWebIdentity")
    }

    /// Refuses, before anything is sent, a value STS would refuse (`STSRequestLimits`), so every command that
    /// calls STS gets the same one-line error and spends no call or MFA code on it.
    static func checkLocally(_ operation: String, _ values: STSRequestLimits.Value?...) throws(AWSClientError) {
        do {
            for value in values.compactMap({ $0 }) { try STSRequestLimits.check(value) }
        } catch {
            throw .refusedLocally(operation: operation, reason: error.reason)
        }
    }

    static func session(in result: XMLElementTree, operation: String) throws(AWSClientError) -> AssumedRoleSession {
        let user = result.child("AssumedRoleUser")
        return AssumedRoleSession(
            credentials: try credentials(in: result, operation: operation),
            assumedRoleARN: user?.string("Arn"), assumedRoleID: user?.string("AssumedRoleId"),
            sourceIdentity: result.string("SourceIdentity"), subject: result.string("Subject"))
    }

    static func credentials(in result: XMLElementTree, operation: String) throws(AWSClientError) -> AWSCredentials {
        guard let node = result.child("Credentials") else {
            throw .malformedResponse(operation: operation, reason: "no Credentials element")
        }
        let expirationText = try required(node, "Expiration", operation)
        guard let expiration = ISO8601Timestamp.parse(expirationText) else {
            throw .malformedResponse(operation: operation, reason: "Expiration \"\(expirationText)\" is not ISO 8601")
        }
        return AWSCredentials(
            accessKeyID: try required(node, "AccessKeyId", operation),
            secretAccessKey: SecretString(try required(node, "SecretAccessKey", operation)),
            sessionToken: SecretString(try required(node, "SessionToken", operation)),
            expiration: expiration)
    }

    static func required(_ node: XMLElementTree, _ name: String, _ operation: String) throws(AWSClientError) -> String {
        guard let value = node.string(name), !value.isEmpty else {
            throw .malformedResponse(operation: operation, reason: "no \(name) element")
        }
        return value
    }
}
