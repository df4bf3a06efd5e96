import KeywardAWS

/// Where a ``CredentialServer`` gets the credentials it serves; the credential chain implements it (it refreshes
/// role sessions and re-uses the cached MFA session), tests implement it with fixed or moto-issued credentials.
///
/// ```swift
/// struct FixedSource: CredentialSource {
///     let value: AWSCredentials
///     func credentials() async throws -> AWSCredentials { value }
/// }
/// ```
/// - Warning: The server calls ``credentials()`` at start-up and again whenever what it holds expires within
///   ``CredentialServer/Options/minimumValidity``, once at a time however many clients ask. A source that caches
///   should therefore hand out credentials that outlive that threshold, or answer quickly from its cache.
public protocol CredentialSource: Sendable {
    /// Fresh temporary credentials, with their expiration.
    /// - Returns: The credentials to serve. Credentials without an `expiration` are served as never expiring.
    /// - Throws: Whatever the source fails with; the server logs it and answers its clients with a constant
    ///   5xx message, except at start-up, where ``CredentialServer`` rethrows it unchanged.
    func credentials() async throws -> AWSCredentials
}
