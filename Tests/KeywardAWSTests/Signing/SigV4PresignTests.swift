import Foundation
import KeywardSystem
import Testing

@testable import KeywardAWS

@Suite("SigV4 presigned URLs")
struct SigV4PresignTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let signer = SigV4Signer(
        credentials: AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            sessionToken: SecretString("a/b+c=")),
        region: "us-east-1", service: "sts")

    @Test(arguments: [0, -1, 604_801, Int.max])
    func expiryOutOfRangeIsRejected(expires: Int) throws {
        let request = SignableRequest(method: "GET", url: try #require(URL(string: "https://sts.amazonaws.com/")))
        #expect(throws: SigningError.expiresOutOfRange(expires)) {
            try Self.signer.presign(request, date: Self.date, expires: expires)
        }
    }

    @Test func expiryBoundsAreAccepted() throws {
        let request = SignableRequest(method: "GET", url: try #require(URL(string: "https://sts.amazonaws.com/")))
        #expect(
            try Self.signer.presign(request, date: Self.date, expires: 1).query()?.contains("X-Amz-Expires=1&") == true)
        #expect(
            try Self.signer.presign(request, date: Self.date, expires: 604_800).query()?.contains(
                "X-Amz-Expires=604800&") == true)
    }

    @Test func presignedURLCannotBePresignedAgain() throws {
        let request = SignableRequest(method: "GET", url: try #require(URL(string: "https://sts.amazonaws.com/")))
        let presigned = try Self.signer.presign(request, date: Self.date, expires: 60)
        #expect(throws: SigningError.presignParameterPresent("X-Amz-Algorithm")) {
            try Self.signer.presign(SignableRequest(method: "GET", url: presigned), date: Self.date, expires: 60)
        }
    }

    @Test func errorDescriptionsAreOneLineOfFact() {
        #expect(
            SigningError.expiresOutOfRange(0).description == "presigned URL expiry must be 1...604800 seconds, got 0")
        #expect(
            SigningError.presignParameterPresent("X-Amz-Signature").description
                == "the URL to presign already has a X-Amz-Signature query parameter")
        #expect(SigningError.unrepresentableURL.description == "cannot build a presigned URL from the request URL")
    }

    @Test func ownParametersComeFirstReencodedAndRepeatedNamesAreKept() throws {
        // botocore's presigner would keep only `a=1` (parse_qs, then the first value) and read `+` as a space.
        let request = SignableRequest(
            method: "GET", url: try #require(URL(string: "https://sts.amazonaws.com/p?b=%7e&a=1&a=x+y&flag#frag")),
            headers: [(name: "X-Custom", value: " v  w ")])
        let url = try Self.signer.presign(request, date: Self.date, expires: 900)
        let steps = try Self.signer.querySigningSteps(for: request, date: Self.date, expires: 900)
        #expect(
            url.absoluteString
                == "https://sts.amazonaws.com/p?b=~&a=1&a=x%2By&flag=&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request"
                + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host%3Bx-custom"
                + "&X-Amz-Security-Token=a%2Fb%2Bc%3D&X-Amz-Signature=\(steps.signature)#frag")
        #expect(
            steps.canonicalRequest == """
                GET
                /p
                X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fsts%2Faws4_request\
                &X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-Security-Token=a%2Fb%2Bc%3D\
                &X-Amz-SignedHeaders=host%3Bx-custom&a=1&a=x%2By&b=~&flag=
                host:sts.amazonaws.com
                x-custom:v w

                host;x-custom
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
    }

    @Test func unsignedSessionTokenIsAppendedAfterSigning() throws {
        var options = SigV4Signer.Options(service: "iotdevicegateway")
        options.signsSessionToken = false
        let signer = SigV4Signer(
            credentials: Self.signer.credentials, region: "us-east-1", service: "iotdevicegateway", options: options)
        let request = SignableRequest(method: "GET", url: try #require(URL(string: "wss://example.com/mqtt")))
        let steps = try signer.querySigningSteps(for: request, date: Self.date, expires: 60)
        #expect(!steps.canonicalRequest.contains("X-Amz-Security-Token"))
        let query = try signer.presign(request, date: Self.date, expires: 60).query(percentEncoded: true) ?? ""
        #expect(query.hasSuffix("&X-Amz-Security-Token=a%2Fb%2Bc%3D&X-Amz-Signature=\(steps.signature)"))
    }

    @Test func s3PresignsUnsignedPayloadAndKeepsThePath() throws {
        let signer = SigV4Signer(credentials: Self.signer.credentials, region: "eu-west-3", service: "s3")
        let request = SignableRequest(
            method: "PUT", url: try #require(URL(string: "https://bucket.s3.eu-west-3.amazonaws.com/a//b/../c%20d")),
            body: Array("ignored".utf8))
        let steps = try signer.querySigningSteps(for: request, date: Self.date, expires: 60)
        #expect(steps.canonicalRequest.hasPrefix("PUT\n/a//b/../c%20d\n"))
        #expect(steps.canonicalRequest.hasSuffix("\nhost\nUNSIGNED-PAYLOAD"))
        #expect(
            try signer.presign(request, date: Self.date, expires: 60).path(percentEncoded: true) == "/a//b/../c%20d")
    }
}
