/// Why a request could not be signed.
public enum SigningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A presigned URL was asked for with `X-Amz-Expires` outside 1...604800 seconds (one second to seven days).
    case expiresOutOfRange(Int)
    /// The URL to presign already carries a SigV4 query parameter (such as `X-Amz-Signature`), named here.
    case presignParameterPresent(String)
    /// The presigned URL could not be rebuilt from the request's URL.
    case unrepresentableURL

    /// One line of fact.
    public var description: String {
        switch self {
        case .expiresOutOfRange(let seconds):
            return "presigned URL expiry must be 1...604800 seconds, got \(seconds)"
        case .presignParameterPresent(let name):
            return "the URL to presign already has a \(name) query parameter"
        case .unrepresentableURL:
            return "cannot build a presigned URL from the request URL"
        }
    }
}
