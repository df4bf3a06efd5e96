import Hummingbird

/// `PUT /latest/api/token`: a session token for `X-aws-ec2-metadata-token-ttl-seconds` seconds (1...21600),
/// echoed in the response's header of the same name, as IMDSv2 does; 400 when the header is missing or out of
/// range.
struct IMDSTokenHandler: Sendable {
    let tokens: IMDSTokens

    @Sendable func issue(_ request: Request, context: some RequestContext) throws -> Response {
        guard let value = request.headers[.imdsTokenTTL], let ttl = Self.ttl(from: value) else {
            throw HTTPError(.badRequest, message: "X-aws-ec2-metadata-token-ttl-seconds must be 1 to 21600")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain", .imdsTokenTTL: String(ttl)],
            body: .init(byteBuffer: ByteBuffer(string: tokens.issue(ttl: ttl))))
    }

    /// The TTL a header asks for: decimal digits only, 1...``IMDSTokens/maximumTTL``.
    static func ttl(from value: String) -> Int? {
        guard (1...5).contains(value.utf8.count), value.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let ttl = Int(value), (1...IMDSTokens.maximumTTL).contains(ttl)
        else { return nil }
        return ttl
    }
}
