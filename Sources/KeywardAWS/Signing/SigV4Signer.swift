import Foundation

/// Signs requests with AWS Signature Version 4, in the `Authorization` header or as a presigned URL.
///
/// Follows "Signature Version 4 for API requests" in the AWS IAM User Guide and is checked against the AWS
/// SigV4 test suite and against botocore. A signer is a value: build one per credentials, region and service.
/// ```swift
/// let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "sts")
/// let signed = signer.sign(request, date: Date())        // adds Host, X-Amz-Date, X-Amz-Security-Token, Authorization
/// let url = try signer.presign(request, date: Date(), expires: 900)
/// ```
public struct SigV4Signer: Sendable {
    /// The credentials that sign.
    public let credentials: AWSCredentials
    /// The region in the credential scope, such as `us-east-1`.
    public let region: String
    /// The signing name of the service in the credential scope, such as `sts`, `iam` or `s3`.
    public let service: String
    /// The canonicalization rules, by default those of ``service``.
    public let options: Options

    /// Creates a signer with the canonicalization rules of `service`.
    /// - Parameters:
    ///   - credentials: The credentials that sign.
    ///   - region: The region, such as `us-east-1` (`us-east-1` also for the global STS and IAM endpoints).
    ///   - service: The signing name of the service, such as `sts`, `iam` or `s3`.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.init(credentials: credentials, region: region, service: service, options: Options(service: service))
    }

    /// Creates a signer with explicit canonicalization rules.
    /// - Parameters:
    ///   - credentials: The credentials that sign.
    ///   - region: The region.
    ///   - service: The signing name of the service.
    ///   - options: The canonicalization rules.
    public init(credentials: AWSCredentials, region: String, service: String, options: Options) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// Signs a request in its headers.
    ///
    /// Removes any `Authorization` and `X-Amz-Date` header, then adds `Host` (from the URL, when absent),
    /// `X-Amz-Date`, `X-Amz-Security-Token` (replacing any, when the credentials have a session token),
    /// `X-Amz-Content-SHA256` (S3, unless present) and `Authorization`. Every other header is signed except
    /// hop-by-hop headers, `User-Agent` and `X-Amzn-Trace-Id`, which proxies and HTTP clients may change.
    /// - Parameters:
    ///   - request: The request as it will be sent.
    ///   - date: The signing instant; AWS rejects requests more than 5 minutes from its clock.
    /// - Returns: The request with the signing headers added.
    public func sign(_ request: SignableRequest, date: Date) -> SignableRequest {
        var signed = request
        signed.headers = signHeaders(RequestParts(request), date: date).headers
        return signed
    }

    /// The canonical request, string to sign and signature that ``sign(_:date:)`` computes.
    /// - Parameters:
    ///   - request: The request as it will be sent.
    ///   - date: The signing instant.
    /// - Returns: The intermediate steps.
    public func headerSigningSteps(for request: SignableRequest, date: Date) -> SigningSteps {
        signHeaders(RequestParts(request), date: date).steps
    }

    func signHeaders(
        _ parts: RequestParts, date: Date
    ) -> (headers: [(name: String, value: String)], steps: SigningSteps) {
        let timestamp = SigV4Timestamp(date)
        let token = credentials.sessionToken?.unredacted
        var headers = parts.headers.filter { header in
            !SigV4Header.namesEqual(header.name, "Authorization")
                && !SigV4Header.namesEqual(header.name, "X-Amz-Date")
                && !(token != nil && SigV4Header.namesEqual(header.name, "X-Amz-Security-Token"))
        }
        if !headers.contains(where: { SigV4Header.namesEqual($0.name, "Host") }) {
            headers.append((name: "Host", value: parts.host))
        }
        headers.append((name: "X-Amz-Date", value: timestamp.amzDate))
        if let token, options.signsSessionToken {
            headers.append((name: "X-Amz-Security-Token", value: token))
        }
        let payloadHash: String
        if let declared = headers.first(where: { SigV4Header.namesEqual($0.name, "X-Amz-Content-SHA256") }) {
            payloadHash = String(decoding: SigV4Header.trimmed(declared.value), as: UTF8.self)
        } else {
            payloadHash = Self.payloadHash(parts.body)
            if options.addsContentSHA256Header {
                headers.append((name: "X-Amz-Content-SHA256", value: payloadHash))
            }
        }
        let canonical = SigV4Header.canonicalize(headers)
        let canonicalRequest = CanonicalRequest(
            method: parts.method,
            uri: SigV4URI.canonicalPath(
                parts.path, normalizing: options.normalizesPath, doubleEncoding: options.doubleEncodesPath),
            query: SigV4URI.canonicalQuery(SigV4URI.encodedParameters(parts.query)),
            headers: canonical.block, signedHeaders: canonical.signed, payloadHash: payloadHash)
        let steps = steps(for: canonicalRequest, timestamp: timestamp)
        if let token, !options.signsSessionToken {
            headers.append((name: "X-Amz-Security-Token", value: token))
        }
        let scope = Self.credentialScope(dateStamp: timestamp.dateStamp, region: region, service: service)
        headers.append(
            (
                name: "Authorization",
                value: "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
                    + "SignedHeaders=\(steps.signedHeaders), Signature=\(steps.signature)"
            ))
        return (headers, steps)
    }

    func steps(for canonicalRequest: CanonicalRequest, timestamp: SigV4Timestamp) -> SigningSteps {
        let text = canonicalRequest.text
        let scope = Self.credentialScope(dateStamp: timestamp.dateStamp, region: region, service: service)
        let stringToSign = Self.stringToSign(canonicalRequest: text, amzDate: timestamp.amzDate, scope: scope)
        let key = Self.signingKey(
            secretAccessKey: credentials.secretAccessKey, dateStamp: timestamp.dateStamp, region: region,
            service: service)
        return SigningSteps(
            canonicalRequest: text, stringToSign: stringToSign, signedHeaders: canonicalRequest.signedHeaders,
            signature: Self.signature(stringToSign: stringToSign, signingKey: key))
    }
}
