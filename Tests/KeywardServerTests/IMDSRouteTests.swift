import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeywardTestSupport
import Testing

@testable import KeywardServer

@Suite struct IMDSRouteTests {
    private func fixture(lifetime: TimeInterval = 3600) async throws -> RouterFixture {
        let clock = TestClock()
        return try await RouterFixture.make(
            .ec2, source: CountingSource(lifetime: lifetime, now: clock.now), clock: clock)
    }

    private func token(_ client: some TestClientProtocol, ttl: String = "21600") async throws -> String {
        let response = try await client.execute(
            uri: "/latest/api/token", method: .put, headers: [.imdsTokenTTL: ttl])
        #expect(response.status == .ok)
        return String(buffer: response.body)
    }

    @Test func issuesTokensForOneSecondToSixHours() async throws {
        try await fixture().application.test(.router) { client in
            for ttl in ["1", "60", "21600"] {
                let response = try await client.execute(
                    uri: "/latest/api/token", method: .put, headers: [.imdsTokenTTL: ttl])
                #expect(response.status == .ok)
                #expect(response.headers[.imdsTokenTTL] == ttl)
                #expect(response.headers[.contentType] == "text/plain")
                #expect(String(buffer: response.body).count == 56)
            }
            for ttl in ["0", "21601", "-1", "ten", ""] {
                let response = try await client.execute(
                    uri: "/latest/api/token", method: .put, headers: [.imdsTokenTTL: ttl])
                #expect(response.status == .badRequest)
            }
            do {
                let response = try await client.execute(uri: "/latest/api/token", method: .put)
                #expect(response.status == .badRequest)
                #expect(
                    String(buffer: response.body)
                        == #"{"error":{"message":"X-aws-ec2-metadata-token-ttl-seconds must be 1 to 21600"}}"#)
            }
        }
    }

    @Test func servesTheRoleAndItsCredentialsWithAToken() async throws {
        try await fixture().application.test(.router) { client in
            let token = try await token(client)
            do {
                let response = try await client.execute(
                    uri: "/latest/meta-data/iam/security-credentials/", method: .get, headers: [.imdsToken: token]
                )
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "served")
            }
            do {
                let response = try await client.execute(
                    uri: "/latest/meta-data/iam/security-credentials/served", method: .get, headers: [.imdsToken: token]
                )
                #expect(response.status == .ok)
                #expect(
                    try jsonFields(response.body) == [
                        "Code": "Success", "LastUpdated": "2027-01-15T08:00:00Z", "Type": "AWS-HMAC",
                        "AccessKeyId": "ASIAKEY1", "SecretAccessKey": "secret-KEY1", "Token": "token-KEY1",
                        "Expiration": "2027-01-15T09:00:00Z",
                    ])
            }
            do {
                let response = try await client.execute(
                    uri: "/latest/meta-data/iam/security-credentials/other", method: .get, headers: [.imdsToken: token]
                )
                #expect(response.status == .notFound)
            }
            do {
                let response = try await client.execute(
                    uri: "/latest/meta-data/iam/info", method: .get, headers: [.imdsToken: token])
                #expect(response.status == .ok)
                #expect(
                    try jsonFields(response.body) == [
                        "Code": "Success", "LastUpdated": "2027-01-15T08:00:00Z",
                        "InstanceProfileArn": "arn:aws:iam::123456789012:instance-profile/served",
                        "InstanceProfileId": ServedRole(name: "served", arn: RouterFixture.roleARN).instanceProfileID,
                    ])
            }
        }
    }

    @Test func everyGetNeedsAValidUnexpiredToken() async throws {
        let fixture = try await fixture()
        try await fixture.application.test(.router) { client in
            let paths = [
                "/latest/meta-data/iam/security-credentials/", "/latest/meta-data/iam/security-credentials/served",
                "/latest/meta-data/iam/info", "/latest/meta-data/", "/nothing",
            ]
            let foreign = IMDSTokens(now: fixture.clock.now).issue(ttl: 21_600)
            for path in paths {
                do {
                    let response = try await client.execute(uri: path, method: .get)
                    #expect(response.status == .unauthorized)
                    #expect(!String(buffer: response.body).contains("ASIA"))
                }
                for bad in ["", "garbage", foreign] {
                    let response = try await client.execute(uri: path, method: .get, headers: [.imdsToken: bad])
                    #expect(response.status == .unauthorized)
                }
            }
            let shortLived = try await token(client, ttl: "5")
            let path = "/latest/meta-data/iam/security-credentials/served"
            do {
                let response = try await client.execute(uri: path, method: .get, headers: [.imdsToken: shortLived])
                #expect(response.status == .ok)
            }
            fixture.clock.advance(by: 5)
            do {
                let response = try await client.execute(uri: path, method: .get, headers: [.imdsToken: shortLived])
                #expect(response.status == .unauthorized)
                #expect(
                    String(buffer: response.body)
                        == #"{"error":{"message":"missing, invalid or expired metadata token"}}"#)
            }
        }
    }

    @Test func refusesForwardedRequestsIncludingTokenRequests() async throws {
        try await fixture().application.test(.router) { client in
            let token = try await token(client)
            do {
                let response = try await client.execute(
                    uri: "/latest/api/token", method: .put,
                    headers: [.imdsTokenTTL: "60", .xForwardedFor: "203.0.113.9"]
                )
                #expect(response.status == .forbidden)
                #expect(response.headers[.imdsTokenTTL] == nil)
            }
            do {
                let response = try await client.execute(
                    uri: "/latest/meta-data/iam/security-credentials/served", method: .get,
                    headers: [.imdsToken: token, .xForwardedFor: "127.0.0.1"]
                )
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func sourceFailureGivesAConstant503() async throws {
        let clock = TestClock()
        let source = FailAfterFirstSource(
            first: testCredentials("ONCE", expiringAt: clock.now().addingTimeInterval(600)))
        let fixture = try await RouterFixture.make(.ec2, source: source, clock: clock)
        try await fixture.application.test(.router) { client in
            let token = try await token(client)
            clock.advance(by: 301)
            do {
                let response = try await client.execute(
                    uri: "/latest/meta-data/iam/security-credentials/served", method: .get, headers: [.imdsToken: token]
                )
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body) == #"{"error":{"message":"credentials are unavailable"}}"#)
            }
        }
    }
}
