import Foundation
import KeywardSystem
import Testing

@testable import KeywardAWS

/// Canonical URI, query and headers, exactly, including the inputs where Keyward follows the SigV4
/// specification and botocore does not (listed in `BotocoreAgreementTests`).
@Suite("SigV4 canonicalization")
struct SigV4CanonicalizationTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    @Test(arguments: [
        // (wire path, service, canonical URI)
        ("", "sts", "/"),
        ("", "s3", "/"),  // botocore signs an empty S3 path as ""; the spec says "/".
        ("/", "iam", "/"),
        ("/a/b/../c/./d", "execute-api", "/a/c/d"),
        ("/a/b/..", "sts", "/a"),
        ("/a/b/../", "sts", "/a/"),
        ("//a//b//", "sts", "/a/b/"),
        ("/../..", "sts", "/"),
        ("/a/b/../c/./d", "s3", "/a/b/../c/./d"),
        ("//a//b//", "s3", "//a//b//"),
        ("/%E1%88%B4", "sts", "/%25E1%2588%25B4"),
        ("/%E1%88%B4", "s3", "/%E1%88%B4"),
        ("/doc%20and%20settings/", "iam", "/doc%2520and%2520settings/"),
        ("/a+b!$&'()*,;=:@~", "execute-api", "/a%2Bb%21%24%26%27%28%29%2A%2C%3B%3D%3A%40~"),
        ("/a+b!$&'()*,;=:@~", "s3", "/a+b!$&'()*,;=:@~"),
        ("/a%2Fb", "sts", "/a%252Fb"),
    ])
    func canonicalURI(path: String, service: String, expected: String) {
        let options = SigV4Signer.Options(service: service)
        #expect(
            SigV4URI.canonicalPath(path, normalizing: options.normalizesPath, doubleEncoding: options.doubleEncodesPath)
                == expected)
    }

    @Test(
        arguments: [
            // (wire query, canonical query)
            (nil, ""),
            ("", ""),
            ("b=2&a=1&a=0", "a=0&a=1&b=2"),
            ("Param-3=Value3&Param=Value2&%E1%88%B4=Value1", "%E1%88%B4=Value1&Param=Value2&Param-3=Value3"),
            ("a%20b=1&a-b=2", "a%20b=1&a-b=2"),
            // Decoded, then encoded the SigV4 way: botocore would sign these bytes as sent.
            ("a=%7e&b=%2f&c=/:@", "a=~&b=%2F&c=%2F%3A%40"),
            ("x=%c3%a9", "x=%C3%A9"),
            // `+` is a literal plus (RFC 3986), not a space: botocore's presigner reads a space.
            ("x=a+b", "x=a%2Bb"),
            // Empty pieces are skipped: botocore signs an empty parameter `=` for each.
            ("a=1&&b=2&", "a=1&b=2"),
            ("flag&=v&k=", "=v&flag=&k="),
            ("bad=%zz%4", "bad=%25zz%254"),
            ("a=b=c", "a=b%3Dc"),
        ] as [(String?, String)])
    func canonicalQuery(query: String?, expected: String) {
        #expect(SigV4URI.canonicalQuery(SigV4URI.encodedParameters(query)) == expected)
    }

    @Test func canonicalHeaders() {
        let canonical = SigV4Header.canonicalize([
            (name: "My-Header", value: "  a   b\t\tc  "),
            (name: "host", value: "example.com"),
            (name: "MY-HEADER", value: "second"),
            (name: "User-Agent", value: "curl/8"),
            (name: "X-Amzn-Trace-Id", value: "Root=1"),
            (name: "Connection", value: "keep-alive"),
            (name: "Empty", value: "   "),
            (name: "Folded", value: "one\r\n  two"),
            (name: "my-header", value: "third"),
        ])
        #expect(
            canonical.block == """
                empty:
                folded:one two
                host:example.com
                my-header:a b c,second,third

                """)
        #expect(canonical.signed == "empty;folded;host;my-header")
    }

    @Test func nonASCIIWhitespaceIsKept() {
        // botocore's str.split() would collapse U+00A0; the spec speaks of spaces.
        #expect(SigV4Header.canonicalize([(name: "a", value: "x\u{00A0} y")]).block == "a:x\u{00A0} y\n")
    }

    @Test func signReplacesStaleHeadersAndAddsHost() throws {
        let request = SignableRequest(
            method: "POST", url: try #require(URL(string: "http://[::1]:8080/")),
            headers: [
                (name: "authorization", value: "stale"), (name: "x-amz-date", value: "20000101T000000Z"),
                (name: "X-Amz-Security-Token", value: "stale-token"), (name: "Date", value: "Mon, 01 Jan 2000"),
            ])
        var credentials = Self.credentials
        credentials.sessionToken = SecretString("token/+=")
        let signed = SigV4Signer(credentials: credentials, region: "us-east-1", service: "sts")
            .sign(request, date: Self.date)
        #expect(
            signed.headers.map(\.name) == ["Date", "Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(signed.headerValues(named: "host") == ["[::1]:8080"])
        #expect(signed.headerValues(named: "x-amz-security-token") == ["token/+="])
        #expect(signed.headerValues(named: "x-amz-date") == ["20150830T123600Z"])
        // Keyward signs a Date header as given; botocore would replace it.
        #expect(
            signed.headerValues(named: "authorization").first?.contains(
                "SignedHeaders=date;host;x-amz-date;x-amz-security-token,") == true)
    }

    @Test func signKeepsAGivenHostAndAStaleTokenWithoutSessionCredentials() throws {
        let request = SignableRequest(
            method: "GET", url: try #require(URL(string: "https://example.com:443/")),
            headers: [(name: "HOST", value: "other.example.com"), (name: "X-Amz-Security-Token", value: "kept")])
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "iam")
        let steps = signer.headerSigningSteps(for: request, date: Self.date)
        #expect(
            steps.canonicalRequest.contains(
                "host:other.example.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:kept\n"))
        #expect(signer.sign(request, date: Self.date).headers.filter { $0.name.lowercased() == "host" }.count == 1)
    }

    @Test(arguments: [
        ("https://example.com:443/", "example.com"), ("http://example.com:80/", "example.com"),
        ("http://example.com:443/", "example.com:443"), ("https://Example.COM:8443/", "example.com:8443"),
        ("http://127.0.0.1:5000/", "127.0.0.1:5000"), ("https://[::1]/", "[::1]"),
    ])
    func hostHeader(url: String, expected: String) throws {
        #expect(RequestParts.host(of: try #require(URL(string: url))) == expected)
    }

    @Test func s3SignsADeclaredPayloadHash() throws {
        // botocore's S3 signer overwrites X-Amz-Content-SHA256 with the body's hash; S3 defines the header as
        // the payload hash the caller declares, so UNSIGNED-PAYLOAD and streaming values are signed as given.
        let request = SignableRequest(
            method: "PUT", url: try #require(URL(string: "https://bucket.s3.amazonaws.com/key")),
            headers: [(name: "x-amz-content-sha256", value: "UNSIGNED-PAYLOAD")], body: Array("data".utf8))
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "s3")
        let signed = signer.sign(request, date: Self.date)
        #expect(signed.headerValues(named: "X-Amz-Content-SHA256") == ["UNSIGNED-PAYLOAD"])
        #expect(
            signer.headerSigningSteps(for: request, date: Self.date).canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))

        let plain = signer.sign(
            SignableRequest(method: "PUT", url: request.url, body: Array("data".utf8)), date: Self.date)
        #expect(
            plain.headerValues(named: "X-Amz-Content-SHA256") == [
                "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7"
            ])
    }

    @Test func unsignedSessionTokenIsAddedAfterSigning() throws {
        var credentials = Self.credentials
        credentials.sessionToken = SecretString("tok")
        let options = SigV4Signer.Options(
            normalizesPath: true, doubleEncodesPath: true, addsContentSHA256Header: false,
            presignsUnsignedPayload: false, signsSessionToken: false)
        let signer = SigV4Signer(
            credentials: credentials, region: "us-east-1", service: "iotdevicegateway", options: options)
        let request = SignableRequest(method: "GET", url: try #require(URL(string: "wss://example.com/mqtt")))
        let signed = signer.sign(request, date: Self.date)
        #expect(signed.headers.map(\.name) == ["Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(signer.headerSigningSteps(for: request, date: Self.date).signedHeaders == "host;x-amz-date")
    }

    @Test func requestEqualityComparesHeadersInOrder() throws {
        let url = try #require(URL(string: "https://sts.amazonaws.com/"))
        let first = SignableRequest(
            method: "GET", url: url, headers: [(name: "a", value: "1"), (name: "b", value: "2")])
        var second = first
        #expect(first == second)
        second.headers.reverse()
        #expect(first != second)
    }
}
