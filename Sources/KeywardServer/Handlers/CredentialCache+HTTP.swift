import Hummingbird

extension CredentialCache {
    /// The credentials to serve, or a 503 with a constant message: the cause is in the server's log only.
    func servedOrHTTPError() async throws(HTTPError) -> ServedCredentials {
        do {
            return try await current()
        } catch {
            throw HTTPError(.serviceUnavailable, message: "credentials are unavailable")
        }
    }
}
