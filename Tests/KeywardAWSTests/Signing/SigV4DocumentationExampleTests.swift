import Foundation
import KeywardSystem
import Testing

@testable import KeywardAWS

/// The worked examples of the AWS documentation: IAM `ListUsers` ("Signature Version 4 signing process",
/// IAM User Guide) and S3's `GET /test.txt` and presigned URL ("Signature calculations for the Authorization
/// header" and "Authenticating requests: using query parameters", S3 API Reference).
@Suite("AWS documentation examples")
struct SigV4DocumentationExampleTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z
    static let iamCredentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
    static let s3Credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))

    @Test func iamListUsers() throws {
        let request = SignableRequest(
            method: "GET",
            url: try #require(URL(string: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")),
            headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")])
        let signer = SigV4Signer(credentials: Self.iamCredentials, region: "us-east-1", service: "iam")

        let steps = signer.headerSigningSteps(for: request, date: Self.date)
        #expect(
            steps.canonicalRequest == """
                GET
                /
                Action=ListUsers&Version=2010-05-08
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            steps.stringToSign == """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/iam/aws4_request
                f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59
                """)
        let key = SigV4Signer.signingKey(
            secretAccessKey: Self.iamCredentials.secretAccessKey, dateStamp: "20150830", region: "us-east-1",
            service: "iam")
        #expect(
            key.withUnsafeBytes { Hex.string($0) }
                == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
        #expect(steps.signature == "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")

        let signed = signer.sign(request, date: Self.date)
        #expect(
            signed.headers.map { "\($0.name): \($0.value)" } == [
                "Content-Type: application/x-www-form-urlencoded; charset=utf-8",
                "Host: iam.amazonaws.com",
                "X-Amz-Date: 20150830T123600Z",
                "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date, "
                    + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            ])
        #expect(signed.url == request.url && signed.body == request.body && signed.method == request.method)
    }

    @Test func s3GetObject() throws {
        let request = SignableRequest(
            method: "GET", url: try #require(URL(string: "https://examplebucket.s3.amazonaws.com/test.txt")),
            headers: [(name: "Range", value: "bytes=0-9")])
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", service: "s3")

        let steps = signer.headerSigningSteps(for: request, date: Self.s3Date)
        #expect(
            steps.canonicalRequest == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            signer.sign(request, date: Self.s3Date).headerValues(named: "authorization") == [
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                    + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                    + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
            ])
    }

    @Test func s3PresignedURL() throws {
        let request = SignableRequest(
            method: "GET", url: try #require(URL(string: "https://examplebucket.s3.amazonaws.com/test.txt")))
        let signer = SigV4Signer(credentials: Self.s3Credentials, region: "us-east-1", service: "s3")

        let url = try signer.presign(request, date: Self.s3Date, expires: 86400)
        #expect(
            url.absoluteString
                == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(
            try signer.querySigningSteps(for: request, date: Self.s3Date, expires: 86400).canonicalRequest.hasSuffix(
                "\nhost\nUNSIGNED-PAYLOAD"))
    }
}
