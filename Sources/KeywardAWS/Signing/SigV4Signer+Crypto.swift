import Crypto
import KeywardSystem

extension SigV4Signer {
    /// The algorithm name that opens the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"

    /// The credential scope, `20150830/us-east-1/iam/aws4_request`.
    /// - Parameters:
    ///   - dateStamp: The `yyyyMMdd` date of the signing instant.
    ///   - region: The region, such as `us-east-1`.
    ///   - service: The signing name of the service, such as `iam`.
    /// - Returns: The scope.
    public static func credentialScope(dateStamp: String, region: String, service: String) -> String {
        "\(dateStamp)/\(region)/\(service)/aws4_request"
    }

    /// The string to sign: algorithm, timestamp, scope and the hex SHA-256 of the canonical request, one a line.
    /// - Parameters:
    ///   - canonicalRequest: The canonical request.
    ///   - amzDate: The `X-Amz-Date` value.
    ///   - scope: The credential scope.
    /// - Returns: The string to sign.
    public static func stringToSign(canonicalRequest: String, amzDate: String, scope: String) -> String {
        let hash = Hex.string(SHA256.hash(data: Array(canonicalRequest.utf8)))
        return "\(algorithm)\n\(amzDate)\n\(scope)\n\(hash)"
    }

    /// The signing key: `HMAC("AWS4" + secret, date)`, then the region, the service and `aws4_request`.
    /// - Parameters:
    ///   - secretAccessKey: The secret access key.
    ///   - dateStamp: The `yyyyMMdd` date of the signing instant.
    ///   - region: The region.
    ///   - service: The signing name of the service.
    /// - Returns: The derived key, valid for that day, region and service.
    public static func signingKey(
        secretAccessKey: SecretString, dateStamp: String, region: String, service: String
    ) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(secretAccessKey.unredacted)".utf8))
        for part in [dateStamp, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    /// The signature: the hex HMAC-SHA256 of the string to sign under the signing key.
    /// - Parameters:
    ///   - stringToSign: The string to sign.
    ///   - signingKey: The key from ``signingKey(secretAccessKey:dateStamp:region:service:)``.
    /// - Returns: 64 lower-case hex digits.
    public static func signature(stringToSign: String, signingKey: SymmetricKey) -> String {
        Hex.string(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    /// The hex SHA-256 of a payload, as the canonical request and `X-Amz-Content-SHA256` carry it.
    /// - Parameter payload: The body bytes.
    /// - Returns: 64 lower-case hex digits.
    public static func payloadHash(_ payload: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: payload))
    }
}
