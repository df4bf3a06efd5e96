import FoundationEssentials
import KeywardAWS
import KeywardSystem

/// The credentials JSON of IMDS (`/latest/meta-data/iam/security-credentials/ROLE`) and of the container
/// endpoint: `AccessKeyId`, `SecretAccessKey`, `Token`, `Expiration`, and IMDS's `Code`. botocore requires
/// the four credential fields and reads nothing else (`InstanceMetadataFetcher._REQUIRED_CREDENTIAL_FIELDS`,
/// `ContainerProvider._create_fetcher`).
struct MetadataCredentialsDocument: Decodable, Sendable {
    var AccessKeyId: String?
    var SecretAccessKey: String?
    var Token: String?
    var Expiration: String?
    var Code: String?

    /// Decodes an answer's body; `nil` when it is not a JSON object of strings where these keys are.
    static func decode(_ body: [UInt8]) -> MetadataCredentialsDocument? {
        try? JSONDecoder().decode(MetadataCredentialsDocument.self, from: Data(body))
    }

    /// The credentials, or `nil` when a field is missing, a key is empty or the expiry is not ISO 8601.
    /// An empty `Token` means a long-lived key (Keyward's own `serve` of a static key writes one).
    var credentials: AWSCredentials? {
        guard let AccessKeyId, !AccessKeyId.isEmpty, let SecretAccessKey, !SecretAccessKey.isEmpty, let Token,
            let Expiration, let expiration = ISO8601Timestamp.parse(Expiration)
        else { return nil }
        return AWSCredentials(
            accessKeyID: AccessKeyId, secretAccessKey: SecretString(SecretAccessKey),
            sessionToken: Token.isEmpty ? nil : SecretString(Token), expiration: expiration)
    }

    /// IMDS's `Code` when it is a short word (`AssumeRoleUnauthorizedAccess`); other text is not repeated.
    var safeCode: String? {
        guard let Code, (1...64).contains(Code.utf8.count),
            Code.utf8.allSatisfy({
                (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)
            })
        else { return nil }
        return Code
    }
}
