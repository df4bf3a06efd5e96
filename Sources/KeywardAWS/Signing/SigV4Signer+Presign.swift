import Foundation

extension SigV4Signer {
    /// The query parameters SigV4 presigning adds; a URL that already has one cannot be presigned.
    static let presignParameterNames: [String] = [
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders",
        "X-Amz-Security-Token", "X-Amz-Signature",
    ]

    /// The longest expiry AWS accepts for a SigV4 presigned URL: seven days.
    public static let maximumPresignExpiry = 604_800

    /// Presigns a request: returns its URL with the signature in the query string.
    ///
    /// Adds `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`,
    /// `X-Amz-Security-Token` (with a session token) and, last, `X-Amz-Signature`. The URL's own parameters
    /// come first, in their order, re-encoded the SigV4 way so the URL carries exactly what was signed. The
    /// request's headers (and `Host`) are signed, so whoever uses the URL must send them. The payload hash is
    /// the body's SHA-256, or `UNSIGNED-PAYLOAD` for S3.
    /// - Parameters:
    ///   - request: The request to presign; its URL must not already have a SigV4 query parameter.
    ///   - date: The signing instant; the URL works from then for `expires` seconds.
    ///   - expires: How long the URL stays valid, in seconds: 1...604800.
    /// - Returns: The presigned URL.
    /// - Throws: ``SigningError/expiresOutOfRange(_:)``, ``SigningError/presignParameterPresent(_:)``, or
    ///   ``SigningError/unrepresentableURL``.
    public func presign(_ request: SignableRequest, date: Date, expires: Int) throws(SigningError) -> URL {
        let query = try presignQuery(RequestParts(request), date: date, expires: expires).query
        guard var components = URLComponents(url: request.url, resolvingAgainstBaseURL: false) else {
            throw .unrepresentableURL
        }
        components.percentEncodedQuery = query
        guard let url = components.url else { throw .unrepresentableURL }
        return url
    }

    /// The canonical request, string to sign and signature that ``presign(_:date:expires:)`` computes.
    /// - Parameters:
    ///   - request: The request to presign.
    ///   - date: The signing instant.
    ///   - expires: How long the URL stays valid, in seconds: 1...604800.
    /// - Returns: The intermediate steps.
    /// - Throws: As ``presign(_:date:expires:)``.
    public func querySigningSteps(
        for request: SignableRequest, date: Date, expires: Int
    ) throws(SigningError) -> SigningSteps {
        try presignQuery(RequestParts(request), date: date, expires: expires).steps
    }

    func presignQuery(
        _ parts: RequestParts, date: Date, expires: Int
    ) throws(SigningError) -> (query: String, steps: SigningSteps) {
        guard (1...Self.maximumPresignExpiry).contains(expires) else {
            throw .expiresOutOfRange(expires)
        }
        let parameters = SigV4URI.encodedParameters(parts.query)
        if let taken = parameters.first(where: { Self.presignParameterNames.contains($0.name) }) {
            throw .presignParameterPresent(taken.name)
        }
        let timestamp = SigV4Timestamp(date)
        var headers = parts.headers.filter { !SigV4Header.namesEqual($0.name, "Authorization") }
        if !headers.contains(where: { SigV4Header.namesEqual($0.name, "Host") }) {
            headers.append((name: "Host", value: parts.host))
        }
        let canonical = SigV4Header.canonicalize(headers)
        let scope = Self.credentialScope(dateStamp: timestamp.dateStamp, region: region, service: service)
        // botocore's order; the order does not change the signature, only the URL's bytes.
        var authParameters = [
            ("X-Amz-Algorithm", Self.algorithm),
            ("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope)"),
            ("X-Amz-Date", timestamp.amzDate),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", canonical.signed),
        ].map { QueryParameter(name: $0.0, value: SigV4URI.encoded($0.1.utf8)) }
        let tokenParameter = credentials.sessionToken.map {
            QueryParameter(name: "X-Amz-Security-Token", value: SigV4URI.encoded($0.unredacted.utf8))
        }
        if let tokenParameter, options.signsSessionToken {
            authParameters.append(tokenParameter)
        }
        let payloadHash: String
        if let declared = headers.first(where: { SigV4Header.namesEqual($0.name, "X-Amz-Content-SHA256") }) {
            payloadHash = String(decoding: SigV4Header.trimmed(declared.value), as: UTF8.self)
        } else if options.presignsUnsignedPayload {
            payloadHash = "UNSIGNED-PAYLOAD"
        } else {
            payloadHash = Self.payloadHash(parts.body)
        }
        let canonicalRequest = CanonicalRequest(
            method: parts.method,
            uri: SigV4URI.canonicalPath(
                parts.path, normalizing: options.normalizesPath, doubleEncoding: options.doubleEncodesPath),
            query: SigV4URI.canonicalQuery(parameters + authParameters),
            headers: canonical.block, signedHeaders: canonical.signed, payloadHash: payloadHash)
        let steps = steps(for: canonicalRequest, timestamp: timestamp)
        var sent = parameters + authParameters
        if let tokenParameter, !options.signsSessionToken {
            sent.append(tokenParameter)
        }
        sent.append(QueryParameter(name: "X-Amz-Signature", value: steps.signature))
        return (sent.map { "\($0.name)=\($0.value)" }.joined(separator: "&"), steps)
    }
}
