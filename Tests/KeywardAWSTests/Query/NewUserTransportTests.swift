import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardAWS

/// Issue 21, items 4 and 13, at the library's level.
@Suite struct NewUserTransportTests {
    /// Item 4: a refused connection is one failed attempt, at once, in words (the shared client retried it
    /// until the 10 s deadline and reported "connection reset (error set): Connection refused (errno: 111)").
    @Test func item04ARefusedConnectionFailsTheAttemptInWords() async throws {
        let request = SignableRequest(method: "POST", url: try #require(URL(string: "http://127.0.0.1:1/")))
        do {
            _ = try await AsyncHTTPTransport().send(request, timeout: 10)
            Issue.record("an answer from port 1")
        } catch {
            #expect(error == .connection("connection refused"))
        }
    }

    @Test func item04ErrnosReadAsWords() {
        #expect(AsyncHTTPTransport.reason(forErrno: ECONNREFUSED) == "connection refused")
        #expect(AsyncHTTPTransport.reason(forErrno: ENETUNREACH) == "network unreachable")
        #expect(AsyncHTTPTransport.reason(forErrno: ENOENT) == "no such file or directory")
    }

    /// Item 13: what STS refuses, refused before sending, never repeating an MFA code.
    @Test func item13TheLimitsOfSTS() throws {
        try STSRequestLimits.check(
            .duration(seconds: 900, call: .assumeRole), .duration(seconds: 43_200, call: .assumeRole))
        try STSRequestLimits.check(.duration(seconds: 129_600, call: .getSessionToken), .mfaCode("012345"))
        try STSRequestLimits.check(.roleARN("arn:aws-cn:iam::123456789012:role/path/to/deploy"))
        #expect(
            throws: STSRequestLimits.Violation(
                reason: "the session length 899 s (14m59s) is below STS's minimum of 900 s (15m)")
        ) {
            try STSRequestLimits.check(.duration(seconds: 899, call: .getSessionToken))
        }
        #expect(
            throws: STSRequestLimits.Violation(
                reason: "the session length 43201 s (12h1s) is above STS's maximum of 43200 s (12h)")
        ) {
            try STSRequestLimits.check(.duration(seconds: 43_201, call: .assumeRole))
        }
        for code in ["12345", "1234567", "12345a", "１２３４５６", ""] {
            #expect(throws: STSRequestLimits.Violation(reason: "the MFA code is not six digits")) {
                try STSRequestLimits.check(.mfaCode(code))
            }
        }
        for arn in [
            "admin", "arn:aws:iam::123456789012:user/jo", "arn:aws:iam::12345678901:role/x",
            "arn:aws:iam::123456789012:role/",
            "arn:aws:sts::123456789012:role/x", "arn::iam::123456789012:role/x",
        ] {
            #expect(!STSRequestLimits.isRoleARN(arn), "\(arn)")
        }
    }

    /// Item 13: the client refuses before the transport is asked anything.
    @Test func item13NothingIsSentForARefusedValue() async throws {
        let transport = ScriptedTransport([])
        let sts = STSClient(
            client: QueryClient(
                endpoint: try .sts(region: "us-east-1", override: "http://127.0.0.1:1"), transport: transport))
        let keys = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: SecretString("secret"))
        await #expect(
            throws: AWSClientError.refusedLocally(
                operation: "sts:AssumeRole",
                reason: "\"sess\" is not a role ARN (arn:aws:iam::123456789012:role/NAME)")
        ) {
            _ = try await sts.assumeRole(AssumeRoleRequest(roleARN: "sess", roleSessionName: "s"), credentials: keys)
        }
        await #expect(throws: AWSClientError.self) {
            _ = try await sts.getSessionToken(credentials: keys, durationSeconds: 60)
        }
        #expect(transport.sent.isEmpty)
    }
}
