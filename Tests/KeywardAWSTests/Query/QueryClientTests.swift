import Foundation
import KeywardSystem
import KeywardTestSupport
import Synchronization
import Testing

@testable import KeywardAWS

private func errorXML(_ code: String, _ message: String = "m") -> String {
    "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>\(code)</Code>"
        + "<Message>\(message)</Message></Error><RequestId>req-1</RequestId></ErrorResponse>"
}

private let identityXML = """
    <GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/jo</Arn>\
    <UserId>AIDA1</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>
    """

private let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: SecretString("secret"))

/// Records the waits the client asked for.
final class SleepRecorder: Sendable {
    private let waits = Mutex<[Double]>([])
    func record(_ seconds: Double) { waits.withLock { $0.append(seconds) } }
    var recorded: [Double] { waits.withLock { $0 } }
}

private func client(_ transport: ScriptedTransport, sleeps: SleepRecorder? = nil) throws -> STSClient {
    let recorder = sleeps
    return STSClient(
        client: QueryClient(
            endpoint: try .sts(region: "us-east-1", override: "http://127.0.0.1:1"),
            retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 8), transport: transport,
            now: { Date(timeIntervalSince1970: 1_700_000_000) },
            sleep: { seconds in recorder?.record(seconds) }, random: { 0.5 }))
}

@Suite struct QueryClientTests {
    @Test func decodesTheResultAndSignsThePOST() async throws {
        let transport = ScriptedTransport([.answer(200, identityXML)])
        let identity = try await client(transport).getCallerIdentity(credentials: credentials)
        #expect(
            identity
                == CallerIdentity(arn: "arn:aws:iam::123456789012:user/jo", account: "123456789012", userID: "AIDA1"))
        let sent = try #require(transport.sent.first)
        #expect(sent.method == "POST")
        #expect(String(decoding: sent.body, as: UTF8.self) == "Action=GetCallerIdentity&Version=2011-06-15")
        let authorization = sent.headers.first { $0.name.lowercased() == "authorization" }?.value ?? ""
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20231114/us-east-1/sts/aws4_request"))
        #expect(!authorization.contains("secret"))
    }

    @Test func decodesServiceErrorsWithCodeMessageAndRequestID() async throws {
        let transport = ScriptedTransport([.answer(403, errorXML("SignatureDoesNotMatch", "The request signature..."))])
        await #expect(
            throws: AWSClientError.service(
                AWSServiceError(
                    code: "SignatureDoesNotMatch", message: "The request signature...", requestID: "req-1",
                    httpStatus: 403, operation: "sts:GetCallerIdentity"))
        ) { try await client(transport).getCallerIdentity(credentials: credentials) }
        #expect(transport.sent.count == 1, "signature errors are never retried")
    }

    @Test func neverRetriesAccessDenied() async throws {
        let transport = ScriptedTransport([.answer(403, errorXML("AccessDenied")), .answer(200, identityXML)])
        await #expect(throws: AWSClientError.self) {
            try await client(transport).getCallerIdentity(credentials: credentials)
        }
        #expect(transport.sent.count == 1)
    }

    @Test func retriesThrottlingServerErrorsAndConnectionFailures() async throws {
        let sleeps = SleepRecorder()
        let retrying = ScriptedTransport([
            .answer(400, errorXML("Throttling")), .fail(.connection("reset")), .answer(200, identityXML),
        ])
        let identity = try await client(retrying, sleeps: sleeps).getCallerIdentity(credentials: credentials)
        #expect(identity.account == "123456789012")
        #expect(retrying.sent.count == 3)
        #expect(sleeps.recorded == [0.5, 1.0])
    }

    @Test func givesUpAfterMaxAttemptsWithTheLastError() async throws {
        let transport = ScriptedTransport([
            .answer(500, ""), .answer(502, ""), .fail(.timeout), .answer(200, identityXML),
        ])
        await #expect(
            throws: AWSClientError.timeout(
                operation: "sts:GetCallerIdentity", endpoint: "http://127.0.0.1:1", seconds: 10)
        ) { try await client(transport).getCallerIdentity(credentials: credentials) }
        #expect(transport.sent.count == 3)
    }

    @Test func malformedSuccessIsReported() async throws {
        let transport = ScriptedTransport([.answer(200, "<GetCallerIdentityResponse/>")])
        await #expect(
            throws: AWSClientError.malformedResponse(operation: "sts:GetCallerIdentity", reason: "no Arn element")
        ) { try await client(transport).getCallerIdentity(credentials: credentials) }
    }

    @Test func assumeRoleSendsEveryParameter() async throws {
        let xml = """
            <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA1</AccessKeyId>\
            <SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>\
            <Expiration>2026-11-23T10:00:00Z</Expiration></Credentials><AssumedRoleUser>\
            <Arn>arn:aws:sts::123456789012:assumed-role/admin/jo</Arn><AssumedRoleId>AROA1:jo</AssumedRoleId>\
            </AssumedRoleUser><SourceIdentity>jo</SourceIdentity></AssumeRoleResult></AssumeRoleResponse>
            """
        let transport = ScriptedTransport([.answer(200, xml)])
        let session = try await client(transport).assumeRole(
            AssumeRoleRequest(
                roleARN: "arn:aws:iam::123456789012:role/admin", roleSessionName: "jo", durationSeconds: 3600,
                externalID: "ext", policy: "{}", policyARNs: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                tags: [SessionTag(key: "team", value: "blue")], transitiveTagKeys: ["team"], sourceIdentity: "jo",
                serialNumber: "arn:aws:iam::123456789012:mfa/jo", tokenCode: "123456"),
            credentials: credentials)
        #expect(session.credentials.accessKeyID == "ASIA1")
        #expect(session.credentials.sessionToken == SecretString("t"))
        #expect(session.credentials.expiration == Date(timeIntervalSince1970: 1_795_428_000))
        #expect(session.assumedRoleARN == "arn:aws:sts::123456789012:assumed-role/admin/jo")
        #expect(session.sourceIdentity == "jo")
        let body = String(decoding: try #require(transport.sent.first).body, as: UTF8.self)
        #expect(
            body == "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fadmin"
                + "&RoleSessionName=jo&DurationSeconds=3600&ExternalId=ext&Policy=%7B%7D"
                + "&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=blue&TransitiveTagKeys.member.1=team&SourceIdentity=jo"
                + "&SerialNumber=arn%3Aaws%3Aiam%3A%3A123456789012%3Amfa%2Fjo&TokenCode=123456")
    }

    @Test func samlAndWebIdentityCallsAreUnsigned() async throws {
        let xml = """
            <AssumeRoleWithSAMLResponse><AssumeRoleWithSAMLResult><Credentials><AccessKeyId>ASIA2</AccessKeyId>\
            <SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>\
            <Expiration>2026-11-23T10:00:00.000Z</Expiration></Credentials><Subject>jo</Subject>\
            </AssumeRoleWithSAMLResult></AssumeRoleWithSAMLResponse>
            """
        let transport = ScriptedTransport([.answer(200, xml)])
        let session = try await client(transport).assumeRoleWithSAML(
            roleARN: "arn:aws:iam::123456789012:role/admin",
            principalARN: "arn:aws:iam::123456789012:saml-provider/idp",
            samlAssertion: "PHNhbWw+")
        #expect(session.subject == "jo")
        let sent = try #require(transport.sent.first)
        #expect(!sent.headers.contains { $0.name.lowercased() == "authorization" })
    }
}
