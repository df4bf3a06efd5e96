import ArgumentParser
import KeywardAWS
import KeywardCredentials
import KeywardServer

/// Feeds the local credential server from the credential chain: each refresh resolves the profile again,
/// which the session cache answers until the session nears expiry; then STS is called (re-using the cached MFA
/// session, prompting on the terminal only when that has expired too).
struct ProfileCredentialSource: CredentialSource {
    var resolver: CredentialResolver
    var profile: String

    func credentials() async throws -> AWSCredentials {
        try await resolver.credentials(for: profile).credentials
    }
}

extension ServerKind: ExpressibleByArgument {}
