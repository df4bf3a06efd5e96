import Foundation
import KeywardAWS
import KeywardFederation
import KeywardSystem
import Testing

@Suite struct ConsoleSignInTests {
    static let session = AWSCredentials(
        accessKeyID: "ASIAEXAMPLE123", secretAccessKey: SecretString("se/cr+et="),
        sessionToken: SecretString("to/ken+=="))

    @Test func theTokenRequestCarriesTheSessionAsJSON() throws {
        let signIn = try ConsoleSignIn(region: "eu-west-1")
        let request = try signIn.tokenRequest(for: Self.session)
        #expect(request.method == "GET")
        #expect(
            request.url.absoluteString
                == "https://signin.aws.amazon.com/federation?Action=getSigninToken&Session=%7B%22sessionId%22%3A"
                + "%22ASIAEXAMPLE123%22%2C%22sessionKey%22%3A%22se%2Fcr%2Bet%3D%22%2C%22sessionToken%22%3A"
                + "%22to%2Fken%2B%3D%3D%22%7D")
        #expect(request.body.isEmpty)
        let timed = try ConsoleSignIn(region: nil, sessionDuration: 3600).tokenRequest(for: Self.session)
        #expect(timed.url.query?.hasPrefix("Action=getSigninToken&SessionDuration=3600&Session=") == true)
    }

    @Test func theLoginURLOpensTheDestinationInThePartition() throws {
        #expect(
            try ConsoleSignIn(region: "eu-west-1").loginURL(token: "a b/c")
                == "https://signin.aws.amazon.com/federation?Action=login&Issuer=keyward&Destination=https%3A%2F%2F"
                + "console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Deu-west-1&SigninToken=a%20b%2Fc")
        let gov = try ConsoleSignIn(region: "us-gov-west-1", destination: "/iam/home")
        #expect(gov.endpoint.absoluteString == "https://signin.amazonaws-us-gov.com/federation")
        #expect(gov.destination == "https://console.amazonaws-us-gov.com/iam/home")
        let china = try ConsoleSignIn(region: "cn-north-1")
        #expect(china.endpoint.absoluteString == "https://signin.amazonaws.cn/federation")
        #expect(china.destination == "https://console.amazonaws.cn/console/home?region=cn-north-1")
        #expect(try ConsoleSignIn(region: nil).destination == "https://console.aws.amazon.com/console/home")
    }

    @Test func longLivedKeysAndBadAnswersAreRefused() throws {
        let signIn = try ConsoleSignIn(region: nil)
        let key = AWSCredentials(accessKeyID: "AKIAEXAMPLE", secretAccessKey: SecretString("secret"))
        #expect(
            throws: FederationError.consoleSignIn(
                reason: "long-lived keys cannot sign in to the console; use a role profile")
        ) {
            try signIn.tokenRequest(for: key)
        }
        #expect(
            try ConsoleSignIn.signInToken(from: HTTPAnswer(status: 200, body: Array(#"{"SigninToken":"t0k"}"#.utf8)))
                == "t0k")
        #expect(throws: FederationError.self) {
            try ConsoleSignIn.signInToken(from: HTTPAnswer(status: 400, body: []))
        }
        #expect(throws: FederationError.consoleSignIn(reason: "the federation endpoint's answer holds no SigninToken"))
        {
            try ConsoleSignIn.signInToken(from: HTTPAnswer(status: 200, body: Array("<html/>".utf8)))
        }
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/federation", true), ("http://localhost/federation", true),
        ("http://[::1]:9/federation", true), ("https://signin.example.com/f", true),
        ("http://signin.example.com/federation", false), ("ftp://127.0.0.1/", false), ("not a url", false),
        // Issue 12, item 16: loopback is parsed, never prefix-matched.
        ("http://127.attacker.example/federation", false), ("http://127.0.0.1.nip.io/f", false),
        ("http://127.0.0.256/f", false), ("http://localhost.example/f", false), ("http://127.10.20.30:1/f", true),
    ])
    func endpointsCarryTheSessionOnlyOverHTTPSOrLoopback(endpoint: String, accepted: Bool) {
        #expect(((try? ConsoleSignIn(region: nil, endpoint: endpoint)) != nil) == accepted)
    }
}
