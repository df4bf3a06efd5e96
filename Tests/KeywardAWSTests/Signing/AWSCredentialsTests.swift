import Foundation
import KeywardAWS
import KeywardSystem
import Testing

@Suite("Credentials redaction")
struct AWSCredentialsTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "FwoGZXIvYXdzEXAMPLETOKEN"
    static let credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SecretString(secret),
        sessionToken: SecretString(token), expiration: Date(timeIntervalSince1970: 1_440_938_160))

    @Test func descriptionMasksTheKeyAndHidesSecrets() {
        #expect(
            Self.credentials.description
                == "AWSCredentials(accessKeyID: ****************MPLE, sessionToken: <redacted>, "
                + "expiration: 2015-08-30T12:36:00Z)")
        let longTerm = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: SecretString(Self.secret))
        #expect(
            longTerm.description
                == "AWSCredentials(accessKeyID: ****************MPLE, sessionToken: none, expiration: none)")
    }

    @Test(arguments: [
        ("AKIAIOSFODNN7EXAMPLE", "****************MPLE"), ("ABCDE", "****************BCDE"), ("ABCD", "****"),
        ("", "****"),
    ])
    func maskedAccessKeyID(id: String, expected: String) {
        #expect(AWSCredentials(accessKeyID: id, secretAccessKey: SecretString("s")).maskedAccessKeyID == expected)
    }

    @Test func noRenderingShowsASecret() {
        var dumped = ""
        dump(Self.credentials, to: &dumped)
        let renderings = [
            "\(Self.credentials)", String(describing: Self.credentials), String(reflecting: Self.credentials),
            "\(Self.credentials.secretAccessKey)", String(reflecting: Self.credentials.secretAccessKey),
            "\(Self.credentials.sessionToken as Any)", String(reflecting: Self.credentials.sessionToken),
            dumped, "\(Mirror(reflecting: Self.credentials.secretAccessKey).children.map(\.value))",
        ]
        for rendering in renderings {
            #expect(!rendering.contains(Self.secret) && !rendering.contains(Self.token), "\(rendering)")
        }
        #expect(SecretString(Self.secret).description == "<redacted>")
        #expect(SecretString(Self.token).debugDescription == "SecretString(<redacted>)")
        #expect(Self.credentials.secretAccessKey.unredacted == Self.secret)
    }
}
