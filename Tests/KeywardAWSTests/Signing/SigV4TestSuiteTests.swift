import Foundation
import Testing

@testable import KeywardAWS

/// The AWS SigV4 test suite (aws-c-auth `tests/aws-signing-test-suite/v4`, copied into `Vectors/v4`).
///
/// Every case is checked twice, for header signing and for presigned query strings: canonical request, string
/// to sign, signature, and the signed request's headers or query parameters, all exactly. No case is skipped:
/// the suite's options (`normalize`, `sign_body`, `omit_session_token`) all map onto ``SigV4Signer/Options``.
/// The suite's SigV4a (asymmetric) cases are not copied; Keyward does not implement SigV4a.
///
/// The suite writes paths as raw bytes on the request line (`/example space/`, `/ሴ`) and treats them as the
/// wire path, which it URI-encodes once more. A `URL` cannot hold such a path unchanged, so the runner feeds
/// the signer the request's parts directly, and additionally runs the public `URL`-based API on every case whose
/// request line a `URL` carries unchanged, expecting the same result.
@Suite("AWS SigV4 test suite")
struct SigV4TestSuiteTests {
    /// The cases as published, minus SigV4a.
    static let expectedNames = [
        "get-header-key-duplicate", "get-header-value-multiline", "get-header-value-order", "get-header-value-trim",
        "get-relative-normalized", "get-relative-relative-normalized", "get-relative-relative-unnormalized",
        "get-relative-unnormalized", "get-slash-dot-slash-normalized", "get-slash-dot-slash-unnormalized",
        "get-slash-normalized", "get-slash-pointless-dot-normalized", "get-slash-pointless-dot-unnormalized",
        "get-slash-unnormalized", "get-slashes-normalized", "get-slashes-unnormalized", "get-space-normalized",
        "get-space-unnormalized", "get-unreserved", "get-utf8", "get-vanilla", "get-vanilla-empty-query-key",
        "get-vanilla-query", "get-vanilla-query-order-encoded", "get-vanilla-query-order-key-case",
        "get-vanilla-query-unreserved", "get-vanilla-utf8-query", "get-vanilla-with-session-token",
        "post-header-key-case", "post-header-key-sort", "post-header-value-case", "post-sts-header-after",
        "post-sts-header-before", "post-vanilla", "post-vanilla-empty-query-value", "post-vanilla-query",
        "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters",
    ]

    /// The cases whose request line no `URL` can hold unchanged; they run through `RequestParts` only.
    static let notURLRepresentable = [
        "get-space-normalized", "get-space-unnormalized", "get-utf8", "get-vanilla-utf8-query",
    ]

    @Test func allCasesAreShipped() {
        #expect(SigV4TestVector.names() == Self.expectedNames)
    }

    @Test(arguments: SigV4TestVector.names())
    func headerSigning(name: String) throws {
        let vector = try SigV4TestVector.load(name)
        let (headers, steps) = vector.signer.signHeaders(vector.parts, date: try vector.date)

        #expect(steps.canonicalRequest == (try vector.expected("header-canonical-request.txt")))
        #expect(steps.stringToSign == (try vector.expected("header-string-to-sign.txt")))
        #expect(steps.signature == (try vector.expected("header-signature.txt")))
        let expected = try SigV4TestVector.HTTPMessage(vector.expected("header-signed-request.txt"))
        #expect(
            headers.first { $0.name == "Authorization" }?.value
                == expected.headers.first { $0.name == "Authorization" }?.value)
        #expect(Self.sorted(headers) == Self.sorted(expected.headers))

        if let request = vector.signableRequest {
            let signed = vector.signer.sign(request, date: try vector.date)
            #expect(Self.sorted(signed.headers) == Self.sorted(headers))
            #expect(vector.signer.headerSigningSteps(for: request, date: try vector.date) == steps)
        } else {
            #expect(Self.notURLRepresentable.contains(name))
        }
    }

    @Test(arguments: SigV4TestVector.names())
    func presigning(name: String) throws {
        let vector = try SigV4TestVector.load(name)
        let expires = vector.context.expirationInSeconds
        let (query, steps) = try vector.signer.presignQuery(vector.parts, date: try vector.date, expires: expires)

        #expect(steps.canonicalRequest == (try vector.expected("query-canonical-request.txt")))
        #expect(steps.stringToSign == (try vector.expected("query-string-to-sign.txt")))
        #expect(steps.signature == (try vector.expected("query-signature.txt")))
        // The suite keeps the request's own parameters as written (`ሴ=bar`) while Keyward re-encodes them the
        // SigV4 way; compare parameters decoded and re-encoded, in a fixed order.
        let expected = try SigV4TestVector.HTTPMessage(vector.expected("query-signed-request.txt"))
        #expect(SigV4URI.encodedParameters(query).sorted() == SigV4URI.encodedParameters(expected.query).sorted())

        if let request = vector.signableRequest {
            let url = try vector.signer.presign(request, date: try vector.date, expires: expires)
            #expect(url.query(percentEncoded: true) == query)
            #expect(url.path(percentEncoded: true) == vector.request.path)
            #expect(try vector.signer.querySigningSteps(for: request, date: vector.date, expires: expires) == steps)
        }
    }

    private static func sorted(_ headers: [(name: String, value: String)]) -> [String] {
        headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted()
    }
}
