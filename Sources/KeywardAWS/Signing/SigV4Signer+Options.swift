extension SigV4Signer {
    /// How a signer builds the canonical request where services differ. ``init(service:)`` picks the rules of
    /// a service; the memberwise initializer exists for the AWS test suite's variants.
    public struct Options: Sendable, Hashable {
        /// Remove empty, `.` and `..` path segments before signing. Every service but S3, whose object keys may
        /// contain them.
        public var normalizesPath: Bool
        /// URI-encode the (already once-encoded) path again. Every service but S3, which signs it encoded once.
        public var doubleEncodesPath: Bool
        /// When signing headers, add `X-Amz-Content-SHA256` with the payload hash and sign it. S3 requires it.
        public var addsContentSHA256Header: Bool
        /// Use `UNSIGNED-PAYLOAD` as the payload hash of presigned URLs (S3), instead of the body's SHA-256.
        public var presignsUnsignedPayload: Bool
        /// Include the session token in what is signed (header or query parameter), as STS, IAM, S3 and nearly
        /// every service require. `false` adds it after signing, as AWS IoT's WebSocket presigning wants.
        public var signsSessionToken: Bool

        /// The rules of one service: S3's single encoding, no normalization, `X-Amz-Content-SHA256` and unsigned
        /// presigned payloads for `"s3"`; normalized, double-encoded paths and signed payloads for the rest.
        /// - Parameter service: The signing name of the service, such as `"sts"`, `"iam"` or `"s3"`.
        public init(service: String) {
            let isS3 = service == "s3"
            self.init(
                normalizesPath: !isS3, doubleEncodesPath: !isS3, addsContentSHA256Header: isS3,
                presignsUnsignedPayload: isS3, signsSessionToken: true)
        }

        /// Options set one by one.
        /// - Parameters:
        ///   - normalizesPath: Remove empty, `.` and `..` path segments.
        ///   - doubleEncodesPath: URI-encode the wire path again.
        ///   - addsContentSHA256Header: Add and sign `X-Amz-Content-SHA256` when signing headers.
        ///   - presignsUnsignedPayload: Sign presigned URLs with `UNSIGNED-PAYLOAD`.
        ///   - signsSessionToken: Sign the session token rather than adding it afterwards.
        public init(
            normalizesPath: Bool, doubleEncodesPath: Bool, addsContentSHA256Header: Bool,
            presignsUnsignedPayload: Bool, signsSessionToken: Bool
        ) {
            self.normalizesPath = normalizesPath
            self.doubleEncodesPath = doubleEncodesPath
            self.addsContentSHA256Header = addsContentSHA256Header
            self.presignsUnsignedPayload = presignsUnsignedPayload
            self.signsSessionToken = signsSessionToken
        }
    }

    /// What one signature was computed from, for tests and `--debug` diagnostics.
    ///
    /// - Warning: `canonicalRequest` contains the session token (as a header or query parameter) when the
    ///   credentials have one. Never log it as is.
    public struct SigningSteps: Sendable, Hashable {
        /// The canonical request.
        public var canonicalRequest: String
        /// The string to sign.
        public var stringToSign: String
        /// The signed header names, `;`-separated.
        public var signedHeaders: String
        /// The signature, 64 lower-case hex digits.
        public var signature: String
    }
}
